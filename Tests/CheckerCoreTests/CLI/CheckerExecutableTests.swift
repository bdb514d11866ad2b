import CheckerCore
import Foundation
import Testing

/// Launches the built `checker` and checks what a user sees: output and exit status.
@Suite(
  "The checker executable, as a user runs it", .tags(.spawnsProcesses), .notInQuickRuns,
  .timeLimit(.minutes(10)))
struct CheckerExecutableTests {
  struct Run {
    var status: Int32
    var standardOutput: String
    var standardError: String
  }

  /// The folder holding the built products (the test bundle sits beside `checker`).
  static let productsFolder: URL = {
    let bundle = Bundle.main.bundleURL
    return bundle.pathExtension == "xctest" ? bundle.deletingLastPathComponent() : bundle
  }()

  static func checker(_ arguments: [String], environment: [String: String] = [:]) async throws
    -> Run
  {
    try await offPool { try runChecker(arguments, environment: environment) }
  }

  static func runChecker(_ arguments: [String], environment: [String: String]) throws -> Run {
    let process = Process()
    process.executableURL = productsFolder.appendingPathComponent("checker")
    process.arguments = arguments
    var merged = ProcessInfo.processInfo.environment
    merged.merge(environment) { $1 }
    process.environment = merged
    let output = Pipe()
    let error = Pipe()
    process.standardOutput = output
    process.standardError = error
    try process.run()
    let outputData = output.fileHandleForReading.readDataToEndOfFile()
    let errorData = error.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Run(
      status: process.terminationStatus,
      standardOutput: String(decoding: outputData, as: UTF8.self),
      standardError: String(decoding: errorData, as: UTF8.self))
  }

  @Test("stopped by SIGTERM mid-grading, it removes its workspace and ends by the signal")
  func terminated() async throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "asynccheck-signal-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let process = Process()
    process.executableURL = Self.productsFolder.appendingPathComponent("checker")
    process.arguments = [
      "--format", "json",
      SampleCatalog.folder.appendingPathComponent("python/correct-as-completed").path,
    ]
    process.environment = ProcessInfo.processInfo.environment.merging(["TMPDIR": folder.path]) {
      $1
    }
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    func left() -> [String] {
      (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    }
    // Its workspace, made in TMPDIR, appears within seconds even on a loaded machine.
    let deadline = Date().addingTimeInterval(60)
    while left().isEmpty, process.isRunning, Date() < deadline {
      try await Task.sleep(for: .milliseconds(20))
    }
    let made = left()
    process.terminate()
    await offPool { process.waitUntilExit() }
    #expect(!made.isEmpty, "no workspace was seen before the signal")
    #expect(process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGTERM)
    #expect(left().isEmpty, "left behind: \(left())")
  }

  @Test("--help prints the usage and exits 0")
  func help() async throws {
    let run = try await Self.checker(["--help"])
    #expect(run.status == 0)
    #expect(run.standardOutput.hasPrefix("USAGE: checker"))
  }

  @Test(
    "bad input exits 2 with one line on stderr naming the problem",
    arguments: [
      (["/no/such/place"], "no such file or folder: /no/such/place"),
      (["--bogus"], "unknown option --bogus (see checker --help)"),
      (
        ["--format", "xml"],
        "--format xml: expected one of text, json, gradescope, junit, github, html"
      ),
    ])
  func badInput(arguments: [String], message: String) async throws {
    let run = try await Self.checker(arguments)
    #expect(run.status == 2)
    #expect(run.standardOutput.isEmpty)
    #expect(run.standardError == "checker: \(message)\n")
  }

  @Test("a folder without Swift sources exits 2")
  func noSources() async throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "asynccheck-empty-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    try Data("notes".utf8).write(to: folder.appendingPathComponent("README.md"))
    let run = try await Self.checker([folder.path])
    #expect(run.status == 2)
    #expect(run.standardError.contains("no Swift sources in \(folder.path)"))
  }

  @Test("--language is honoured: a Swift folder graded as Python has no Python files")
  func languageOption() async throws {
    let sample = SampleCatalog.folder.appendingPathComponent("swift/correct-task-group").path
    let run = try await Self.checker(["--language", "python", sample])
    #expect(run.status == 2)
    #expect(run.standardError.contains("no Python project files in \(sample)"))
  }

  @Test("--output says where the report went")
  func outputFile() async throws {
    let file = FileManager.default.temporaryDirectory.appendingPathComponent(
      "asynccheck-report-\(UUID().uuidString).json")
    defer { try? FileManager.default.removeItem(at: file) }
    let run = try await Self.checker(["--task", "3", "--format", "json", "--output", file.path])
    #expect(run.status == 0)
    #expect(run.standardOutput.isEmpty)
    // And which protection held, for a CI log that shows nothing else of the report.
    #expect(
      run.standardError
        == "checker: json report written to \(file.path) (score 7/7; \(Sandbox.protection))\n")
    #expect(FileManager.default.fileExists(atPath: file.path))
  }

  @Test("--save writes the same grading in more formats; GitHub Classroom's points are noticed")
  func savedReports() async throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "asynccheck-saved-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let json = folder.appendingPathComponent("report.json")
    let html = folder.appendingPathComponent("report.html")
    let run = try await Self.checker([
      "--task", "3", "--format", "github", "--save", "json=\(json.path)", "--save",
      "html=\(html.path)",
    ])
    #expect(run.status == 0, "\(run.standardError)")
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(contentsOf: json)) as? [String: Any])
    let score = try #require(object["score"] as? Int)
    let maximum = try #require(object["max_score"] as? Int)
    // One grading: the JSON's seed and score are the annotations' and the page's.
    let seed = try #require(object["seed"] as? Int)
    #expect(
      run.standardOutput.contains(
        "::notice title=Autograding complete::Points \(score)/\(maximum)\n"))
    #expect(run.standardOutput.contains("--seed \(seed)"))
    #expect(try String(contentsOf: html, encoding: .utf8).contains("seed \(seed)"))
    #expect(run.standardError.contains("checker: html report written to \(html.path)"))
  }

  @Test("JSON for the reference's task 3: the stable keys, a passing score, exit 0")
  func jsonReport() async throws {
    let run = try await Self.checker(["--format", "json", "--task", "3", "--seed", "11"])
    #expect(run.status == 0)
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any])
    #expect(object["seed"] as? Int == 11)
    #expect(object["score"] as? Int == object["max_score"] as? Int)
    let tasks = try #require(object["tasks"] as? [[String: Any]])
    #expect(tasks.count == 1)
    #expect(tasks[0]["id"] as? Int == 3)
    #expect(tasks[0]["title"] as? String == "3. Tasks")
    #expect(tasks[0]["passed"] as? Bool == true)
    let checks = try #require(tasks[0]["checks"] as? [[String: Any]])
    #expect(
      checks.map { $0["name"] as? String } == [
        "signature", "returns-at-once", "in-bounds", "sleeps-returned-delay", "uses-wait-random",
        "documented", "swift-format",
      ])
    for check in checks {
      #expect(check["name"] is String)
      #expect(check["message"] is String)
      #expect(check["status"] as? String == "passed")
    }
  }

  @Test("grading a submission writes nothing into it; a failing check exits 1")
  func readOnlyAndFailingStatus() async throws {
    let sample = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("checker/samples/swift/broken-measure-total")
    let copy = FileManager.default.temporaryDirectory.appendingPathComponent(
      "asynccheck-copy-\(UUID().uuidString)")
    try FileManager.default.copyItem(at: sample, to: copy)
    defer { try? FileManager.default.removeItem(at: copy) }
    try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: copy.path)
    defer {
      try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: copy.path)
    }
    let before = try FileManager.default.contentsOfDirectory(atPath: copy.path)
    let run = try await Self.checker(
      ["--task", "2", "--seed", "3", copy.path], environment: ["NO_COLOR": "1"])
    #expect(run.status == 1)
    #expect(run.standardOutput.contains("[KO] returns the total time divided by n, in seconds"))
    #expect(run.standardOutput.contains("that is the total"))
    #expect(
      run.standardOutput.contains("Reproduce: swift run checker --seed 3 --task 2 \(copy.path)"))
    #expect(!run.standardOutput.contains("\u{1B}["))
    #expect(try FileManager.default.contentsOfDirectory(atPath: copy.path) == before)
  }
}
