/// GitHub Actions workflow commands: an `::error` annotation per compile error and failed check
/// (on the function's line when it is known), a `::notice` with the score, the two notices
/// GitHub Classroom reads its points from (`Autograding complete`: `Points X/Y`); and a
/// Markdown summary for `$GITHUB_STEP_SUMMARY`.
public enum GitHubReport {
  /// Renders the workflow commands.
  ///
  /// - Parameter report: The grading outcome.
  /// - Returns: One command per line.
  public static func render(_ report: GradeReport) -> String {
    var lines: [String] = []
    for task in report.tasks {
      for check in task.checks where check.status == .failed {
        let title = "\(task.title): \(check.title)"
        if !check.diagnostics.isEmpty {
          for diagnostic in check.diagnostics {
            lines.append(
              "::error file=\(property(diagnostic.file)),line=\(diagnostic.line),"
                + "title=\(property(title))::\(data(diagnostic.message))")
          }
          continue
        }
        var properties: [String] = []
        if let location = check.location {
          properties.append("file=\(property(location.file))")
          if let line = location.line { properties.append("line=\(line)") }
        }
        properties.append("title=\(property(title))")
        let message = ([check.message] + check.details).filter { !$0.isEmpty }
          .joined(separator: "\n")
        lines.append("::error \(properties.joined(separator: ","))::\(data(message))")
      }
    }
    lines.append(
      "::notice title=asynccheck::\(data(scoreLine(report))) (reproduce: \(ReproduceCommand.text(seed: report.seed))"
        + (report.sandbox.map { "; \(data($0))" } ?? "") + ")"
    )
    // GitHub Classroom's dashboard reads the points from these two notices, as its own
    // grading reporter writes them.
    let points = TextReport.number(report.score)
    let maximum = TextReport.number(report.maxScore)
    lines.append("::notice title=Autograding complete::Points \(points)/\(maximum)")
    lines.append(
      "::notice title=Autograding report::{\"totalPoints\":\(points),\"maxPoints\":\(maximum)}")
    return lines.joined(separator: "\n") + "\n"
  }

  /// A Markdown summary of the report for the job's summary page.
  ///
  /// - Parameter report: The grading outcome.
  /// - Returns: Markdown text.
  public static func summary(_ report: GradeReport) -> String {
    var lines = ["## asynccheck: \(scoreLine(report))", ""]
    for task in report.tasks {
      lines.append("### \(task.passed ? "✅" : "❌") \(task.title)")
      lines.append("")
      lines.append("| | check | what was seen |")
      lines.append("|---|---|---|")
      for check in task.checks {
        let mark = check.status == .passed ? "OK" : check.status == .failed ? "**KO**" : "--"
        lines.append("| \(mark) | \(cell(check.title)) | \(cell(check.message)) |")
      }
      lines.append("")
    }
    lines.append(
      "Seed \(report.seed): `\(ReproduceCommand.text(seed: report.seed))` reproduces this run.")
    return lines.joined(separator: "\n") + "\n"
  }

  static func scoreLine(_ report: GradeReport) -> String {
    let unit = report.scoring.isPerCheck ? "checks" : "points"
    return "Score: \(TextReport.number(report.score))/\(TextReport.number(report.maxScore)) "
      + "\(unit) (\(TextReport.number(report.percent))%)"
  }

  /// A workflow command's message, escaped as the runner expects, with its invisible format
  /// controls (a right-to-left override…) shown as code points.
  static func data(_ text: String) -> String {
    text.formatControlsVisible.replacingAll("%", "%25").replacingAll("\r", "%0D")
      .replacingAll("\n", "%0A")
  }

  /// A workflow command's property value, escaped as the runner expects.
  static func property(_ text: String) -> String {
    data(text).replacingAll(":", "%3A").replacingAll(",", "%2C")
  }

  private static func cell(_ text: String) -> String {
    text.replacingAll("\n", " ").terminalSafe.replacingAll("|", "\\|")
  }
}

extension String {
  fileprivate func replacingAll(_ target: String, _ replacement: String) -> String {
    split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
  }
}
