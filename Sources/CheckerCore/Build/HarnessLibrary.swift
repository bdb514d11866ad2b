import Foundation

/// The Swift harness, compiled once as a module of its own (`AsyncCheckSupport`) and linked with
/// every submission.
///
/// A submission compiled in the same module as the harness could shadow its functions, read its
/// compile-time flags and name its channel; compiled as another module, it can name only the
/// harness's public declarations (the exercise's functions, see `HarnessExerciseSource`), and the program's `main` is the harness's. The compiled
/// module is kept between runs in the checker's cache, under a name that changes with the
/// harness's sources and the compiler, and is never reachable from a sandboxed student process.
public struct HarnessLibrary: Sendable {
  /// The module's name, imported by the entry file and by substituted submissions.
  public static let moduleName = "AsyncCheckSupport"

  /// The folder holding the compiled module (passed to the compiler with `-I`).
  public let folder: String

  /// The compiled harness, linked into each program.
  public var object: String { folder + "/" + Self.moduleName + ".o" }

  /// The fingerprint of the compiled files, recorded when they were made.
  var stamp: String { folder + "/" + Self.moduleName + ".stamp" }

  /// The compiled files' fingerprint now.
  var fingerprintOfFiles: String {
    ContentHash.of(files: [object, folder + "/" + Self.moduleName + ".swiftmodule"])
  }

  /// The harness sources: the hand-written ones, embedded in the checker at build time from
  /// `Resources/Harness/`, and the part generated from the exercise model
  /// (`HarnessExerciseSource`).
  static let sources: [(name: String, text: String)] =
    [
      ("AsyncCheckHarness.swift", PackageResources.AsyncCheckHarness_swift),
      ("AsyncCheckReference.swift", PackageResources.AsyncCheckReference_swift),
    ].map { ($0.0, String(decoding: $0.1, as: UTF8.self)) }
    + [(HarnessExerciseSource.fileName, HarnessExerciseSource.text)]

  /// The compiled harness for `toolchain`, compiling it when the cache has none.
  ///
  /// - Parameter toolchain: The compiler submissions are built with.
  /// - Returns: The library.
  /// - Throws: `BuildError.compilerFailed` when the harness does not compile,
  ///   `BuildError.workspace` when no folder can hold it.
  public static func prepared(for toolchain: Toolchain) throws(BuildError) -> HarnessLibrary {
    try preparedLibraries.value(for: toolchain.swiftc) { _ throws(BuildError) in
      try prepare(
        for: toolchain, in: Toolchain.cacheFolder ?? FileManager.default.temporaryDirectory.path)
    }
  }

  /// The libraries this process has prepared, by compiler: a class graded by several workers
  /// compiles the harness once.
  private static let preparedLibraries = ComputedOnce<String, HarnessLibrary>()

  /// The compiled harness in `base`: the one there if it is whole, else a new one.
  static func prepare(for toolchain: Toolchain, in base: String) throws(BuildError)
    -> HarnessLibrary
  {
    let folder = "\(base)/harness-\(fingerprint(of: toolchain))"
    let library = HarnessLibrary(folder: folder)
    // A library cut short (a full disk, a killed checker) would fail every grading after it, as
    // the students' link errors: one whose files changed since they were made is made again.
    if FileManager.default.fileExists(atPath: library.object) {
      if let recorded = try? String(contentsOfFile: library.stamp, encoding: .utf8),
        recorded == library.fingerprintOfFiles
      {
        return library
      }
      try? FileManager.default.removeItem(atPath: folder)
    }

    // Compiled in a folder of its own, then moved into place whole: checkers running at once
    // never see half a library.
    let workspace = try BuildError.preparing(Workspace.make())
    defer { workspace.remove() }
    let staging = try BuildError.preparing(workspace.makeFolder("library"))
    var paths: [String] = []
    for source in sources {
      paths.append(
        try BuildError.preparing(workspace.write(source.text, to: "sources/" + source.name)))
    }
    let job = ProcessSupervisor.Job(
      executable: toolchain.swiftc,
      arguments: [
        "-parse-as-library", "-wmo", "-Onone", "-swift-version", "6", "-module-name", moduleName,
        "-emit-module", "-emit-module-path", "\(staging)/\(moduleName).swiftmodule", "-c",
        "-o", "\(staging)/\(moduleName).o",
      ] + Toolchain.moduleCacheFlags(workspace: workspace) + paths,
      workingDirectory: workspace.root, timeLimit: 300)
    let outcome = ProcessSupervisor.run([job])[0]
    guard outcome.termination == .exited(0) else {
      let output = String(decoding: outcome.output, as: UTF8.self)
      throw .compilerFailed(
        "the checker's harness does not compile with \(toolchain.swiftc) "
          + "(\(outcome.termination)): \(output.prefix(1000))")
    }
    try? FileManager.default.createDirectory(
      atPath: base, withIntermediateDirectories: true)
    let made = HarnessLibrary(folder: staging)
    try? Data(made.fingerprintOfFiles.utf8).write(to: URL(fileURLWithPath: made.stamp))
    if rename(staging, folder) != 0, !FileManager.default.fileExists(atPath: library.object) {
      // No cache to keep it in: use it from a folder of this process's own.
      let kept = try BuildError.preparing(Workspace.make())
      if rename(staging, kept.path("library")) == 0 {
        return HarnessLibrary(folder: kept.path("library"))
      }
      throw .workspace("cannot keep the compiled harness in \(folder) or \(kept.root)")
    }
    return library
  }

  /// A name for the harness compiled from these sources by this compiler: a changed harness or
  /// an updated toolchain (whose modules an older one cannot read) gets a new one.
  static func fingerprint(of toolchain: Toolchain) -> String {
    let compiler = URL(fileURLWithPath: toolchain.swiftc).resolvingSymlinksInPath()
    let frontend = compiler.deletingLastPathComponent().appendingPathComponent("swift-frontend")
    let stamps = [compiler, frontend].map { url -> String in
      let attributes = try? FileManager.default.attributesOfItem(atPath: url.path)
      let size = (attributes?[.size] as? NSNumber)?.intValue ?? 0
      let date = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
      return "\(url.path) \(size) \(date)"
    }
    return ContentHash.of(texts: stamps + sources.flatMap { [$0.name, $0.text] })
  }
}
