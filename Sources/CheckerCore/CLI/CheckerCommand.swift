import Foundation

/// The checker's command line: picks the command by its first argument and runs it.
///
/// The executable only prints what this returns, so every command is testable without a
/// process.
public enum CheckerCommand {
  /// The checker's version.
  public static let version = "0.2.0"

  /// The commands after `checker`, by name; anything else grades one submission.
  private static let subcommands: [String: @Sendable ([String], CommandContext) -> CommandOutput] =
    [
      "grade-all": { GradeAllCommand.main($0, context: $1) },
      "merge-grades": { MergeGradesCommand.main($0, context: $1) },
      "bundle": { BundleCommand.main($0, context: $1) },
    ]

  /// Runs the checker.
  ///
  /// - Parameters:
  ///   - arguments: The arguments after the program name.
  ///   - context: The environment, the terminals, where progress goes.
  /// - Returns: What to print, what to add to GitHub's step summary, and the exit status.
  public static func run(arguments: [String], context: CommandContext = CommandContext())
    -> CommandOutput
  {
    if let name = arguments.first, let command = subcommands[name] {
      return command(Array(arguments.dropFirst()), context)
    }
    // Asking for the version is answered before anything is parsed or read, as help is.
    if ArgumentReader.asksForVersion(arguments), !ArgumentReader.asksForHelp(arguments) {
      return CommandOutput(status: .success, standardOutput: "asynccheck \(version)\n")
    }
    return GradeCommand.main(arguments, context: context)
  }
}
