import Foundation

/// The report a person reads: per task one line per check, `[OK]`, `[KO]` with what was expected
/// and what was seen, or `[--]` when the check could not run; then the score.
public struct TextReport: Sendable {
  /// Whether to colour the marks (on a terminal, without `NO_COLOR`).
  public var usesColor: Bool
  /// Whether to draw the timeline of passing concurrency checks too (failing ones always are).
  public var showsTimelines: Bool
  /// The command that reproduces the run, without the seed: `checker path/to/package`.
  public var command: String

  /// Creates a text report.
  ///
  /// - Parameters:
  ///   - usesColor: Whether to colour the marks.
  ///   - showsTimelines: Whether to draw every timeline.
  ///   - command: The command that reproduces the run, without `--seed`.
  public init(usesColor: Bool, showsTimelines: Bool, command: String) {
    self.usesColor = usesColor
    self.showsTimelines = showsTimelines
    self.command = command
  }

  /// Renders `report`.
  ///
  /// - Parameter report: The grading outcome.
  /// - Returns: The text, ending with a newline.
  public func render(_ report: GradeReport) -> String {
    var lines = [
      bold("asynccheck: async basics"),
      "Submission: \(report.submission.terminalSafe)",
      "Seed: \(report.seed)",
    ]
    lines += report.notes.map { "Note: \($0.terminalSafe)" }
    for task in report.tasks {
      lines.append("")
      lines.append(bold(task.title) + "  " + dim(task.function))
      var index = 0
      while index < task.checks.count {
        let check = task.checks[index]
        index += 1
        // Checks skipped for one reason, one after the other: one line, not a wall.
        let run = task.checks[index...].prefix {
          $0.status == .skipped && check.status == .skipped && $0.message == check.message
        }
        if !run.isEmpty {
          lines.append(
            "  \(mark(.skipped)) \(run.count + 1) checks skipped: \(check.message.terminalSafe)")
          index += run.count
          continue
        }
        lines.append("  \(mark(check.status)) \(check.title)")
        let indent = "       "
        if check.status != .passed || (showsTimelines && !check.message.isEmpty) {
          if !check.message.isEmpty {
            let prefix = check.status == .skipped ? "skipped: " : ""
            lines.append(indent + prefix + check.message.terminalSafe)
          }
        }
        if check.status == .failed {
          lines += check.details.map { indent + $0.terminalSafe }
        }
        if let timeline = check.timeline, check.status == .failed || showsTimelines {
          lines += TimelineRenderer.lines(timeline).map { indent + $0 }
        }
      }
      lines += task.notes.map { "  note: " + $0.terminalSafe }
      if let printed = task.printed {
        lines.append("  Your code printed:")
        lines += printed.split(separator: "\n", omittingEmptySubsequences: false).prefix(10).map {
          "    | " + String($0).terminalSafe
        }
      }
      lines.append(
        report.scoring.isPerCheck
          ? "  Task score: \(task.score)/\(task.checks.count)"
          : "  Task score: \(Self.number(report.scoring.score(of: task)))/"
            + "\(Self.number(report.scoring.maxScore(of: task))) points")
    }
    lines.append("")
    let unit = report.scoring.isPerCheck ? "checks" : "points"
    let score =
      "Score: \(Self.number(report.score))/\(Self.number(report.maxScore)) \(unit) "
      + "(\(TextReport.number(report.percent))%)"
    lines.append(bold(report.passed ? green(score) : score))
    lines.append(
      "Reproduce: "
        + command.replacingFirst("checker", with: "checker --seed \(report.seed)").terminalSafe)
    return lines.joined(separator: "\n") + "\n"
  }

  /// A score without a needless fraction: `17`, `7.5`, `6.67`.
  static func number(_ value: Double) -> String {
    let rounded = (value * 100).rounded() / 100
    return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
  }

  private func mark(_ status: CheckReport.Status) -> String {
    switch status {
    case .passed: green("[OK]")
    case .failed: color("[KO]", code: "31")
    case .skipped: color("[--]", code: "33")
    }
  }

  private func green(_ text: String) -> String { color(text, code: "32") }
  private func bold(_ text: String) -> String { color(text, code: "1") }
  private func dim(_ text: String) -> String { color(text, code: "2") }

  private func color(_ text: String, code: String) -> String {
    usesColor ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
  }
}

extension String {
  fileprivate func replacingFirst(_ target: String, with replacement: String) -> String {
    guard let range = range(of: target) else { return replacement + " " + self }
    return replacingCharacters(in: range, with: replacement)
  }
}
