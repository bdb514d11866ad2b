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
    guard let swiftc = program("swiftc", override: "SWIFTC") else { throw .noToolchain }
    return Toolchain(swiftc: swiftc)
  }

  /// Finds `python3`: `$PYTHON` if set, else the first one on `$PATH`.
  ///
  /// - Returns: Its absolute path.
  /// - Throws: `BuildError.noPython` when there is none.
  public static func python() throws(BuildError) -> String {
    guard let python = program("python3", override: "PYTHON") else { throw .noPython }
    return python
  }

  private static func program(_ name: String, override: String) -> String? {
    let environment = ProcessInfo.processInfo.environment
    if let explicit = environment[override], FileManager.default.isExecutableFile(atPath: explicit)
    {
      return explicit
    }
    for folder in (environment["PATH"] ?? "").split(separator: ":") {
      let candidate = "\(folder)/\(name)"
      if FileManager.default.isExecutableFile(atPath: candidate) {
        return candidate
      }
    }
    return nil
  }
}
