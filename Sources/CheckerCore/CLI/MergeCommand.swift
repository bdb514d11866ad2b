import Foundation

/// `checker merge-grades SHARD_DIR... --out DIR`: one gradebook from the parts of a class
/// graded apart (`grade-all --shard K/N`, on several machines or CI jobs).
public enum MergeCommand {
  /// The help text.
  public static let help = """
    USAGE: checker merge-grades [--out DIR] SHARD_DIR...

    Merges the --out folders of `checker grade-all --shard K/N --seed S` runs into one: every
    student's reports, grades.csv and the summary, as one run of the whole class with that
    seed would have written them. The shards must share the seed; no student may be in two.

    OPTIONS:
      --out DIR   Where the merged gradebook goes (default: ./grades).
    """

  /// Runs the command.
  ///
  /// - Parameter arguments: The arguments after `merge-grades`.
  /// - Returns: What to print and the exit status (0 merged, 2 not).
  public static func run(arguments: [String]) -> CheckerCommand.Output {
    func failure(_ message: String) -> CheckerCommand.Output {
      CheckerCommand.Output(status: 2, standardOutput: "", standardError: "checker: \(message)\n")
    }
    var output = "grades"
    var shards: [String] = []
    var remaining = arguments[...]
    while let argument = remaining.popFirst() {
      switch argument {
      case "-h", "--help":
        return CheckerCommand.Output(status: 0, standardOutput: help + "\n", standardError: "")
      case "--out":
        guard let folder = remaining.popFirst() else { return failure("--out needs a folder") }
        output = folder
      default:
        guard !argument.hasPrefix("-") else {
          return failure("unknown option \(argument) (see checker merge-grades --help)")
        }
        shards.append(argument)
      }
    }
    guard !shards.isEmpty else {
      return failure("merge-grades needs the shards' folders (see --help)")
    }
    do {
      let merged = try GradeMerger(shards: shards, output: output).merge()
      return CheckerCommand.Output(
        status: 0,
        standardOutput: "Merged \(shards.count) shard\(shards.count == 1 ? "" : "s").\n"
          + Gradebook.summary(merged.students, seconds: merged.seconds)
          + "Seed \(merged.seed). Reports and grades.csv are in \(output)/\n",
        standardError: "")
    } catch {
      return failure(error.localizedDescription)
    }
  }
}
