/// The harness sources compiled with every submission, embedded in the checker at build time
/// from `Resources/Harness/`.
enum HarnessSources {
  /// File name and text of each harness source.
  static let files: [(String, String)] = [
    (
      "AsyncCheckHarness.swift",
      String(decoding: PackageResources.AsyncCheckHarness_swift, as: UTF8.self)
    ),
    (
      "AsyncCheckSubstitution.swift",
      String(decoding: PackageResources.AsyncCheckSubstitution_swift, as: UTF8.self)
    ),
    (
      "AsyncCheckReference.swift",
      String(decoding: PackageResources.AsyncCheckReference_swift, as: UTF8.self)
    ),
  ]
}
