import Foundation

/// The checker's command: options in; report, messages and exit status out.
///
/// The executable only
/// prints what this returns, so all of it is testable without a process.
public enum CheckerCommand {
  /// The checker's version.
  public static let version = "0.2.0"

  /// What running the command produced.
  public struct Output: Sendable, Equatable {
    /// The exit status: 0 every check passed, 1 a check failed, 2 the checker could not run.
    public var status: Int32
    /// What goes to standard output.
    public var standardOutput: String
    /// What goes to standard error.
    public var standardError: String
  }

  /// Runs the checker.
  ///
  /// - Parameters:
  ///   - arguments: The arguments after the program name.
  ///   - environment: The environment (for `NO_COLOR`).
  ///   - isTerminal: Whether standard output is a terminal.
  /// - Returns: What to print and the exit status.
  public static func run(
    arguments: [String], environment: [String: String] = [:], isTerminal: Bool = false
  ) -> Output {
    if arguments.first == "grade-all" {
      return BatchCommand.run(
        arguments: Array(arguments.dropFirst()), isTerminal: isTerminal,
        progressStream: { FileHandle.standardError.write(Data($0.utf8)) })
    }
    if arguments.first == "merge-grades" {
      return MergeCommand.run(arguments: Array(arguments.dropFirst()))
    }
    if arguments.first == "bundle" {
      return BundleCommand.run(
        arguments: Array(arguments.dropFirst()),
        executable: Sandbox.checkerProgram().map { URL(fileURLWithPath: $0) },
        currentDirectory: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
    }
    let options: CheckerOptions
    do {
      options = try CheckerOptions.parse(arguments)
    } catch {
      return Output(
        status: 2, standardOutput: "", standardError: "checker: \(error.localizedDescription)\n")
    }
    if options.showsHelp {
      return Output(status: 0, standardOutput: CheckerOptions.help + "\n", standardError: "")
    }
    if options.showsVersion {
      return Output(status: 0, standardOutput: "asynccheck \(version)\n", standardError: "")
    }
    let seed = options.seed ?? UInt64.random(in: 1...99_999)
    var scoring = Scoring.perCheck
    if let pointsPath = options.pointsPath {
      do {
        scoring = try Scoring.load(path: pointsPath)
      } catch {
        return Output(
          status: 2, standardOutput: "", standardError: "checker: \(error.localizedDescription)\n")
      }
    }
    var request = Grader.Request(
      path: options.path, target: options.target, languageMode: options.languageMode,
      language: options.language, seed: seed,
      taskIDs: options.taskIDs, keepsBuild: options.keepsBuild)
    request.scoring = scoring
    let result: Grader.Result
    do {
      result = try Grader().grade(request)
    } catch {
      let message = "checker: \(error.localizedDescription)\n"
      guard options.format == .gradescope else {
        return Output(status: 2, standardOutput: "", standardError: message)
      }
      // Gradescope shows results.json, not the checker's messages: say it there.
      var isSubmissionsFault = false
      if case .submission = error { isSubmissionsFault = true }
      let results = GradescopeReport.failure(
        reason: error.localizedDescription, isSubmissionsFault: isSubmissionsFault)
      if let outputPath = options.outputPath {
        _ = FileManager.default.createFile(atPath: outputPath, contents: Data(results.utf8))
        return Output(status: 2, standardOutput: "", standardError: message)
      }
      return Output(status: 2, standardOutput: results, standardError: message)
    }
    var standardError = ""
    if let folder = result.keptBuildFolder {
      standardError += "checker: build folder kept at \(folder)\n"
    }
    let usesColor =
      isTerminal && options.outputPath == nil && !options.disablesColor
      && environment["NO_COLOR"] == nil && environment["TERM"] != "dumb"
    let text = options.format.render(
      result.report,
      text: TextReport(
        usesColor: usesColor, showsTimelines: options.showsTimelines,
        command: reproduceCommand(options)))
    if options.format == .github, let summaryPath = environment["GITHUB_STEP_SUMMARY"],
      !summaryPath.isEmpty
    {
      appendSummary(GitHubReport.summary(result.report), to: summaryPath)
    }
    let status: Int32 = result.report.passed ? 0 : 1
    if let outputPath = options.outputPath {
      guard FileManager.default.createFile(atPath: outputPath, contents: Data(text.utf8)) else {
        return Output(
          status: 2, standardOutput: "",
          standardError: standardError + "checker: cannot write \(outputPath)\n")
      }
      // Say where the report went: a silent run looks like one that did nothing.
      return Output(
        status: status, standardOutput: "",
        standardError: standardError
          + "checker: \(options.format.rawValue) report written to \(outputPath) "
          + "(score \(TextReport.number(result.report.score))/"
          + "\(TextReport.number(result.report.maxScore)))\n")
    }
    return Output(status: status, standardOutput: text, standardError: standardError)
  }

  /// Appends `text` to the file at `path` (GitHub's step summary), making it if needed.
  static func appendSummary(_ text: String, to path: String) {
    if let handle = FileHandle(forWritingAtPath: path) {
      handle.seekToEndOfFile()
      handle.write(Data(text.utf8))
      handle.closeFile()
    } else {
      _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
    }
  }

  /// The command that grades the same submission the same way, without the seed.
  static func reproduceCommand(_ options: CheckerOptions) -> String {
    var words = [ReproduceCommand.program]
    if let target = options.target { words += ["--target", target] }
    if let mode = options.languageMode { words += ["--swift-version", "\(mode)"] }
    if let language = options.language { words += ["--language", language.rawValue] }
    if options.taskIDs != Exercise.tasks.map(\.id) {
      words += ["--task", options.taskIDs.map(String.init).joined(separator: ",")]
    }
    if let path = options.path { words.append(ReproduceCommand.quoted(path)) }
    return words.joined(separator: " ")
  }
}
