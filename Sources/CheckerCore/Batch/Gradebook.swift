/// A class's results as a gradebook (`grades.csv`) and a summary for the teacher.
public enum Gradebook {
  /// The gradebook: a row per student with each task's points, the total, a percentage that
  /// compares across languages (each task weighs the same, or as `--points` says), the raw
  /// check counts, how the grading went, what happened to each task, and the reason for a
  /// status that is not a grade alone (`StudentResult.reason`).
  ///
  /// - Parameter results: Every student's result.
  /// - Returns: CSV text with a header row.
  public static func csv(_ results: [StudentResult]) -> String {
    let header =
      ["student"] + Exercise.tasks.map { "task\($0.id)" }
      + ["total", "max", "percent", "checks_passed", "checks_total", "status"]
      + Exercise.tasks.map { "task\($0.id)_status" } + ["reason"]
    var rows = [header.joined(separator: ",")]
    for result in results {
      var cells = [field(result.student)]
      if let report = result.report {
        let graded = Exercise.tasks.map { task in report.tasks.first { $0.id == task.id } }
        cells += graded.map { $0.map { TextReport.number(report.scoring.score(of: $0)) } ?? "" }
        cells += [
          TextReport.number(report.score), TextReport.number(report.maxScore),
          TextReport.number(report.taskWeightedPercent),
          "\(report.tasks.reduce(0) { $0 + $1.score })",
          "\(report.tasks.reduce(0) { $0 + $1.checks.count })", report.status.rawValue,
        ]
        cells += graded.map { $0?.outcome?.rawValue ?? "" }
      } else {
        cells += Array(repeating: "", count: Exercise.tasks.count) + ["0", "", "0", "0", "0"]
        cells.append(result.status.rawValue)
        cells += Array(repeating: "", count: Exercise.tasks.count)
      }
      cells.append(field(result.reason ?? ""))
      rows.append(cells.joined(separator: ","))
    }
    return rows.joined(separator: "\n") + "\n"
  }

  /// A summary: the class average (saying whom it counts), the statuses, and the checks with
  /// the most failures.
  ///
  /// - Parameters:
  ///   - results: Every student's result.
  ///   - seconds: How long the batch took.
  /// - Returns: Lines of text.
  public static func summary(_ results: [StudentResult], seconds: Double) -> String {
    let graded = results.compactMap(\.report)
    let sum = graded.reduce(0) { $0 + $1.taskWeightedPercent }
    let average = TextReport.number(
      graded.isEmpty ? 0 : (sum / Double(graded.count) * 10).rounded() / 10)
    let ungraded = results.count - graded.count
    let reused = results.filter(\.wasReused).count
    let students = "\(results.count) student\(results.count == 1 ? "" : "s")"
    var averageText = "class average \(average)% over the \(graded.count) graded"
    if ungraded > 0 {
      let all = TextReport.number(
        results.isEmpty ? 0 : (sum / Double(results.count) * 10).rounded() / 10)
      averageText += " (\(all)% counting the \(ungraded) not graded as 0)"
    }
    var lines = [
      "Graded \(students) in \(Int(seconds.rounded())) s"
        + (reused > 0 ? " (\(reused) unchanged, not graded again)" : "") + ": " + averageText
    ]
    var statuses: [String: Int] = [:]
    for result in results { statuses[result.status.rawValue, default: 0] += 1 }
    lines.append(
      "Statuses: "
        + statuses.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map {
          "\($0.key) \($0.value)"
        }
        .joined(separator: ", "))
    var tally: [String: (failed: Int, order: Int)] = [:]
    for report in graded {
      for task in report.tasks {
        for (index, check) in task.checks.enumerated() {
          let key = "task \(task.id) \(check.name): \(check.title)"
          let previous = tally[key] ?? (0, task.id * 100 + index)
          tally[key] = (previous.failed + (check.status == .failed ? 1 : 0), previous.order)
        }
      }
    }
    let failing = tally.filter { $0.value.failed > 0 }.sorted {
      $0.value.failed != $1.value.failed
        ? $0.value.failed > $1.value.failed : $0.value.order < $1.value.order
    }
    if failing.isEmpty {
      lines.append(
        graded.isEmpty ? "No student could be graded." : "No check failed for any graded student.")
    } else {
      lines.append("Checks with the most failures (of \(graded.count) graded students):")
      for (key, value) in failing.prefix(12) {
        lines.append("  \(value.failed) failed  \(key)")
      }
    }
    for result in results where result.error != nil {
      lines.append(
        "\(result.student.terminalSafe): \(result.status.rawValue): "
          + (result.error ?? "").terminalSafe)
    }
    return lines.joined(separator: "\n") + "\n"
  }

  static func field(_ raw: String) -> String {
    // Control characters become visible symbols: a folder name holding an escape sequence would
    // clear the terminal of a teacher who prints the file, a new line would split its row, a
    // right-to-left override (U+202E) would reverse how the rest of the row reads.
    let safe = raw.terminalSafe
    // A cell that starts with =, +, -, @, a tab or CR is a formula to a spreadsheet: a student
    // could name a folder `=HYPERLINK(…)`. A leading ' makes it text.
    // The first scalar, not the first character: `=` with a combining mark is one character
    // that is not `=`, and still a formula.
    let text =
      safe.unicodeScalars.first.map { "=+-@\t\r".unicodeScalars.contains($0) } == true
      ? "'" + safe : safe
    // Quoted on `;` too: a spreadsheet in a locale whose lists use it splits the row there.
    return text.contains(",") || text.contains(";") || text.contains("\"")
      || text.contains("\n") || text.contains("\r")
      ? "\""
        + text.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"")
        + "\"" : text
  }
}
