import Foundation
import Testing

@testable import CheckerCore

/// The Gradescope autograder as a teacher makes it and Gradescope runs it: `checker bundle
/// gradescope` writes the zip, which is unzipped into a temporary `/autograder/source`; its
/// `setup.sh` runs there, then `run_autograder` (copied to the root, as Gradescope does) for
/// each submission, with nothing set but `AUTOGRADER_ROOT`.
@Suite(
  "The Gradescope bundle", .serialized, .tags(.spawnsProcesses), .notInQuickRuns,
  .timeLimit(.minutes(10)))
struct GradescopeBundleTests {
  /// An unzipped, set-up autograder folder.
  final class Autograder: Sendable {
    let root: URL

    init() async throws {
      root = FileManager.default.temporaryDirectory.appendingPathComponent(
        "autograder-\(UUID().uuidString)")
      let source = root.appendingPathComponent("source")
      try FileManager.default.createDirectory(at: source, withIntermediateDirectories: true)
      let points = root.appendingPathComponent("points.json")
      try Data(#"{"0": 2, "1": 3, "2": 1, "3": 2, "4": 2}"#.utf8).write(to: points)
      let zip = root.appendingPathComponent("autograder.zip")
      let bundled = try await CheckerExecutableTests.checker([
        "bundle", "gradescope", "--points", points.path, "--output", zip.path,
      ])
      #expect(bundled.status == 0, "\(bundled.standardError)")
      #expect(bundled.standardOutput.contains("Upload it in Gradescope"))
      // Unzipped by an independent reader, with the permissions the archive records.
      let unzip = """
        import sys, zipfile, os
        archive = zipfile.ZipFile(sys.argv[1])
        assert archive.testzip() is None
        for info in archive.infolist():
            path = archive.extract(info, sys.argv[2])
            os.chmod(path, (info.external_attr >> 16) & 0o777)
        """
      #expect(
        try await GradescopeBundleTests.run(["python3", "-c", unzip, zip.path, source.path]) == 0)
      let setup = try await GradescopeBundleTests.output(
        ["bash", source.appendingPathComponent("setup.sh").path], root: root)
      #expect(setup.status == 0, "\(setup.text)")
      // The program built for the bundle ran there: no build from the sources.
      #expect(setup.text.contains("setup: using the bundled checker"), "\(setup.text)")
      try FileManager.default.copyItem(
        at: source.appendingPathComponent("run_autograder"),
        to: root.appendingPathComponent("run_autograder"))
    }

    deinit {
      try? FileManager.default.removeItem(at: root)
    }

    /// Grades `submission` (an empty one when `nil`) with `run_autograder`: its results.json.
    func grade(_ submission: URL?) async throws -> [String: Any] {
      let target = root.appendingPathComponent("submission")
      try? FileManager.default.removeItem(at: target)
      if let submission {
        try FileManager.default.copyItem(at: submission, to: target)
      } else {
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
      }
      let status = try await GradescopeBundleTests.run(
        [root.appendingPathComponent("run_autograder").path], root: root)
      #expect(status == 0)
      let data = try #require(
        FileManager.default.contents(
          atPath: root.appendingPathComponent("results/results.json").path))
      return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }
  }

  /// Runs a program (found on the PATH) with `AUTOGRADER_ROOT` set when given a root.
  static func run(_ command: [String], root: URL? = nil) async throws -> Int32 {
    try await output(command, root: root).status
  }

  /// Runs a program as `run` does: its status, and what it wrote on both streams.
  static func output(_ command: [String], root: URL? = nil) async throws -> (
    status: Int32, text: String
  ) {
    try await offPool { () throws -> (Int32, String) in
      let process = Process()
      process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
      process.arguments = command
      var environment = ProcessInfo.processInfo.environment
      environment["CHECKER"] = nil
      environment["POINTS"] = nil
      if let root { environment["AUTOGRADER_ROOT"] = root.path }
      process.environment = environment
      let pipe = Pipe()
      process.standardOutput = pipe
      process.standardError = pipe
      try process.run()
      let data = pipe.fileHandleForReading.readDataToEndOfFile()
      process.waitUntilExit()
      return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
  }

  @Test("the bundle, set up as documented, grades submissions into results.json")
  func bundleGrades() async throws {
    let autograder = try await Autograder()
    let samples = SampleCatalog.folder

    // A correct submission: every point of the teacher's points.json (10), rounded.
    let correct = try await autograder.grade(
      samples.appendingPathComponent("swift/correct-task-group"))
    #expect(correct["score"] as? Double == 10)
    #expect(correct["max_score"] as? Double == 10)

    // A broken one: fewer, each test's points with at most two decimals.
    let broken = try await autograder.grade(
      samples.appendingPathComponent("swift/broken-measure-total"))
    let score = try #require(broken["score"] as? Double)
    #expect(score > 0 && score < 10)
    #expect(score == (score * 100).rounded() / 100)
    let tests = try #require(broken["tests"] as? [[String: Any]])
    #expect(
      tests.contains { $0["number"] as? String == "2.2" && $0["status"] as? String == "failed" })
    for test in tests {
      let points = try #require(test["max_score"] as? Double)
      #expect(points == (points * 100).rounded() / 100)
    }

    // The bundled program needs no toolchain to start: it runs with this machine's Swift
    // runtime hidden, as on an image whose toolchain lives elsewhere (or is another release).
    let runtime = URL(fileURLWithPath: try Toolchain.find().swiftc).resolvingSymlinksInPath()
      .deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("lib/swift/linux").path
    let program = autograder.root.appendingPathComponent("source/bin/checker").path
    let hidden = try await Self.output([
      "unshare", "-rm", "sh", "-c",
      "mount -t tmpfs none \"$1\" && ls \"$1\" | wc -l && exec \"$2\" --version", "-",
      runtime, program,
    ])
    #expect(hidden.status == 0 && hidden.text.hasPrefix("0\nasynccheck "), "\(hidden.text)")
    // The debug checker this suite runs does need it: the hiding is real.
    let needs = try await Self.output([
      "unshare", "-rm", "sh", "-c", "mount -t tmpfs none \"$1\" && exec \"$2\" --version", "-",
      runtime, CheckerExecutableTests.productsFolder.appendingPathComponent("checker").path,
    ])
    #expect(needs.status != 0, "\(needs.text)")

    // Nothing to grade: no points, and a sentence the student can act on.
    let empty = try await autograder.grade(nil)
    #expect(empty["score"] as? Double == 0)
    let output = try #require(empty["output"] as? String)
    #expect(output.hasPrefix("Your submission could not be graded: no Swift sources"))
    #expect(output.contains("submit again"))
  }

  @Test("the archive is a zip any reader takes, with executable scripts and no build output")
  func archive() throws {
    let checkout = try #require(
      GradescopeBundle.checkout(containing: SampleCatalog.folder), "the asynccheck checkout")
    let entries = try GradescopeBundle(source: checkout).entries()
    let paths = entries.map(\.path)
    #expect(paths.prefix(2) == ["setup.sh", "run_autograder"])
    #expect(entries.prefix(2).allSatisfy { $0.permissions == 0o755 })
    #expect(paths.contains("asynccheck/Package.swift"))
    #expect(paths.contains("asynccheck/Sources/CheckerCore/Resources/Reference/WaitN.swift"))
    #expect(!paths.contains { $0.contains(".build") || $0.contains("/.") })
    // CRC-32 as zip computes it.
    #expect(ZipArchive.crc32(Data("123456789".utf8)) == 0xCBF4_3926)
  }

  @Test(
    "bad input is refused, naming what is wrong",
    arguments: [
      ([], "bundle needs a target: checker bundle gradescope (see checker bundle --help)"),
      (["moodle"], "bundle moodle: only `bundle gradescope` exists"),
      (["gradescope", "--points", "/no/such.json"], "/no/such.json"),
      (["gradescope", "--source", "/"], "/ is not an asynccheck checkout"),
      (["gradescope", "--zip"], "unknown option --zip"),
      (["gradescope", "--program", "x", "--no-program"], "bundle a program, or none"),
    ])
  func badInput(arguments: [String], message: String) {
    let output = CheckerCommand.run(
      arguments: ["bundle"] + arguments,
      context: CommandContext(currentDirectory: FileManager.default.temporaryDirectory))
    #expect(output.status == .cannotRun)
    #expect(output.standardError.hasPrefix("checker: "))
    #expect(output.standardError.contains(message), "\(output.standardError)")
  }
}
