/// JUnit XML, as GitLab and GitHub test-report actions read it: one `testsuite` per task, one
/// `testcase` per check, a `failure` (or `skipped`) with the message.
public enum JUnitReport {
  /// Renders `report` as JUnit XML.
  ///
  /// - Parameter report: The grading outcome.
  /// - Returns: The XML document.
  public static func render(_ report: GradeReport) -> String {
    let checks = report.tasks.flatMap(\.checks)
    var lines = [
      #"<?xml version="1.0" encoding="UTF-8"?>"#,
      "<testsuites name=\"asynccheck\" tests=\"\(checks.count)\" "
        + "failures=\"\(checks.filter { $0.status == .failed }.count)\" "
        + "skipped=\"\(checks.filter { $0.status == .skipped }.count)\" "
        + "time=\"\(report.seconds)\">",
    ]
    for task in report.tasks {
      lines.append(
        "  <testsuite name=\"\(escape(task.title))\" tests=\"\(task.checks.count)\" "
          + "failures=\"\(task.checks.filter { $0.status == .failed }.count)\" "
          + "skipped=\"\(task.checks.filter { $0.status == .skipped }.count)\">")
      for check in task.checks {
        let opening =
          "    <testcase classname=\"asynccheck.task\(task.id)\" name=\"\(escape(check.title))\""
        switch check.status {
        case .passed:
          lines.append(opening + "/>")
        case .failed:
          lines.append(opening + ">")
          // A mismatch's fields, as lines a CI page shows under the message.
          let compared =
            check.mismatch.map { ["expected: \($0.expected)", "actual: \($0.actual)"] } ?? []
          lines.append(
            "      <failure message=\"\(escape(check.message))\""
              + (check.mismatch == nil ? "" : " type=\"mismatch\"") + ">"
              + escape(([check.message] + check.details + compared).joined(separator: "\n"))
              + "</failure>")
          lines.append("    </testcase>")
        case .skipped:
          lines.append(opening + ">")
          lines.append("      <skipped message=\"\(escape(check.message))\"/>")
          lines.append("    </testcase>")
        }
      }
      lines.append("  </testsuite>")
    }
    lines.append("</testsuites>")
    return lines.joined(separator: "\n") + "\n"
  }

  /// `text` with XML's special characters escaped, and control characters dropped.
  static func escape(_ text: String) -> String {
    var escaped = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": escaped += "&amp;"
      case "<": escaped += "&lt;"
      case ">": escaped += "&gt;"
      case "\"": escaped += "&quot;"
      case "'": escaped += "&apos;"
      case "\n", "\t": escaped.unicodeScalars.append(scalar)
      default:
        if scalar.value >= 0x20 { escaped.unicodeScalars.append(scalar) }
      }
    }
    return escaped
  }
}
