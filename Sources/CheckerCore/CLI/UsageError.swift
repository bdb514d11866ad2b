import Foundation

/// A command line the checker cannot make sense of; each message names the argument and says
/// where help is.
public enum UsageError: Error, Equatable, LocalizedError {
  /// An option the command does not know.
  case unknownOption(String, command: String)
  /// An option that needs a value was last, or followed by another option.
  case missingValue(option: String, command: String)
  /// An option's value is not one it takes.
  case invalidValue(option: String, value: String, expected: String)
  /// A positional argument the command needs is missing: "a class folder".
  case missingArgument(String, command: String)
  /// More positional arguments than the command takes.
  case tooManyArguments([String], expected: String)
  /// `--reference` together with a path.
  case referenceWithPath(String)
  /// Arguments the command cannot use, together or at all (a points file that does not
  /// parse, `--shard` without `--seed`): the sentence says why.
  case conflict(String)

  /// A one-line message.
  public var errorDescription: String? {
    switch self {
    case .unknownOption(let option, let command):
      "unknown option \(option) (see \(command) --help)"
    case .missingValue(let option, let command):
      "\(option) needs a value (see \(command) --help)"
    case .invalidValue(let option, let value, let expected):
      "\(option) \(value): expected \(expected)"
    case .missingArgument(let what, let command):
      "\(command.replacingOccurrences(of: "checker ", with: "")) needs \(what) "
        + "(see \(command) --help)"
    case .tooManyArguments(let arguments, let expected):
      "give \(expected), not \(arguments.count): \(arguments.joined(separator: " "))"
    case .referenceWithPath(let path):
      "--reference grades the bundled reference: leave out \(path), or leave out --reference"
    case .conflict(let sentence):
      sentence
    }
  }
}
