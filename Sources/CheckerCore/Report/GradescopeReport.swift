import Foundation

/// Gradescope's `results.json`: the score, and one test per check with its own points.
public enum GradescopeReport {
  private struct Results: Encodable {
    var score: Double
    var maxScore: Double
    var executionTime: Double
    var output: String
    var tests: [Test]

    enum CodingKeys: String, CodingKey {
      case score, output, tests
      case maxScore = "max_score"
      case executionTime = "execution_time"
    }
  }

  private struct Test: Encodable {
    var name: String
    var number: String
    var score: Double
    var maxScore: Double
    var status: String
    var output: String
    var visibility = "visible"

    enum CodingKeys: String, CodingKey {
      case name, number, score, status, output, visibility
      case maxScore = "max_score"
    }
  }

  /// Renders `report` as Gradescope's results.
  ///
  /// - Parameter report: The grading outcome.
  /// - Returns: The JSON text.
  public static func render(_ report: GradeReport) -> String {
    var tests: [Test] = []
    for task in report.tasks {
      let weight = report.scoring.weight(ofChecksIn: task)
      for (index, check) in task.checks.enumerated() {
        let output =
          ([check.status == .skipped ? "skipped: " + check.message : check.message]
          + check.details).filter { !$0.isEmpty }.joined(separator: "\n")
        tests.append(
          Test(
            name: "\(task.title): \(check.title)", number: "\(task.id).\(index + 1)",
            score: check.status == .passed ? weight : 0, maxScore: weight,
            status: check.status == .passed ? "passed" : "failed", output: output))
      }
    }
    let results = Results(
      score: report.score, maxScore: report.maxScore, executionTime: report.seconds,
      output: "asynccheck \(CheckerCommand.version), seed \(report.seed): reproduce with "
        + "checker --seed \(report.seed)", tests: tests)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    guard let data = try? encoder.encode(results) else { return "{}\n" }
    return String(decoding: data, as: UTF8.self) + "\n"
  }
}
