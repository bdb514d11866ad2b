import Foundation

/// `checker [options] [PATH]`: grades one submission and reports it in one format.
enum GradeCommand: Subcommand {
  static let name: String? = nil
  static var help: String { CheckerOptions.help }

  static func parse(_ arguments: [String]) throws(UsageError) -> CheckerOptions {
    try CheckerOptions.parse(arguments)
  }

  static func run(_ options: CheckerOptions, context: CommandContext) -> CommandOutput {
    if options.showsVersion {
      return CommandOutput(
        status: .success, standardOutput: "asynccheck \(CheckerCommand.version)\n")
    }
    let seed = options.grading.seed ?? GradingOptions.newSeed()
    var request = Grader.Request(
      path: options.path, target: options.target, languageMode: options.languageMode,
      language: options.grading.language, seed: seed,
      taskIDs: options.taskIDs, keepsBuild: options.keepsBuild)
    request.scoring = options.grading.scoring
    let result: Grader.Result
    do {
      result = try Grader().grade(request)
    } catch {
      return failure(error, options: options)
    }
    var standardError = ""
    if let folder = result.keptBuildFolder {
      standardError += "checker: build folder kept at \(folder)\n"
    }
    let environment = context.environment
    let usesColor =
      context.isOutputTerminal && options.outputPath == nil && !options.disablesColor
      && environment["NO_COLOR"] == nil && environment["TERM"] != "dumb"
    var textReport = TextReport(
      usesColor: usesColor, showsTimelines: options.showsTimelines,
      command: reproduceCommand(options))
    let text = options.format.render(result.report, text: textReport)
    let summary = options.format == .github ? GitHubReport.summary(result.report) : nil
    let status: ExitStatus = result.report.passed ? .success : .checksFailed
    // Files get no colour.
    textReport.usesColor = false
    for saved in options.savedReports {
      // The same grading in another format: never two runs that could disagree.
      let report = saved.format.render(result.report, text: textReport)
      guard FileManager.default.createFile(atPath: saved.path, contents: Data(report.utf8))
      else {
        return CommandOutput(
          status: .cannotRun, standardError: standardError + "checker: cannot write \(saved.path)\n"
        )
      }
      standardError += "checker: \(saved.format.rawValue) report written to \(saved.path)\n"
    }
    guard let outputPath = options.outputPath else {
      return CommandOutput(
        status: status, standardOutput: text, standardError: standardError, stepSummary: summary)
    }
    guard FileManager.default.createFile(atPath: outputPath, contents: Data(text.utf8)) else {
      return CommandOutput(
        status: .cannotRun, standardError: standardError + "checker: cannot write \(outputPath)\n",
        stepSummary: summary)
    }
    // Say where the report went: a silent run looks like one that did nothing.
    return CommandOutput(
      status: status,
      standardError: standardError
        + "checker: \(options.format.rawValue) report written to \(outputPath) "
        + "(score \(TextReport.number(result.report.score))/"
        + "\(TextReport.number(result.report.maxScore)); \(Sandbox.protection))\n",
      stepSummary: summary)
  }

  /// What a grading that could not run prints; for Gradescope, also the results.json that
  /// says why, since Gradescope shows that file and not the checker's messages.
  private static func failure(_ error: GradingError, options: CheckerOptions) -> CommandOutput {
    let message = "checker: \(error.localizedDescription)\n"
    guard options.format == .gradescope else {
      return CommandOutput(status: .cannotRun, standardError: message)
    }
    var isSubmissionsFault = false
    if case .submission = error { isSubmissionsFault = true }
    let results = GradescopeReport.failure(
      reason: error.localizedDescription, isSubmissionsFault: isSubmissionsFault)
    if let outputPath = options.outputPath {
      _ = FileManager.default.createFile(atPath: outputPath, contents: Data(results.utf8))
      return CommandOutput(status: .cannotRun, standardError: message)
    }
    return CommandOutput(status: .cannotRun, standardOutput: results, standardError: message)
  }

  /// The command that grades the same submission the same way, without the seed.
  static func reproduceCommand(_ options: CheckerOptions) -> String {
    var words = [ReproduceCommand.program]
    if let target = options.target { words += ["--target", target] }
    if let mode = options.languageMode { words += ["--swift-version", "\(mode)"] }
    if let language = options.grading.language { words += ["--language", language.rawValue] }
    if options.taskIDs != Exercise.tasks.map(\.id) {
      words += ["--task", options.taskIDs.map(String.init).joined(separator: ",")]
    }
    if let path = options.path { words.append(ReproduceCommand.quoted(path)) }
    return words.joined(separator: " ")
  }
}
