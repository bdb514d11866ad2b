import Foundation
import Testing

@testable import CheckerCore

/// The grading policy: points per task, a share for the requirement checks, exact sums.
@Suite("The grading policy")
struct ScoringTests {
  /// Task 0 as a Swift grading reports it: six behaviour checks (one failed), two requirements
  /// (one failed).
  static let task: TaskReport = {
    let behaviour = ["signature", "in-bounds", "fractional", "sleeps-returned-delay", "uniform"]
    return TaskReport(
      id: 0, title: "0. waitRandom", function: "f",
      checks: behaviour.map { CheckReport(name: $0, title: $0, status: .passed) } + [
        CheckReport(name: "zero-max-delay", title: "z", status: .failed),
        CheckReport(name: "documented", title: "d", status: .passed),
        CheckReport(name: "swift-format", title: "s", status: .failed),
      ], printed: nil)
  }()

  static func load(_ json: String) throws -> Scoring {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent(
      "policy-\(UUID()).json"
    ).path
    defer { try? FileManager.default.removeItem(atPath: path) }
    try Data(json.utf8).write(to: URL(fileURLWithPath: path))
    return try Scoring.load(path: path)
  }

  @Test("a policy weighs the requirements apart: a share of each task's points, or nothing")
  func requirementsShare() throws {
    let policy = try Self.load(#"{"tasks": {"0": 10}, "requirements": 0.2}"#)
    #expect(policy.taskPoints[0] == 10 && policy.taskPoints[3] == 0)
    let weights = Self.task.checks.map { policy.weight(of: $0, in: Self.task) }
    #expect(abs(weights.reduce(0, +) - 10) < 1e-9)
    // Six behaviour checks share 8 points, two requirements share 2.
    #expect(abs(policy.score(of: Self.task) - (5 * 8.0 / 6 + 1)) < 1e-9)
    // Off: style costs nothing, behaviour carries the task.
    let off = try Self.load(#"{"requirements": 0}"#)
    #expect(off.taskPoints.isEmpty && !off.isPerCheck)
    #expect(abs(off.score(of: Self.task) - 5 * 8.0 / 6) < 1e-9)
    #expect(off.maxScore(of: Self.task) == 8)
    // The plain points file reads as before; the requirements alone count like any check.
    let plain = try Self.load(#"{"0": 4}"#)
    #expect(plain.requirementsShare == nil && plain.score(of: Self.task) == 3)
    #expect(Scoring.perCheck.score(of: Self.task) == 6)
  }

  @Test("a report read back keeps its policy: a reused grading or a merged shard scores alike")
  func policyRoundTrip() throws {
    for scoring in [
      Scoring(taskPoints: [0: 10], requirementsShare: 0.2),
      Scoring(taskPoints: [:], requirementsShare: 0),
    ] {
      var report = GradeReport(
        submission: "s", seed: 1, tasks: [Self.task], notes: [], seconds: 1)
      report.scoring = scoring
      let read = try JSONDecoder().decode(
        GradeReport.self, from: Data(JSONReport.render(report).utf8))
      #expect(read.scoring == scoring)
      #expect(read.score == report.score && read.maxScore == report.maxScore)
    }
  }

  @Test(
    "a policy that does not parse is refused, saying what is wrong",
    arguments: [
      (#"{"requirements": 1.5}"#, "the share must be a number from 0 to 1"),
      (#"{"tasks": {"9": 1}}"#, "\"9\" is not a task number"),
      (#"{"tasks": [1, 2]}"#, "expected a JSON object of points per task"),
    ])
  func refused(json: String, reason: String) {
    do {
      _ = try Self.load(json)
      Issue.record("\(json) was read")
    } catch {
      #expect(error.localizedDescription.contains(reason), "\(error.localizedDescription)")
    }
  }

  @Test("cents that add up: the largest remainders get the cents rounding took")
  func cents() {
    #expect(Scoring.roundedToCents([1.0 / 3, 1.0 / 3, 1.0 / 3]) == [0.34, 0.33, 0.33])
    let tenths = Scoring.roundedToCents(Array(repeating: 10.0 / 12, count: 12))
    #expect(abs(tenths.reduce(0, +) - 10) < 1e-9)
    #expect(Scoring.roundedToCents([0.125, 0.125, 0.75]).reduce(0, +) == 1)
  }

  @Test("Gradescope's tests add up exactly to its max_score and score")
  func gradescopeSums() throws {
    var report = GradeReport(
      submission: "s", seed: 1,
      tasks: (0..<5).map { id in
        TaskReport(
          id: id, title: "\(id)", function: "f",
          checks: (0..<(id + 6)).map {
            CheckReport(name: "c\($0)", title: "c\($0)", status: $0 == 0 ? .failed : .passed)
          }, printed: nil)
      }, notes: [], seconds: 1)
    report.scoring = Scoring(taskPoints: [0: 2, 1: 2, 2: 2, 3: 2, 4: 2])
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(GradescopeReport.render(report).utf8))
        as? [String: Any])
    let tests = try #require(object["tests"] as? [[String: Any]])
    let maximum = tests.compactMap { $0["max_score"] as? Double }.reduce(0, +)
    let score = tests.compactMap { $0["score"] as? Double }.reduce(0, +)
    #expect(abs(maximum - 10) < 1e-9, "the tests add up to \(maximum)")
    #expect(object["max_score"] as? Double == 10)
    #expect(abs((object["score"] as? Double ?? 0) - score) < 1e-9)
  }

  @Test("a percent has one decimal and is never 100 short of full marks")
  func percent() {
    #expect(GradeReport.percent(29.0 / 30) == 96.7)
    #expect(GradeReport.percent(0.9996) == 99.9)
    #expect(GradeReport.percent(1) == 100)
    #expect(GradeReport.percent(0.4) == 40)
  }
}
