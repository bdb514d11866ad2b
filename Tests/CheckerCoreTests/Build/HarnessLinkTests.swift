import Foundation
import Testing

@testable import CheckerCore

/// The harness as a module of its own, linked with a submission through one entry file.
@Suite("The harness is linked, not compiled into the submission")
struct HarnessLinkTests {
  @Test("the entry file hands over exactly the callable tasks' functions, under their names")
  func entry() {
    let tasks = [Exercise.tasks[0], Exercise.tasks[3]]
    let substituted = HarnessEntry.text(callable: tasks, substituted: true, hasDefault: true)
    #expect(substituted.contains("@_silgen_name(\"asynccheck_student_functions\")"))
    #expect(
      substituted.contains(
        "functions.waitRandom = { await asyncCheckStudentWaitRandom(maxDelay: $0) }"))
    #expect(
      substituted.contains("functions.waitRandomDefault = { await asyncCheckStudentWaitRandom() }"))
    #expect(
      substituted.contains(
        "functions.taskWaitRandom = { asyncCheckStudentTaskWaitRandom(maxDelay: $0) }"))
    #expect(!substituted.contains("waitN"))
    let plain = HarnessEntry.text(
      callable: [Exercise.tasks[1]], substituted: false, hasDefault: false)
    #expect(plain.contains("functions.waitN = { await waitN(n: $0, maxDelay: $1) }"))
    #expect(plain.contains("substituted: false"))
    #expect(!plain.contains("Default"))
  }

  @Test("a submission's own entry point is its compile error, at the @main line")
  func ownMain() {
    let output = """
      error: link command failed with exit code 1 (use -v to see invocation)
      /usr/bin/ld.gold: error: /cache/AsyncCheckSupport.o: multiple definition of 'main'
      /usr/bin/ld.gold: /tmp/TemporaryDirectory.x/Submission-1.o: previous definition here
      clang: error: linker command failed with exit code 1 (use -v to see invocation)
      """
    let errors = SubmissionBuilder.linkErrors(
      in: output,
      sources: [
        SourceFile(relativePath: "A.swift", text: "func f() {}\n"),
        SourceFile(relativePath: "App.swift", text: "import Foundation\n@main\nenum App {}\n"),
      ])
    #expect(errors.count == 1)
    #expect(errors.first?.file == "App.swift")
    #expect(errors.first?.line == 2)
    #expect(errors.first?.message.contains("remove `@main`") == true)
    #expect(SubmissionBuilder.linkErrors(in: "warning: nothing\n", sources: []).isEmpty)
  }

  @Test("the launcher takes several writable folders and the checker's user")
  func launcherArguments() throws {
    let request = try #require(
      SandboxLauncher.parse([
        "--root", "/r", "--rw", "/work", "--rw", "/cache", "--ro", "/opt", "--as-checker", "--",
        "/bin/swiftc", "-typecheck",
      ]))
    #expect(request.writable == "/work")
    #expect(request.otherWritable == ["/cache"])
    #expect(request.readable == ["/opt"])
    #expect(request.asChecker)
    #expect(request.program == ["/bin/swiftc", "-typecheck"])
    #expect(SandboxLauncher.parse(["--root", "/r", "--", "x"]) == nil)
    #expect(SandboxLauncher.parse(["--root", "/r", "--rw", "/w", "--", "x"])?.asChecker == false)
  }

  @Test(
    "student code cannot shadow the harness or replace its main", .tags(.spawnsProcesses),
    .notInQuickRuns, .timeLimit(.minutes(5)))
  func shadowing() async throws {
    let hostile = SampleCatalog.folder.appendingPathComponent("hostile")
    // A `write` of the student's own is never called: full marks for the correct functions.
    let shadow = try await grade(hostile.appendingPathComponent("swift-shadow-write").path)
    #expect(shadow.passed, "\(shadow.tasks.flatMap(\.checks).filter { $0.status != .passed })")
    // An `@main` of the student's own is left out (it would write made-up results): its
    // broken functions pass nothing but their signatures.
    let ownMain = try await grade(hostile.appendingPathComponent("swift-own-main").path)
    #expect(ownMain.notes.contains { $0.hasPrefix("left out the `@main` attribute in Solution") })
    #expect(
      ownMain.tasks.allSatisfy {
        $0.checks.allSatisfy {
          $0.status != .passed || ["signature", "documented", "swift-format"].contains($0.name)
        }
      })
  }

  @Test(
    "a build without renaming calls the student's own functions, never the harness's",
    .tags(.spawnsProcesses), .notInQuickRuns, .timeLimit(.minutes(5)))
  func plainBuild() async throws {
    // An overload of an exercise name used outside every task function compiles only with the
    // student's own names: the checker builds without renaming. The entry file must then reach
    // the student's `waitRandom()`, not the harness's stand-in of the same name (which would
    // call back into the entry, for ever).
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "asynccheck-plain-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    try Data(
      """
      /// Sleeps a random delay between 0 and maxDelay seconds and returns it.
      func waitRandom(maxDelay: Int = 10) async -> Double {
        let delay = Double.random(in: 0...Double(maxDelay))
        try? await Task.sleep(nanoseconds: UInt64(delay * 1e9))
        return delay
      }

      /// Counts, for the helper below.
      func waitN(n: Int, maxDelay: Int, counting: Bool) -> Int { n }

      /// Uses the overload.
      func helper() -> Int { waitN(n: 1, maxDelay: 1, counting: true) }
      """.utf8
    ).write(to: folder.appendingPathComponent("Solution.swift"))
    let result = try await Grader().grade(Grader.Request(path: folder.path, seed: 3, taskIDs: [0]))
    let report = result.report
    #expect(report.notes.contains { $0.hasPrefix("sleeps could not be recorded") })
    let checks = try #require(report.tasks.first?.checks)
    #expect(checks.first { $0.name == "default-max-delay" }?.status == .passed, "\(checks)")
    #expect(checks.first { $0.name == "in-bounds" }?.status == .passed, "\(checks)")
  }

  func grade(_ path: String) async throws -> GradeReport {
    try await Grader().grade(Grader.Request(path: path, seed: 5)).report
  }
}

@Suite(
  "The compiled harness in the cache", .tags(.spawnsProcesses), .notInQuickRuns,
  .timeLimit(.minutes(10)))
struct HarnessLibraryTests {
  @Test("is compiled once, reused while whole, and compiled again when damaged")
  func damagedLibraryIsRebuilt() async throws {
    try await offPool { try Self.damageAndRebuild() }
  }

  /// The test's work, blocking (it compiles), for a thread off the cooperative pool.
  static func damageAndRebuild() throws {
    let base = FileManager.default.temporaryDirectory.appendingPathComponent(
      "asynccheck-library-\(UUID().uuidString)"
    ).path
    defer { try? FileManager.default.removeItem(atPath: base) }
    let toolchain = try Toolchain.find()
    let library = try HarnessLibrary.prepare(for: toolchain, in: base)
    let made = try FileManager.default.attributesOfItem(atPath: library.object)
    #expect(try HarnessLibrary.prepare(for: toolchain, in: base).folder == library.folder)
    let again = try FileManager.default.attributesOfItem(atPath: library.object)
    #expect(again[.modificationDate] as? Date == made[.modificationDate] as? Date)
    // Cut short, as by a full disk: made again, whole.
    try Data("cut".utf8).write(to: URL(fileURLWithPath: library.object))
    let rebuilt = try HarnessLibrary.prepare(for: toolchain, in: base)
    let size = try FileManager.default.attributesOfItem(atPath: rebuilt.object)[.size] as? Int
    #expect((size ?? 0) > 1000)
    #expect(
      try String(contentsOfFile: rebuilt.stamp, encoding: .utf8) == rebuilt.fingerprintOfFiles)
  }
}
