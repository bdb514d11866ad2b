/// One of the checker's commands: parses its own options, then runs.
///
/// Each lives in `CLI/Subcommands/`; `CheckerCommand` picks one by the first argument, and
/// `main` answers `--help` before parsing anything else.
protocol Subcommand {
  /// What the command reads from its arguments.
  associatedtype Options

  /// The name after `checker` (`grade-all`), or `nil` for grading one submission.
  static var name: String? { get }
  /// The help text.
  static var help: String { get }
  /// Parses and validates the arguments after the command's name.
  static func parse(_ arguments: [String]) throws(UsageError) -> Options
  /// Runs the command.
  static func run(_ options: Options, context: CommandContext) -> CommandOutput
}

extension Subcommand {
  /// `checker` or `checker NAME`, for messages.
  static var commandLine: String { "checker" + (name.map { " " + $0 } ?? "") }

  /// Help if asked for, else parses and runs.
  static func main(_ arguments: [String], context: CommandContext) -> CommandOutput {
    if ArgumentReader.asksForHelp(arguments) { return .help(help) }
    do {
      return run(try parse(arguments), context: context)
    } catch {
      return .failure(error.localizedDescription)
    }
  }
}
