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

  /// `text` with XML's special characters escaped, every character XML 1.0 forbids dropped,
  /// and invisible format controls (a right-to-left override…) shown as their code points.
  ///
  /// XML 1.0 allows `#x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]`:
  /// one U+FFFE or U+0001 in an exception's message would make the whole document unreadable
  /// to a CI server. Carriage returns are dropped too: a parser reads them as new lines.
  static func escape(_ text: String) -> String {
    var escaped = ""
    for scalar in text.formatControlsVisible.unicodeScalars {
      switch scalar {
      case "&": escaped += "&amp;"
      case "<": escaped += "&lt;"
      case ">": escaped += "&gt;"
      case "\"": escaped += "&quot;"
      case "'": escaped += "&apos;"
      case "\n", "\t": escaped.unicodeScalars.append(scalar)
      default:
        if isAllowedInXML(scalar) { escaped.unicodeScalars.append(scalar) }
      }
    }
    return escaped
  }

  /// Whether XML 1.0 allows a character (`Char` in the specification), apart from CR.
  static func isAllowedInXML(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x9, 0xA, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
    default: false
    }
  }
}
