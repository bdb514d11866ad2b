import Foundation

/// `checker grade-all CLASS_DIR`: grades every student of a class and writes their reports and
/// a gradebook.
public enum BatchCommand {
  /// The help text.
  public static let help = """
    USAGE: checker grade-all [options] CLASS_DIR

    Grades every subfolder of CLASS_DIR as one student's submission (a package, a folder of
    .swift files, or the Python project), several at once, and writes under --out one report
    per student in each format, and grades.csv. Submissions whose files did not change since
    the last run are not graded again (unless --force).

    OPTIONS:
      --out DIR             Where reports go (default: ./grades); never inside a submission.
      --format LIST         Report formats per student, comma-separated (default: text,json):
                            text, json, gradescope, junit, github, html.
      --workers N           Submissions graded at once (default: 4 per core); compiling
                            goes one per core whatever N is.
      --force               Grade every submission again.
      --seed N              The seed for every student's inputs (default: the last run's, or
                            a new one).
      --points FILE         Points per task, as for a single grading.
      --language swift|python
                            The submissions' language (default: detected for each).
      --shard K/N           Grade only part K of N of the class (by a stable hash of each
                            student's name); needs --seed, the same for every part. Merge the
                            parts' --out folders with `checker merge-grades`.
      --quiet               No progress line.

    EXIT STATUS:
      0  every student was graded (whatever their grades)
      2  the batch could not run: a bad class folder, options or output folder
    """

  /// Gradings at once by default: four per core.
  ///
  /// A grading mostly sleeps; its compilation goes
  /// through a gate of one per core, so more workers only overlap more waiting (measured in
  /// BENCHMARKS.md).
  public static let defaultWorkers = 4 * ProcessInfo.processInfo.activeProcessorCount

  /// Runs a batch.
  ///
  /// - Parameters:
  ///   - arguments: The arguments after `grade-all`.
  ///   - isTerminal: Whether standard error is a terminal (for the progress line).
  ///   - progressStream: Where progress goes.
  /// - Returns: What to print and the exit status.
  public static func run(
    arguments: [String], isTerminal: Bool,
    progressStream: @escaping @Sendable (String) -> Void = { _ in }
  ) -> CheckerCommand.Output {
    func failure(_ message: String) -> CheckerCommand.Output {
      CheckerCommand.Output(status: 2, standardOutput: "", standardError: "checker: \(message)\n")
    }
    var remaining = arguments[...]
    var classFolder: String?
    var output = "grades"
    var formats: [ReportFormat] = [.text, .json]
    var workers = defaultWorkers
    var force = false
    var seed: UInt64?
    var scoring = Scoring.perCheck
    var language: Language?
    var shard: Shard?
    var quiet = false
    while let argument = remaining.popFirst() {
      func value() -> String? {
        guard let next = remaining.popFirst(), !next.hasPrefix("--") else { return nil }
        return next
      }
      switch argument {
      case "-h", "--help":
        return CheckerCommand.Output(status: 0, standardOutput: help + "\n", standardError: "")
      case "--out":
        guard let folder = value() else { return failure("--out needs a folder") }
        output = folder
      case "--format":
        guard let list = value() else { return failure("--format needs a list") }
        let parsed = list.split(separator: ",").map { ReportFormat(rawValue: String($0)) }
        guard !parsed.isEmpty, parsed.allSatisfy({ $0 != nil }) else {
          return failure(
            "--format \(list): expected a comma-separated list of "
              + ReportFormat.allCases.map(\.rawValue).joined(separator: ", "))
        }
        formats = parsed.compactMap { $0 }
      case "--workers":
        guard let text = value(), let count = Int(text), count >= 1 else {
          return failure("--workers needs a whole number ≥ 1")
        }
        workers = count
      case "--force":
        force = true
      case "--quiet":
        quiet = true
      case "--shard":
        guard let text = value(), let parsed = Shard(text) else {
          return failure("--shard needs K/N with 1 ≤ K ≤ N, such as 2/5")
        }
        shard = parsed
      case "--seed":
        guard let text = value(), let number = UInt64(text) else {
          return failure("--seed needs a whole number ≥ 0")
        }
        seed = number
      case "--points":
        guard let path = value() else { return failure("--points needs a file") }
        do {
          scoring = try Scoring.load(path: path)
        } catch {
          return failure(error.localizedDescription)
        }
      case "--language":
        guard let text = value(), let parsed = Language(rawValue: text) else {
          return failure("--language: expected swift or python")
        }
        language = parsed
      default:
        guard !argument.hasPrefix("-"), classFolder == nil else {
          return failure(
            argument.hasPrefix("-")
              ? "unknown option \(argument) (see checker grade-all --help)"
              : "give one class folder, not several")
        }
        classFolder = argument
      }
    }
    guard let classFolder else { return failure("grade-all needs a class folder (see --help)") }
    if shard != nil, seed == nil {
      return failure(
        "--shard needs --seed: every part of the class must be graded with the class's one seed")
    }
    let seedFile = BatchGrader.stateFolder(in: output).appendingPathComponent("seed")
    let batchSeed =
      seed ?? (try? String(contentsOf: seedFile, encoding: .utf8)).flatMap {
        UInt64($0.trimmingCharacters(in: .whitespacesAndNewlines))
      } ?? UInt64.random(in: 1...99_999)
    var options = BatchGrader.Options(
      classFolder: classFolder, outputFolder: output, formats: formats, workers: workers,
      force: force, seed: batchSeed, scoring: scoring, language: language)
    options.shard = shard
    let grader = BatchGrader(options: options)
    // Said before anything runs, on every stream a teacher may be watching: student code is
    // about to run with the teacher's rights.
    var warning = ""
    if case .failure(let unavailable) = Sandbox.current {
      warning =
        "checker: WARNING: not sandboxed: \(unavailable.reason). Student code will run with "
        + "your rights: it can read and change other submissions and your files. Grade on "
        + "Linux as root (or in CI) to sandbox it.\n"
      progressStream(warning)
    }
    let start = ProcessSupervisor.monotonicSeconds()
    let results: [StudentResult]
    let showsProgress = isTerminal && !quiet
    do {
      let progress = ProgressLine(start: start)
      results = try grader.run { done, total, result in
        guard showsProgress else { return }
        progressStream(progress.update(done: done, total: total, result: result))
      }
      if showsProgress, !results.isEmpty { progressStream("\n") }
    } catch {
      return failure(error.localizedDescription)
    }
    let gradebook = URL(fileURLWithPath: output).appendingPathComponent("grades.csv")
    guard
      FileManager.default.createFile(
        atPath: gradebook.path, contents: Data(Gradebook.csv(results).utf8))
    else { return failure("cannot write \(gradebook.path)") }
    try? Data("\(batchSeed)\n".utf8).write(to: seedFile)
    let seconds = ProcessSupervisor.monotonicSeconds() - start
    do {
      try ClassResults(
        seed: batchSeed, seconds: seconds, students: results,
        shard: shard
      ).save(in: output)
    } catch {
      return failure("cannot write \(ClassResults.file(in: output).path)")
    }
    let departed = grader.departedStudents(from: results)
    let summary =
      warning + (shard.map { "Shard \($0.index) of \($0.count). " } ?? "")
      + Gradebook.summary(results, seconds: seconds)
      + (departed.isEmpty
        ? ""
        : "Reports of \(departed.count) earlier student\(departed.count == 1 ? "" : "s") no "
          + "longer in the class are still in \(output)/reports (left as they were): "
          + departed.map(\.terminalSafe).joined(separator: ", ") + "\n")
      + "Seed \(batchSeed). Reports and grades.csv are in \(output)/\n"
    return CheckerCommand.Output(status: 0, standardOutput: summary, standardError: "")
  }
}
