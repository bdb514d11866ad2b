import Foundation
import Testing

@testable import CheckerCore

@Suite(
  "Batch grading", .serialized, .tags(.spawnsProcesses), .notInQuickRuns, .timeLimit(.minutes(10)))
struct BatchGraderTests {
  /// Every sample: the batch must give each the verdict it gets when graded alone.
  static let samples = SampleCatalog.shared.samples.keys.sorted()

  func makeClass() throws -> URL {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent(
      "asynccheck-class-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    for sample in Self.samples {
      let name = sample.replacingOccurrences(of: "/", with: "-")
      try FileManager.default.copyItem(
        at: SampleCatalog.folder.appendingPathComponent(sample),
        to: root.appendingPathComponent(name))
    }
    try FileManager.default.createDirectory(
      at: root.appendingPathComponent("zz-empty"), withIntermediateDirectories: true)
    return root
  }

  @Test("a batch of every sample, two at a time, gives each the verdicts it gets alone")
  func sameVerdictsAsOneByOne() async throws {
    let root = try makeClass()
    defer { try? FileManager.default.removeItem(at: root) }
    let output = root.appendingPathComponent("grades").path
    let grader = BatchGrader(
      options: .init(
        classFolder: root.path, outputFolder: output, formats: [.json, .junit], workers: 2,
        force: false, seed: 2024, scoring: .perCheck, language: nil))
    let results = try await offPool { try grader.run() }
    let names = Self.samples.map { $0.replacingOccurrences(of: "/", with: "-") }
    #expect(results.map(\.student) == names.sorted() + ["zz-empty"])
    #expect(results.last?.status == .noSubmission)
    // A student who could not be graded gets a report too, saying why.
    let empty = BatchGrader.reportFolder(for: "zz-empty", in: output)
    let why = try String(
      contentsOf: empty.appendingPathComponent("report.txt"), encoding: .utf8)
    #expect(why.contains("Status: no-submission") && why.contains("no Swift sources"), "\(why)")
    #expect(
      FileManager.default.fileExists(atPath: empty.appendingPathComponent("report.json").path))
    for sample in Self.samples {
      let result = try #require(
        results.first { $0.student == sample.replacingOccurrences(of: "/", with: "-") })
      let expected = try #require(SampleCatalog.shared.samples[sample]).expect
      let report = try #require(result.report, "\(sample): \(result.error ?? "")")
      let language: Language = sample.hasPrefix("python/") ? .python : .swift
      for task in report.tasks {
        let view = TaskReportView(
          failed: task.checks.filter { $0.status == .failed }.map(\.name),
          skipped: task.checks.filter { $0.status == .skipped }.map(\.name),
          passed: task.checks.filter { $0.status == .passed }.map(\.name),
          behaviour: CheckCatalog.checks(forTask: task.id, language: language)
            .filter { !$0.readsSourceOnly }.map(\.name))
        let expectation = try #require(expected["\(task.id)"])
        #expect(SampleCatalog.matches(view, expectation), "\(sample) task \(task.id): \(view)")
      }
      for suffix in [".json", ".junit.xml"] {
        let folder = BatchGrader.reportFolder(for: result.student, in: output)
        #expect(
          FileManager.default.fileExists(
            atPath: folder.appendingPathComponent("report" + suffix).path))
      }
    }
    // Nothing changed: the second run grades nothing again.
    let again = try await offPool { try grader.run() }
    #expect(Self.samples.count >= 40)
    #expect(again.filter(\.wasReused).count == Self.samples.count)
    #expect(again.map(\.status) == results.map(\.status))
  }

  @Test("the gradebook: points, a percent that compares across languages, counts, statuses")
  func gradebook() throws {
    func task(_ id: Int, passed: Int, of count: Int, outcome: TaskOutcome) -> TaskReport {
      var task = TaskReport(
        id: id, title: "t\(id)", function: "f",
        checks: (0..<count).map {
          CheckReport(name: "c\($0)", title: "c\($0)", status: $0 < passed ? .passed : .failed)
        }, printed: nil)
      task.outcome = outcome
      return task
    }
    // A Swift-like report (few checks) and a Python-like one (many), each with one task
    // half right: the same percent.
    var swift = GradeReport(
      submission: "x", seed: 1,
      tasks: [
        task(0, passed: 2, of: 2, outcome: .ok), task(1, passed: 1, of: 2, outcome: .hang),
      ],
      notes: [], seconds: 1)
    swift.status = .hang
    var python = GradeReport(
      submission: "y", seed: 1,
      tasks: [
        task(0, passed: 10, of: 10, outcome: .ok),
        task(1, passed: 3, of: 6, outcome: .failingChecks),
      ], notes: [], seconds: 1)
    python.status = .needsReview
    python.notes = [
      "Python submission", "needs review: 1-x.py:3: sys._getframe (reads frames)",
      "needs review: imports `ctypes`",
    ]
    let csv = Gradebook.csv([
      StudentResult(student: "ann, the first", status: swift.status, report: swift),
      StudentResult(student: "bea", status: python.status, report: python),
      StudentResult(student: "bo", status: .noSubmission, error: "no sources"),
    ])
    let rows = csv.split(separator: "\n").map(String.init)
    #expect(
      rows[0]
        == "student,task0,task1,task2,task3,task4,total,max,percent,checks_passed,checks_total,"
        + "status,task0_status,task1_status,task2_status,task3_status,task4_status,reason")
    #expect(rows[1] == "\"ann, the first\",2,1,,,,3,4,75,3,4,hang,ok,hang,,,,")
    #expect(
      rows[2]
        == "bea,10,3,,,,13,16,75,13,16,needs-review,ok,failing-checks,,,,"
        + "\"1-x.py:3: sys._getframe (reads frames); imports `ctypes`\"")
    #expect(rows[3] == "bo,,,,,,0,,0,0,0,no-submission,,,,,,no sources")
    let summary = Gradebook.summary(
      [
        StudentResult(student: "ann", status: .hang, report: swift),
        StudentResult(student: "bo", status: .noSubmission, error: "no sources"),
      ], seconds: 3)
    #expect(summary.hasPrefix("Graded 2 students in 3 s: class average 75% over the 1 graded"))
    #expect(summary.contains("(37.5% counting the 1 not graded as 0)"))
    #expect(summary.contains("Checks with the most failures (of 1 graded students):"))
    #expect(summary.contains("  1 failed  task 1 c1: c1"))
    #expect(
      Gradebook.summary([StudentResult(student: "ann", status: .hang, report: swift)], seconds: 1)
        .hasPrefix("Graded 1 student in 1 s"))
  }

  @Test(
    "gradebook cells a spreadsheet would run as formulas are made text, control characters shown",
    arguments: [
      ("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\""), ("+1", "'+1"), ("-2", "'-2"),
      ("@a", "'@a"),
      ("\tx", "\u{2409}x"), ("a\nb", "a\u{2424}b"), ("e\u{1b}[2J", "e\u{241b}[2J"), ("ann", "ann"),
    ])
  func formulas(name: String, cell: String) {
    #expect(Gradebook.field(name) == cell)
  }

  @Test("the content hash changes with a file's contents, name and mode")
  func contentHash() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("hash-\(UUID())")
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: root) }
    let file = root.appendingPathComponent("a.swift")
    try Data("one".utf8).write(to: file)
    let first = ContentHash.of(folder: root, salt: "s")
    #expect(ContentHash.of(folder: root, salt: "s") == first)
    #expect(ContentHash.of(folder: root, salt: "t") != first)
    try Data("two".utf8).write(to: file)
    let second = ContentHash.of(folder: root, salt: "s")
    #expect(second != first)
    try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: file.path)
    #expect(ContentHash.of(folder: root, salt: "s") != second)
  }

  @Test(
    "grade-all refuses what it cannot grade, naming the path",
    arguments: [
      (["/no/such/class"], "checker: no such folder: /no/such/class\n"),
      (["--workers", "0", "x"], "checker: --workers 0: expected a whole number ≥ 1\n"),
      (
        ["--format", "pdf", "x"],
        "checker: --format pdf: expected a comma-separated list of text, json, gradescope, junit, github, html\n"
      ),
      ([], "checker: grade-all needs a class folder (see checker grade-all --help)\n"),
    ])
  func badInput(arguments: [String], message: String) {
    let output = CheckerCommand.run(arguments: ["grade-all"] + arguments)
    #expect(output.status == .cannotRun)
    #expect(output.standardError == message)
  }
}
