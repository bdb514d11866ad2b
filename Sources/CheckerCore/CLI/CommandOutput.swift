/// What running a command produced: the executable prints it and exits with its status.
///
/// Commands return their output instead of writing it, so that every command is testable
/// without a process; only `Sources/checker/main.swift` writes to the standard streams and to
/// `$GITHUB_STEP_SUMMARY`.
public struct CommandOutput: Sendable, Equatable {
  /// How the program exits.
  public var status: ExitStatus
  /// What goes to standard output.
  public var standardOutput: String
  /// What goes to standard error.
  public var standardError: String
  /// Markdown to append to GitHub's step summary (`$GITHUB_STEP_SUMMARY`), when there is some.
  public var stepSummary: String?

  /// Creates an output.
  ///
  /// - Parameters:
  ///   - status: How the program exits.
  ///   - standardOutput: What goes to standard output.
  ///   - standardError: What goes to standard error.
  ///   - stepSummary: Markdown for GitHub's step summary.
  public init(
    status: ExitStatus, standardOutput: String = "", standardError: String = "",
    stepSummary: String? = nil
  ) {
    self.status = status
    self.standardOutput = standardOutput
    self.standardError = standardError
    self.stepSummary = stepSummary
  }

  /// A command that could not run, with one line saying why.
  static func failure(_ message: String) -> CommandOutput {
    CommandOutput(status: .cannotRun, standardError: "checker: \(message)\n")
  }

  /// A help text, printed as asked.
  static func help(_ text: String) -> CommandOutput {
    CommandOutput(status: .success, standardOutput: text + "\n")
  }
}
