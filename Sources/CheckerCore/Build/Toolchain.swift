import Foundation

/// The Swift compiler the checker builds submissions with.
public struct Toolchain: Sendable {
  /// The absolute path of `swiftc`.
  public let swiftc: String

  /// Finds `swiftc`: `$SWIFTC` if set, else the first one on `$PATH`.
  ///
  /// - Returns: The toolchain.
  /// - Throws: `BuildError.noToolchain` when there is none.
  public static func find() throws(BuildError) -> Toolchain {
    let environment = ProcessInfo.processInfo.environment
    if let explicit = environment["SWIFTC"], FileManager.default.isExecutableFile(atPath: explicit)
    {
      return Toolchain(swiftc: explicit)
    }
    for folder in (environment["PATH"] ?? "").split(separator: ":") {
      let candidate = "\(folder)/swiftc"
      if FileManager.default.isExecutableFile(atPath: candidate) {
        return Toolchain(swiftc: candidate)
      }
    }
    throw .noToolchain
  }
}
