import Foundation
import Testing

@testable import CheckerCore

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// Each result format, parsed back and checked against its documented shape.
@Suite("Result formats")
struct FormatTests {
  static let report: GradeReport = {
    var report = GradeReport(
      submission: "class/alice", seed: 77,
      tasks: [
        TaskReport(
          id: 0, title: "0. The basics of async", function: "func waitRandom()",
          checks: [
            CheckReport(name: "signature", title: "declares it", status: .passed),
            CheckReport(name: "in-bounds", title: "in <bounds> & \"quoted\"", status: .passed),
          ], printed: nil),
        TaskReport(
          id: 1, title: "1. Let's execute", function: "func waitN()",
          checks: [
            CheckReport(
              name: "signature", title: "declares waitN", status: .failed,
              message: "waitN does not compile", details: ["A.swift:3: error: boom"],
              diagnostics: [
                Diagnostic(
                  file: "Sources/A.swift", line: 3, severity: .error, message: "boom, 100%")
              ]),
            CheckReport(
              name: "concurrent", title: "runs concurrently", status: .failed,
              message: "took 3.00 s\nfor 2 calls",
              timeline: Timeline(
                call: "waitN(n: 2, maxDelay: 1)", maxDelay: 1, duration: 3,
                bars: [.init(start: 0, end: 1, value: 1), .init(start: 1, end: 2, value: 1)])),
            CheckReport(name: "count", title: "returns n", status: .skipped, message: "not run"),
          ], printed: "hi <there>"),
      ], notes: [], seconds: 2.5)
    report.scoring = Scoring(taskPoints: [0: 2, 1: 3])
    return report
  }()

  @Test("points per task spread over its checks; every format shows the same score")
  func scoring() {
    #expect(Self.report.score == 2)
    #expect(Self.report.maxScore == 5)
    #expect(Self.report.percent == 40)
    #expect(Scoring.perCheck.score(of: Self.report.tasks[0]) == 2)
    #expect(
      TextReport(usesColor: false, showsTimelines: false, command: "checker").render(Self.report)
        .contains("Score: 2/5 points (40%)"))
  }

  @Test("a points file that does not parse is refused, naming the file")
  func pointsFile() throws {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent(
      "points-\(UUID()).json"
    ).path
    defer { try? FileManager.default.removeItem(atPath: path) }
    try Data(#"{"0": 2, "4": 1.5}"#.utf8).write(to: URL(fileURLWithPath: path))
    // Every task of the exercise has points; those the file leaves out have none.
    #expect(
      try Scoring.load(path: path).taskPoints
        == Dictionary(
          uniqueKeysWithValues: Exercise.tasks.map { ($0.id, [0: 2, 4: 1.5][$0.id] ?? 0) }))
    try Data(#"{"0": "two"}"#.utf8).write(to: URL(fileURLWithPath: path))
    #expect(throws: ScoringError.self) { try Scoring.load(path: path) }
    #expect(throws: ScoringError.unreadable(path: "/no/such.json")) {
      try Scoring.load(path: "/no/such.json")
    }
  }

  @Test("gradescope: score, max_score, execution_time, output, one test per check")
  func gradescope() throws {
    let text = GradescopeReport.render(Self.report)
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    #expect(object["score"] as? Double == 2)
    #expect(object["max_score"] as? Double == 5)
    #expect(object["execution_time"] as? Double == 2.5)
    #expect(object["output"] is String)
    let tests = try #require(object["tests"] as? [[String: Any]])
    #expect(tests.count == 5)
    #expect(tests.map { $0["number"] as? String } == ["0.1", "0.2", "1.1", "1.2", "1.3"])
    #expect(
      tests.map { $0["status"] as? String } == ["passed", "passed", "failed", "failed", "failed"])
    let scores = tests.compactMap { $0["score"] as? Double }
    #expect(scores.reduce(0, +) == 2)
    #expect(tests.allSatisfy { $0["visibility"] as? String == "visible" && $0["name"] is String })
    #expect((tests[4]["output"] as? String)?.hasPrefix("skipped: ") == true)
  }

  @Test("junit: one testsuite per task, one testcase per check, failures and skips")
  func junit() throws {
    let text = JUnitReport.render(Self.report)
    let counter = ElementCounter()
    let parser = XMLParser(data: Data(text.utf8))
    parser.delegate = counter
    #expect(parser.parse(), "not well-formed XML: \(text)")
    #expect(counter.count["testsuites"] == 1)
    #expect(counter.count["testsuite"] == 2)
    #expect(counter.count["testcase"] == 5)
    #expect(counter.count["failure"] == 2)
    #expect(counter.count["skipped"] == 1)
    #expect(counter.attributes.contains { $0["name"] == "in <bounds> & \"quoted\"" })
    #expect(counter.attributes.contains { $0["failures"] == "2" && $0["tests"] == "5" })
  }

  @Test("junit: characters XML 1.0 forbids are dropped; format controls are shown")
  func junitForbiddenCharacters() throws {
    let message = "bad \u{FFFE}\u{FFFF}\u{01}\u{1B} end \u{202E}x \u{1F600}"
    let report = GradeReport(
      submission: "s", seed: 1,
      tasks: [
        TaskReport(
          id: 0, title: "t\u{FFFF}", function: "f",
          checks: [
            CheckReport(
              name: "c", title: "c\u{01}", status: .failed, message: message,
              details: ["\u{FFFE}detail"]),
            CheckReport(name: "s", title: "s", status: .skipped, message: message),
          ], printed: nil)
      ], notes: [], seconds: 1)
    let text = JUnitReport.render(report)
    let counter = ElementCounter()
    let parser = XMLParser(data: Data(text.utf8))
    parser.delegate = counter
    #expect(parser.parse(), "not well-formed: \(parser.parserError.map { "\($0)" } ?? "")")
    #expect(counter.count["failure"] == 1)
    #expect(counter.attributes.contains { $0["message"] == "bad  end [U+202E]x \u{1F600}" })
    #expect(counter.attributes.contains { $0["name"] == "t" })
    let html = HTMLReport.render(report)
    #expect(XMLParser(data: Data(html.utf8)).parse())
    #expect(!html.unicodeScalars.contains { $0 == "\u{202E}" || $0 == "\u{FFFE}" })
  }

  @Test("github: an annotation per compile error and failed check, escaped; a notice; a summary")
  func github() {
    let lines = GitHubReport.render(Self.report).split(separator: "\n").map(String.init)
    #expect(lines.count == 5)
    #expect(
      lines[0].hasPrefix(
        "::error file=Sources/A.swift,line=3,title=1. Let's execute%3A declares waitN::"))
    #expect(lines[0].hasSuffix("::boom, 100%25"))
    #expect(lines[1].hasSuffix("::took 3.00 s%0Afor 2 calls"))
    #expect(lines[2].hasPrefix("::notice title=asynccheck::Score: 2/5 points (40%25)"))
    #expect(lines[3] == "::notice title=Autograding complete::Points 2/5")
    let summary = GitHubReport.summary(Self.report)
    #expect(summary.contains("| **KO** | runs concurrently | took 3.00 s for 2 calls |"))
  }

  @Test("html: a task's score in points when --points weighs the tasks, as the text report")
  func htmlPoints() throws {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent(
      "asynccheck-points-\(UUID().uuidString).json"
    ).path
    defer { try? FileManager.default.removeItem(atPath: path) }
    try Data(#"{"0": 4, "1": 6}"#.utf8).write(to: URL(fileURLWithPath: path))
    var report = Self.report
    report.scoring = try Scoring.load(path: path)
    let html = HTMLReport.render(report)
    #expect(html.contains("<span class=\"score\">4/4 points</span>"))
    #expect(html.contains("<span class=\"score\">0/6 points</span>"))
  }

  @Test("html: well-formed, self-contained, a bar per sleep and the maxDelay mark")
  func html() throws {
    let text = HTMLReport.render(Self.report)
    #expect(!text.contains("http://") || text.contains("http://www.w3.org/2000/svg"))
    #expect(!text.contains("<script") && !text.contains("<link"))
    let counter = ElementCounter()
    let parser = XMLParser(data: Data(text.utf8))
    parser.delegate = counter
    #expect(parser.parse(), "not well-formed: \(parser.parserError.map { "\($0)" } ?? "")")
    #expect(counter.count["svg"] == 1)
    #expect(counter.attributes.filter { $0["class"] == "sleep" }.count == 2)
    #expect(counter.count["li"] == 5)
    #expect(text.contains("maxDelay 1 s"))
    #expect(text.contains("hi &lt;there&gt;"))
  }
}

/// Counts the elements of an XML document and keeps their attributes.
final class ElementCounter: NSObject, XMLParserDelegate {
  var count: [String: Int] = [:]
  var attributes: [[String: String]] = []

  func parser(
    _ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
    qualifiedName: String?, attributes: [String: String]
  ) {
    count[name, default: 0] += 1
    self.attributes.append(attributes)
  }
}

/// A failed comparison carries what was expected and what was got, in every machine format.
@Suite("Mismatches in the machine formats")
struct MismatchFormatTests {
  static let mismatch = Mismatch(
    "`waitN(n: 5, maxDelay: 2)`", actual: "3 delays: [0.1, 0.2, 0.3]", expected: "5")
  static let report: GradeReport = {
    let verdict = Verdict.mismatch(mismatch)
    guard case .fail(let message, _, _, _, let carried) = verdict else {
      return GradeReport(submission: "", seed: 0, tasks: [], notes: [], seconds: 0)
    }
    return GradeReport(
      submission: "bob", seed: 3,
      tasks: [
        TaskReport(
          id: 1, title: "1. Let's execute", function: "func waitN()",
          checks: [
            CheckReport(
              name: "count", title: "returns n delays", status: .failed, message: message,
              mismatch: carried)
          ], printed: nil)
      ], notes: [], seconds: 1)
  }()

  @Test("the message is built from the fields, in one sentence")
  func message() {
    #expect(
      Self.mismatch.message
        == "`waitN(n: 5, maxDelay: 2)` returned 3 delays: [0.1, 0.2, 0.3]; expected 5")
    let hinted = Mismatch(
      "`measureTime(n: 4, maxDelay: 1)`", actual: "0.9", expected: "about 0.25",
      hint: "that is the total")
    #expect(
      hinted.message
        == "`measureTime(n: 4, maxDelay: 1)` returned 0.9: that is the total; expected about 0.25")
  }

  @Test("JSON carries the fields, JUnit lists them in its failure, Gradescope in extra_data")
  func formats() throws {
    let check = try #require(Self.report.tasks.first?.checks.first)
    #expect(check.message == Self.mismatch.message)

    let json = try #require(
      JSONSerialization.jsonObject(with: Data(JSONReport.render(Self.report).utf8))
        as? [String: Any])
    let tasks = try #require(json["tasks"] as? [[String: Any]])
    let checks = try #require(tasks.first?["checks"] as? [[String: Any]])
    let fields = try #require(checks.first?["mismatch"] as? [String: Any])
    #expect(fields["expected"] as? String == "5")
    #expect(fields["actual"] as? String == "3 delays: [0.1, 0.2, 0.3]")
    #expect(fields["subject"] as? String == "`waitN(n: 5, maxDelay: 2)`")

    let junit = JUnitReport.render(Self.report)
    #expect(junit.contains("type=\"mismatch\""))
    #expect(junit.contains("expected: 5\nactual: 3 delays: [0.1, 0.2, 0.3]</failure>"))

    let gradescope = try #require(
      JSONSerialization.jsonObject(with: Data(GradescopeReport.render(Self.report).utf8))
        as? [String: Any])
    let tests = try #require(gradescope["tests"] as? [[String: Any]])
    let extra = try #require(tests.first?["extra_data"] as? [String: Any])
    #expect(extra["expected"] as? String == "5")
    #expect(extra["actual"] as? String == "3 delays: [0.1, 0.2, 0.3]")
  }
}
