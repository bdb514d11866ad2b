import Foundation

/// `checker merge-grades SHARD_DIR... --out DIR`: one gradebook from the parts of a class
/// graded apart (`grade-all --shard K/N`, on several machines or CI jobs).
enum MergeGradesCommand: Subcommand {
  static let name: String? = "merge-grades"

  /// The help text.
  static let help = """
    USAGE: checker merge-grades [--out DIR] SHARD_DIR...

    Merges the --out folders of `checker grade-all --shard K/N --seed S` runs into one: every
    student's reports, grades.csv and the summary, as one run of the whole class with that
    seed would have written them. The shards must share the seed; no student may be in two.

    OPTIONS:
      --out DIR             Where the merged gradebook, reports and index.html go
                            (default: ./grades).
      -h, --help            Show this help.

    EXIT STATUS:
      0  the shards were merged
      2  they could not be: different seeds, a student in two shards, a folder that is not a
         shard, an unwritable output
    """

  /// What `merge-grades` reads from its arguments.
  struct Options: Equatable {
    /// Where the merged gradebook goes.
    var outputFolder = "grades"
    /// The shards' `--out` folders.
    var shards: [String] = []
  }

  static func parse(_ arguments: [String]) throws(UsageError) -> Options {
    var options = Options()
    var reader = ArgumentReader(arguments, command: commandLine)
    while let name = reader.nextOption() {
      guard name == "--out" else { throw reader.unknown(name) }
      options.outputFolder = try reader.value(of: name)
    }
    options.shards = reader.positionals
    guard !options.shards.isEmpty else {
      throw .missingArgument("the shards' folders", command: commandLine)
    }
    return options
  }

  static func run(_ options: Options, context: CommandContext) -> CommandOutput {
    let shards = options.shards
    do {
      let merged = try GradeMerger(shards: shards, output: options.outputFolder).merge()
      return CommandOutput(
        status: .success,
        standardOutput: "Merged \(shards.count) shard\(shards.count == 1 ? "" : "s").\n"
          + Gradebook.summary(merged.students, seconds: merged.seconds)
          + "Seed \(merged.seed). Reports, grades.csv and index.html are in "
          + "\(options.outputFolder)/\n")
    } catch {
      return .failure(error.localizedDescription)
    }
  }
}
