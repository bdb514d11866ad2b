import Foundation

/// The Swift compiler the checker builds submissions with.
public struct Toolchain: Sendable {
  /// The absolute path of `swiftc`.
  public let swiftc: String

  /// A module cache kept between gradings, or `nil` when none can be made.
  ///
  /// Every grading builds in a new temporary folder; a module cache there would start empty
  /// each time, and compiling against an empty cache takes about three times as long
  /// (`shared/MEASUREMENTS.md`). Clang's module cache is safe to share between compilers running
  /// at once.
  public static let sharedModuleCache: String? = cacheFolder.flatMap { base in
    let folder = base + "/ModuleCache"
    do {
      try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
      return folder
    } catch {
      return nil
    }
  }

  /// The checker's own cache folder, or `nil` when none can be made.
  ///
  /// `$XDG_CACHE_HOME/asynccheck` or the system's equivalent. Sandboxed student code cannot
  /// reach it.
  public static let cacheFolder: String? = {
    let base =
      ProcessInfo.processInfo.environment["XDG_CACHE_HOME"].map { URL(fileURLWithPath: $0) }
      ?? FileManager.default.urls(for: .cachesDirectory, in: .userDomainMask).first
      ?? FileManager.default.temporaryDirectory
    let folder = base.appendingPathComponent("asynccheck")
    do {
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      return folder.path
    } catch {
      return nil
    }
  }()

  /// The compiler flags that point it at the shared module cache, or at one in `workspace`.
  static func moduleCacheFlags(workspace: Workspace) -> [String] {
    ["-module-cache-path", sharedModuleCache ?? workspace.path("module-cache")]
  }

  /// Empties the shared module cache (it is rebuilt as the next compilations need it).
  public static func resetSharedModuleCache() {
    guard let folder = sharedModuleCache else { return }
    try? FileManager.default.removeItem(atPath: folder)
    try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
  }

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
    guard let python = resolvedPython else { throw .noPython }
    return python
  }

  /// The interpreter `python3` runs, asked once: a version manager's `python3` is often a shell
  /// script (pyenv's shim forks some twenty processes per start), which with dozens of harness
  /// processes starting together on two cores took longer than a task's time limit.
  private static let resolvedPython: String? = {
    guard let python = program("python3", override: "PYTHON") else { return nil }
    guard let path = output(of: python, ["-c", "import sys; print(sys.executable)"]) else {
      return python
    }
    return FileManager.default.isExecutableFile(atPath: path) ? path : python
  }()

  /// What `program` prints, trimmed, when it ends with status 0: for asking a tool about
  /// itself (where a Python is, what a default configuration says).
  static func output(of program: String, _ arguments: [String]) -> String? {
    let job = ProcessSupervisor.Job(
      executable: program, arguments: arguments,
      workingDirectory: FileManager.default.temporaryDirectory.path, timeLimit: 30)
    guard let outcome = ProcessSupervisor.run([job]).first, outcome.termination == .exited(0)
    else { return nil }
    return String(decoding: outcome.output, as: UTF8.self)
      .trimmingCharacters(in: .whitespacesAndNewlines)
  }

  /// The folder pycodestyle is imported from, asked once; `nil` when it is not installed.
  static let pycodestyleFolder: String? = {
    guard let python = try? python(),
      let path = output(
        of: python, ["-c", "import os, pycodestyle; print(os.path.dirname(pycodestyle.__file__))"])
    else { return nil }
    return path.isEmpty ? nil : path
  }()

  /// `swift-format`: beside `swiftc` (Swift.org toolchains), else on `$PATH`.
  func swiftFormat() -> String? {
    let beside = URL(fileURLWithPath: swiftc).deletingLastPathComponent()
      .appendingPathComponent("swift-format").path
    if FileManager.default.isExecutableFile(atPath: beside) { return beside }
    return Self.program("swift-format", override: "SWIFT_FORMAT")
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
