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
    /// What a failed check expected and got, for scripts reading the results.
    var extraData: Mismatch?

    enum CodingKeys: String, CodingKey {
      case name, number, score, status, output, visibility
      case extraData = "extra_data"
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
      // Each test's points in cents, adding up exactly to the task's (1/3 + 1/3 + 1/3 is 1.00,
      // not 0.99), so that Gradescope's sum of the tests is the score.
      let weights = Scoring.roundedToCents(
        task.checks.map { report.scoring.weight(of: $0, in: task) })
      for (index, check) in task.checks.enumerated() {
        let weight = weights[index]
        let output =
          ([check.status == .skipped ? "skipped: " + check.message : check.message]
          + check.details).filter { !$0.isEmpty }.joined(separator: "\n")
        tests.append(
          Test(
            name: "\(task.title): \(check.title)", number: "\(task.id).\(index + 1)",
            score: check.status == .passed ? weight : 0, maxScore: weight,
            status: check.status == .passed ? "passed" : "failed", output: output,
            extraData: check.mismatch))
      }
    }
    let results = Results(
      score: rounded(tests.reduce(0) { $0 + $1.score }),
      maxScore: rounded(tests.reduce(0) { $0 + $1.maxScore }),
      executionTime: rounded(report.seconds),
      output: "asynccheck \(CheckerCommand.version), seed \(report.seed): reproduce with "
        + ReproduceCommand.text(seed: report.seed)
        + (report.sandbox.map { ". The grading's \($0)" } ?? ""), tests: tests)
    return encode(results)
  }

  /// Results for a submission that could not be graded: no points, and what to do about it.
  ///
  /// - Parameters:
  ///   - reason: Why, as the checker says it.
  ///   - isSubmissionsFault: Whether the student can fix it (no sources, a bad file), or the
  ///     autograder is broken (no toolchain) and only the teacher can.
  /// - Returns: The JSON text.
  public static func failure(reason: String, isSubmissionsFault: Bool) -> String {
    let advice =
      isSubmissionsFault
      ? "Upload the .swift files of your solution (or your whole Swift package), or the "
        + "\(Exercise.functionCount) .py files of the Python project, and submit again."
      : "This is a problem with the autograder, not with your code: please tell your teacher."
    return encode(
      Results(
        score: 0, maxScore: 0, executionTime: 0,
        output: "Your submission could not be graded: \(reason). \(advice)", tests: []))
  }

  /// `value` to two decimals: Gradescope shows scores as they are written.
  static func rounded(_ value: Double) -> Double {
    (value * 100).rounded() / 100
  }

  private static func encode(_ results: Results) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    guard let data = try? encoder.encode(results) else { return "{}\n" }
    return String(decoding: data, as: UTF8.self) + "\n"
  }
}
