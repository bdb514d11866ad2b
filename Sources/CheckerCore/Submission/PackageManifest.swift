/// What the checker reads from a `Package.swift` without running it: the language mode.
///
/// Evaluating a manifest means compiling and running it (seconds, and it may write into the
/// package), so the few facts needed are read from its text.
struct PackageManifest {
  let text: String

  /// The language mode a target compiles in: a target's `.swiftLanguageMode(.vN)` setting, else
  /// the package's `swiftLanguageModes`/`swiftLanguageVersions`, else the tools version's
  /// default (Swift 6 from tools version 6.0 on, Swift 5 before).
  func languageMode(forTarget target: String) -> Int {
    if let mode = targetLanguageMode(target) { return mode }
    if let mode = firstMode(after: "swiftLanguageModes")
      ?? firstMode(after: "swiftLanguageVersions")
    {
      return mode
    }
    return toolsVersionMajor.map { $0 >= 6 ? 6 : 5 } ?? 5
  }

  /// The major version in `// swift-tools-version:X.Y`.
  var toolsVersionMajor: Int? {
    guard let firstLine = text.split(separator: "\n", omittingEmptySubsequences: false).first,
      let range = firstLine.range(of: "swift-tools-version")
    else { return nil }
    let digits = firstLine[range.upperBound...].drop { !$0.isNumber }.prefix { $0.isNumber }
    return Int(digits)
  }

  private func targetLanguageMode(_ target: String) -> Int? {
    guard let nameRange = text.range(of: "name: \"\(target)\"") else { return nil }
    // The target's own declaration runs until the next target declaration.
    let rest = text[nameRange.upperBound...]
    let end =
      [".target(", ".executableTarget(", ".testTarget(", ".macro("]
      .compactMap { rest.range(of: $0)?.lowerBound }.min() ?? rest.endIndex
    let declaration = rest[..<end]
    guard let setting = declaration.range(of: "swiftLanguageMode(") else { return nil }
    return mode(in: declaration[setting.upperBound...].prefix(8))
  }

  private func firstMode(after key: String) -> Int? {
    guard let range = text.range(of: key) else { return nil }
    return mode(in: text[range.upperBound...].prefix(24))
  }

  private func mode(in fragment: Substring) -> Int? {
    if fragment.contains(".v6") || fragment.contains("\"6") { return 6 }
    if fragment.contains(".v5") || fragment.contains(".version(\"5") { return 5 }
    if fragment.contains(".v4") { return 5 }
    return nil
  }
}
