/// A class's results as a gradebook (`grades.csv`) and a summary for the teacher.
public enum Gradebook {
  /// The gradebook: a row per student with each task's points, the total, the percentage and
  /// how the grading went.
  ///
  /// - Parameter results: Every student's result.
  /// - Returns: CSV text with a header row.
  public static func csv(_ results: [StudentResult]) -> String {
    let header =
      ["student"] + Exercise.tasks.map { "task\($0.id)" } + ["total", "max", "percent", "status"]
    var rows = [header.joined(separator: ",")]
    for result in results {
      var cells = [field(result.student)]
      if let report = result.report {
        for task in Exercise.tasks {
          let graded = report.tasks.first { $0.id == task.id }
          cells.append(graded.map { TextReport.number(report.scoring.score(of: $0)) } ?? "")
        }
        cells += [
          TextReport.number(report.score), TextReport.number(report.maxScore), "\(report.percent)",
        ]
      } else {
        cells += Array(repeating: "", count: Exercise.tasks.count) + ["0", "", "0"]
      }
      cells.append(result.status)
      rows.append(cells.joined(separator: ","))
    }
    return rows.joined(separator: "\n") + "\n"
  }

  /// A summary: the class average, the statuses, and the checks most students fail.
  ///
  /// - Parameters:
  ///   - results: Every student's result.
  ///   - seconds: How long the batch took.
  /// - Returns: Lines of text.
  public static func summary(_ results: [StudentResult], seconds: Double) -> String {
    let graded = results.compactMap(\.report)
    let average =
      graded.isEmpty ? 0 : graded.reduce(0) { $0 + $1.percent } / graded.count
    let reused = results.filter(\.wasReused).count
    var lines = [
      "Graded \(results.count) students in \(Int(seconds.rounded())) s"
        + (reused > 0 ? " (\(reused) unchanged, not graded again)" : "")
        + ": class average \(average)%"
    ]
    var statuses: [String: Int] = [:]
    for result in results { statuses[result.status, default: 0] += 1 }
    lines.append(
      "Statuses: "
        + statuses.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map {
          "\($0.key) \($0.value)"
        }
        .joined(separator: ", "))
    var tally: [String: (passed: Int, total: Int, order: Int)] = [:]
    for report in graded {
      for task in report.tasks {
        for (index, check) in task.checks.enumerated() {
          let key = "task \(task.id) \(check.name): \(check.title)"
          let previous = tally[key] ?? (0, 0, task.id * 100 + index)
          tally[key] = (
            previous.passed + (check.status == .passed ? 1 : 0), previous.total + 1, previous.order
          )
        }
      }
    }
    let failing = tally.filter { $0.value.passed < $0.value.total }.sorted {
      let left = Double($0.value.passed) / Double($0.value.total)
      let right = Double($1.value.passed) / Double($1.value.total)
      return left != right ? left < right : $0.value.order < $1.value.order
    }
    if failing.isEmpty {
      lines.append("Every check passed for every graded student.")
    } else {
      lines.append("Checks most students fail:")
      for (key, value) in failing.prefix(12) {
        lines.append("  \(value.passed)/\(value.total) passed  \(key)")
      }
    }
    for result in results where result.error != nil {
      lines.append("\(result.student): \(result.status): \(result.error ?? "")")
    }
    return lines.joined(separator: "\n") + "\n"
  }

  static func field(_ raw: String) -> String {
    // Control characters become visible symbols: a folder name holding an escape sequence would
    // clear the terminal of a teacher who prints the file, a new line would split its row.
    let safe = raw.terminalSafe
    // A cell that starts with =, +, -, @, a tab or CR is a formula to a spreadsheet: a student
    // could name a folder `=HYPERLINK(…)`. A leading ' makes it text.
    let text = safe.first.map { "=+-@\t\r".contains($0) } == true ? "'" + safe : safe
    return text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")
      ? "\""
        + text.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"")
        + "\"" : text
  }
}
