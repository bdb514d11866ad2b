import Foundation

/// `checker grade-all CLASS_DIR`: grades every student of a class and writes their reports and
/// a gradebook.
public enum GradeAllCommand: Subcommand {
  static let name: String? = "grade-all"

  /// The help text.
  public static var help: String {
    """
    USAGE: checker grade-all [options] CLASS_DIR

    Grades every subfolder of CLASS_DIR as one student's submission (a package, a folder of
    .swift files, or the Python project), several at once, and writes under --out one report
    per student in each format, grades.csv, and index.html (the class at a glance: a table to
    sort and filter, a histogram, the checks most failed). Submissions whose files did not
    change since the last run are not graded again (unless --force). Without --seed, a run uses
    the seed of the last run into the same --out folder, so re-runs grade every student alike.

    OPTIONS:
    \(GradingOptions.help)
      --out DIR             Where reports go (default: ./grades); never inside a submission.
      --format LIST         Report formats per student, comma-separated (default: text,json):
                            text, json, gradescope, junit, github, html.
      --workers N           Submissions graded at once (default: 8 per core); compiling
                            goes one per core whatever N is.
      --target NAME         In a student's package with several library targets, the one
                            to grade (students without such a package are graded as usual).
      --force               Grade every submission again.
      --shard K/N           Grade only part K of N of the class (by a stable hash of each
                            student's name); needs --seed, the same for every part. Merge the
                            parts' --out folders with `checker merge-grades`.
      --quiet               No progress line.
      -h, --help            Show this help.

    EXIT STATUS:
      0  every student was graded (whatever their grades)
      2  the batch could not run: a bad class folder, options or output folder
    """
  }

  /// Gradings at once by default: eight per core.
  ///
  /// A grading mostly sleeps; its compilation goes through a gate of one per core, so more
  /// workers only overlap more waiting (measured in BENCHMARKS.md).
  public static let defaultWorkers = 8 * ProcessInfo.processInfo.activeProcessorCount

  /// What `grade-all` reads from its arguments.
  struct Options: Equatable {
    /// The class: one subfolder per student.
    var classFolder = ""
    /// Where reports go.
    var outputFolder = "grades"
    /// The report formats written per student.
    var formats: [ReportFormat] = [.text, .json]
    /// Gradings at once.
    var workers = GradeAllCommand.defaultWorkers
    /// The target to grade in a package that has several.
    var target: String?
    /// Whether to grade unchanged submissions again.
    var force = false
    /// Whether to leave out the progress line.
    var quiet = false
    /// The part of the class to grade.
    var shard: Shard?
    /// The seed, the points and the language.
    var grading = GradingOptions()
  }

  static func parse(_ arguments: [String]) throws(UsageError) -> Options {
    var options = Options()
    var reader = ArgumentReader(arguments, command: commandLine)
    while let name = reader.nextOption() {
      if try options.grading.read(name, from: &reader) { continue }
      switch name {
      case "--out": options.outputFolder = try reader.value(of: name)
      case "--format":
        options.formats = try reader.value(of: name, as: ReportFormatList.self).formats
      case "--workers": options.workers = try reader.value(of: name)
      case "--target": options.target = try reader.value(of: name)
      case "--force":
        try reader.flag(name)
        options.force = true
      case "--quiet":
        try reader.flag(name)
        options.quiet = true
      case "--shard": options.shard = try reader.value(of: name)
      default: throw reader.unknown(name)
      }
    }
    let folders = reader.positionals
    guard let folder = folders.first else {
      throw .missingArgument("a class folder", command: commandLine)
    }
    guard folders.count == 1 else { throw .tooManyArguments(folders, expected: "one class folder") }
    options.classFolder = folder
    guard options.workers >= 1 else {
      throw .invalidValue(
        option: "--workers", value: "\(options.workers)", expected: "a whole number ≥ 1")
    }
    if options.shard != nil, options.grading.seed == nil {
      throw .conflict(
        "--shard needs --seed: every part of the class must be graded with the class's one seed")
    }
    try options.grading.validate()
    return options
  }

  static func run(_ options: Options, context: CommandContext) -> CommandOutput {
    let output = options.outputFolder
    let seedFile = BatchGrader.stateFolder(in: output).appendingPathComponent("seed")
    let batchSeed =
      options.grading.seed ?? (try? String(contentsOf: seedFile, encoding: .utf8)).flatMap {
        UInt64($0.trimmingCharacters(in: .whitespacesAndNewlines))
      } ?? GradingOptions.newSeed()
    var batch = BatchGrader.Options(
      classFolder: options.classFolder, outputFolder: output, formats: options.formats,
      workers: options.workers, force: options.force, seed: batchSeed,
      scoring: options.grading.scoring, language: options.grading.language)
    batch.shard = options.shard
    batch.target = options.target
    let grader = BatchGrader(options: batch)
    // Said before anything runs, on every stream a teacher may be watching: student code is
    // about to run with the teacher's rights.
    var warning = ""
    if case .failure(let unavailable) = Sandbox.current {
      warning =
        "checker: WARNING: not sandboxed: \(unavailable.reason). Student code will run with "
        + "your rights: it can read and change other submissions and your files. Grade on "
        + "Linux as root (or in CI) to sandbox it.\n"
      context.progress(warning)
    }
    let clock = ContinuousClock()
    let stopwatch = Stopwatch(clock: clock)
    let results: [StudentResult]
    let showsProgress = context.isErrorTerminal && !options.quiet
    do {
      let progress = ProgressLine(clock: clock)
      results = try grader.run { done, total, result in
        guard showsProgress else { return }
        context.progress(progress.update(done: done, total: total, result: result))
      }
      if showsProgress, !results.isEmpty { context.progress("\n") }
    } catch {
      return .failure(error.localizedDescription)
    }
    let gradebook = URL(fileURLWithPath: output).appendingPathComponent("grades.csv")
    guard
      FileManager.default.createFile(
        atPath: gradebook.path, contents: Data(Gradebook.csv(results).utf8))
    else { return .failure("cannot write \(gradebook.path)") }
    guard ClassDashboard.write(results, seed: batchSeed, in: output) else {
      return .failure("cannot write \(ClassDashboard.file(in: output).path)")
    }
    try? Data("\(batchSeed)\n".utf8).write(to: seedFile)
    let seconds = stopwatch.seconds
    do {
      try ClassResults(
        seed: batchSeed, seconds: seconds, students: results, shard: options.shard
      ).save(in: output)
    } catch {
      return .failure("cannot write \(ClassResults.file(in: output).path)")
    }
    let departed = grader.departedStudents(from: results)
    // Capitalized as the summary's other lines.
    let sandboxLine =
      Sandbox.protection.prefix(1).uppercased() + Sandbox.protection.dropFirst() + ".\n"
    let summary =
      warning + (options.shard.map { "Shard \($0.index) of \($0.count). " } ?? "")
      + Gradebook.summary(results, seconds: seconds)
      + (departed.isEmpty
        ? ""
        : "Reports of \(departed.count) earlier student\(departed.count == 1 ? "" : "s") no "
          + "longer in the class are still in \(output)/reports (left as they were): "
          + departed.map(\.terminalSafe).joined(separator: ", ") + "\n")
      + sandboxLine
      + "Seed \(batchSeed). Reports, grades.csv and the class dashboard index.html are in "
      + "\(output)/\n"
    return CommandOutput(status: .success, standardOutput: summary)
  }
}
