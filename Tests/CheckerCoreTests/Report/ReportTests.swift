import Foundation
import Testing

@testable import CheckerCore

@Suite("Reports render the same verdicts as text and JSON")
struct ReportTests {
  let report = GradeReport(
    submission: "sub", seed: 4242,
    tasks: [
      TaskReport(
        id: 1, title: "1. Title", function: "func waitN(n: Int, maxDelay: Int) async -> [Double]",
        checks: [
          CheckReport(name: "signature", title: "declares it", status: .passed),
          CheckReport(
            name: "concurrent", title: "runs concurrently", status: .failed,
            message: "`waitN(n: 2, maxDelay: 1)` took 1.50 s", details: ["hint"],
            timeline: Timeline(
              call: "waitN(n: 2, maxDelay: 1)", maxDelay: 1, duration: 1.5,
              bars: [.init(start: 0, end: 0.5, value: 0.5), .init(start: 0.5, end: 1.5, value: 1)])),
          CheckReport(name: "no-sort", title: "does not sort", status: .skipped, message: "why"),
        ],
        printed: "hello")
    ], notes: ["Swift 6 language mode"], seconds: 1)

  @Test("text: marks, messages, timeline, printed output, score and the reproduce line")
  func text() {
    let text = TextReport(usesColor: false, showsTimelines: false, command: "checker sub").render(
      report)
    for line in [
      "Seed: 4242", "  [OK] declares it", "  [KO] runs concurrently",
      "       `waitN(n: 2, maxDelay: 1)` took 1.50 s", "       hint", "  [--] does not sort",
      "       skipped: why", "    | hello", "  Task score: 1/3", "Score: 1/3 checks (33.3%)",
      "Reproduce: checker --seed 4242 sub",
    ] {
      #expect(text.contains(line + "\n"), "missing: \(line)")
    }
    #expect(!text.contains("\u{1B}["))
    #expect(
      TextReport(usesColor: true, showsTimelines: false, command: "checker").render(report)
        .contains("\u{1B}[31m[KO]"))
  }

  @Test("the timeline draws one bar per sleep on a shared axis: a staircase when sequential")
  func timeline() throws {
    let timeline = try #require(report.tasks[0].checks[1].timeline)
    let lines = TimelineRenderer.lines(timeline, width: 30)
    let bars = lines.filter { $0.hasPrefix("|") }
    #expect(bars.count == 2)
    let firstStart = try #require(bars[0].firstIndex(of: "█"))
    let secondStart = try #require(bars[1].firstIndex(of: "█"))
    #expect(firstStart < secondStart)
  }

  @Test("JSON: the stable keys, a score that agrees with the checks, and a round trip")
  func json() throws {
    let text = JSONReport.render(report)
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    #expect(object["seed"] as? Int == 4242)
    #expect(object["score"] as? Int == 1)
    #expect(object["max_score"] as? Int == 3)
    let task = try #require((object["tasks"] as? [[String: Any]])?.first)
    #expect(task["id"] as? Int == 1)
    #expect(task["passed"] as? Bool == false)
    let statuses = (task["checks"] as? [[String: Any]])?.compactMap { $0["status"] as? String }
    #expect(statuses == ["passed", "failed", "skipped"])
    #expect(try JSONDecoder().decode(GradeReport.self, from: Data(text.utf8)) == report)
  }

  @Test("text a student controls stays on its line: no escapes, no carriage returns")
  func terminalSafe() {
    let hostile = "bob\u{1B}[2J\rScore: 30/30\nok\u{7F}"
    #expect(hostile.terminalSafe == "bob\u{241B}[2J\u{240D}Score: 30/30\u{2424}ok\u{2421}")
    #expect("plain text, ünïcode ✓".terminalSafe == "plain text, ünïcode ✓")
    // Bidirectional and other invisible format controls are shown as their code points.
    #expect(
      "bob\u{202E}gnissap\u{2066}x\u{2069}\u{200E}\u{200F}\u{061C}\u{FEFF}\u{2028}\u{2029}"
        .terminalSafe
        == "bob[U+202E]gnissap[U+2066]x[U+2069][U+200E][U+200F][U+061C][U+FEFF][U+2028][U+2029]")
    #expect("a\u{202A}b\nc".formatControlsVisible == "a[U+202A]b\nc")
    let report = GradeReport(
      submission: hostile, seed: 1,
      tasks: [
        TaskReport(
          id: 0, title: "t", function: "f",
          checks: [
            CheckReport(name: "a", title: "a", status: .failed, message: "raised \u{1B}[31mboom")
          ], printed: "line\r\u{1B}[Kfake")
      ], notes: [], seconds: 1)
    let text = TextReport(usesColor: false, showsTimelines: false, command: "checker x")
      .render(report)
    #expect(!text.contains("\u{1B}"))
    #expect(!text.contains("\r"))
    #expect(!text.contains("\nScore: 30/30"))
  }

  @Test("html sets backticked spans as code, escaped")
  func htmlCode() {
    #expect(
      HTMLReport.code("`waitN(n: 2)` returned <3>: see `x`")
        == "<code>waitN(n: 2)</code> returned &lt;3&gt;: see <code>x</code>")
    #expect(HTMLReport.code("an odd ` tick") == "an odd ` tick")
  }
}
