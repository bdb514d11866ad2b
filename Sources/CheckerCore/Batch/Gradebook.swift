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
    let average = TextReport.number(averagePercent(results, over: graded.count))
    let ungraded = results.count - graded.count
    let reused = results.filter(\.wasReused).count
    let students = "\(results.count) student\(results.count == 1 ? "" : "s")"
    var averageText = "class average \(average)% over the \(graded.count) graded"
    if ungraded > 0 {
      let all = TextReport.number(averagePercent(results, over: results.count))
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
    let failing = failedChecks(results)
    if failing.isEmpty {
      lines.append(
        graded.isEmpty ? "No student could be graded." : "No check failed for any graded student.")
    } else {
      lines.append("Checks with the most failures (of \(graded.count) graded students):")
      for check in failing.prefix(12) {
        lines.append(
          "  \(check.students.count) failed  task \(check.taskID) \(check.name): \(check.title)")
      }
    }
    for result in results where result.error != nil {
      lines.append(
        "\(result.student.terminalSafe): \(result.status.rawValue): "
          + (result.error ?? "").terminalSafe)
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// A check that graded students failed: which, and who.
  struct FailedCheck {
    /// Its task.
    var taskID: Int
    /// Its name.
    var name: String
    /// Its title.
    var title: String
    /// The students who failed it, in class order.
    var students: [String]
  }

  /// The checks graded students failed, the most failed first (ties in report order): what the
  /// summary and the class dashboard rank.
  ///
  /// - Parameter results: Every student's result.
  /// - Returns: The failed checks, each with its students.
  static func failedChecks(_ results: [StudentResult]) -> [FailedCheck] {
    var failed: [String: (order: Int, check: FailedCheck)] = [:]
    for result in results {
      guard let report = result.report else { continue }
      for task in report.tasks {
        for (index, check) in task.checks.enumerated() where check.status == .failed {
          let key = "\(task.id) \(check.name)"
          var entry =
            failed[key]
            ?? (
              task.id * 100 + index,
              FailedCheck(
                taskID: task.id, name: check.name, title: check.title, students: [])
            )
          entry.check.students.append(result.student)
          failed[key] = entry
        }
      }
    }
    return failed.values.sorted {
      $0.check.students.count != $1.check.students.count
        ? $0.check.students.count > $1.check.students.count : $0.order < $1.order
    }.map(\.check)
  }

  /// The mean of the graded students' percents over `count` students (those not graded count
  /// as 0), with one decimal.
  ///
  /// - Parameters:
  ///   - results: Every student's result.
  ///   - count: How many students the mean is over: the graded ones, or the whole class.
  /// - Returns: The mean, or 0 over no student.
  static func averagePercent(_ results: [StudentResult], over count: Int) -> Double {
    guard count > 0 else { return 0 }
    let sum = results.compactMap(\.report).reduce(0) { $0 + $1.taskWeightedPercent }
    return (sum / Double(count) * 10).rounded() / 10
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
