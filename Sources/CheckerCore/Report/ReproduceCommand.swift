import Foundation

/// The command that grades a submission again with the same inputs, as the person who ran the
/// checker can run it: the one place every report format takes it from.
public enum ReproduceCommand {
  /// How the checker was started: `swift run checker` when it runs from a package's build
  /// folder (students run it so, from the asynccheck checkout), else `checker` (installed).
  public static let program: String = {
    let own = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path
    return own.contains("/.build/") ? "swift run checker" : "checker"
  }()

  /// The command with the seed and the given arguments (quoted when they hold a space).
  ///
  /// - Parameters:
  ///   - seed: The run's seed.
  ///   - arguments: Options and the submission's path, after the seed.
  /// - Returns: A command line.
  public static func text(seed: UInt64, arguments: [String] = []) -> String {
    ([program, "--seed", "\(seed)"] + arguments.map(quoted)).joined(separator: " ")
  }

  /// `argument`, in single quotes when a shell would split it.
  static func quoted(_ argument: String) -> String {
    argument.contains(where: { " \t'\"$`\\\\".contains($0) })
      ? "'" + argument.replacingOccurrences(of: "'", with: "'\\\\''") + "'" : argument
  }
}
