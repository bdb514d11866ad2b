import Foundation
import Testing

@testable import CheckerCore

@Suite("The class dashboard")
struct ClassDashboardTests {
  static func task(_ id: Int, passed: Int, of total: Int, outcome: TaskOutcome) -> TaskReport {
    var task = TaskReport(
      id: id, title: "Task \(id)", function: "f\(id)",
      checks: (0..<total).map { index in
        CheckReport(
          name: "c\(index)", title: "check `c\(index)`",
          status: index < passed ? .passed : .failed)
      }, printed: nil)
    task.outcome = outcome
    return task
  }

  static func results() -> [StudentResult] {
    var good = GradeReport(
      submission: "ann", seed: 5,
      tasks: [task(0, passed: 3, of: 3, outcome: .ok), task(1, passed: 3, of: 3, outcome: .ok)],
      notes: [], seconds: 1)
    good.sandbox = "sandbox: namespaces"
    var weak = GradeReport(
      submission: "x", seed: 5,
      tasks: [
        task(0, passed: 3, of: 3, outcome: .ok), task(1, passed: 1, of: 3, outcome: .failingChecks),
      ], notes: ["needs review: 0-x.py:1: <img src=x onerror=alert(1)>"], seconds: 1)
    weak.status = .needsReview
    weak.sandbox = "sandbox: namespaces"
    return [
      StudentResult(student: "ann", status: .ok, report: good),
      StudentResult(student: "<script>alert(2)?#", status: .needsReview, report: weak),
      StudentResult(student: "zed", status: .noSubmission, error: "no Swift sources in zed"),
    ]
  }

  @Test("a row per student, student text escaped, links that are paths, the facts of the run")
  func page() throws {
    let results = Self.results()
    let page = ClassDashboard.render(
      results, seed: 77, date: Date(timeIntervalSince1970: 1_796_000_000)
    ) { "reports/\($0)/report.txt" }
    #expect(page.components(separatedBy: "<tr data-status=").count - 1 == results.count)
    // Nothing a student named runs: no tag of theirs survives, in a cell or in a link.
    #expect(!page.contains("<script>alert") && !page.contains("<img"))
    #expect(page.contains("&lt;script&gt;alert(2)?#"))
    #expect(
      page.contains("href=\"reports/%3Cscript%3Ealert%282%29%3F%23/report.txt\""))
    // The run's facts, the reason, the statuses as classes a cell is coloured by.
    #expect(page.contains("seed 77") && page.contains("graded 2026-11-30 00:53 UTC"))
    #expect(page.contains("asynccheck \(CheckerCommand.version)"))
    #expect(page.contains("sandbox: namespaces"))
    #expect(page.contains("&lt;img src=x onerror=alert(1)&gt;"))
    #expect(page.contains("<td class=\"task s-failing-checks\""))
    #expect(page.contains("Content-Security-Policy"))
    // The checks most failed, with who failed them.
    #expect(page.contains("<strong>1</strong> task 1: check <code>c1</code>"))
  }

  @Test("the histogram counts each student in their tenth; 100% is in the last")
  func histogram() {
    let svg = ClassDashboard.histogram([100, 95, 0, 42, 49])
    #expect(svg.contains("<title>90–100%: 2</title>"))
    #expect(svg.contains("<title>40–49%: 2</title>"))
    #expect(svg.contains("<title>0–9%: 1</title>"))
    #expect(svg.contains("<title>10–19%: 0</title>"))
  }
}
