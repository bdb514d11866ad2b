import Foundation

/// A command line the checker cannot make sense of.
public enum UsageError: Error, Equatable, LocalizedError {
  /// An option it does not know.
  case unknownOption(String)
  /// An option that needs a value was last, or followed by another option.
  case missingValue(option: String)
  /// An option's value is not one it takes.
  case invalidValue(option: String, value: String, expected: String)
  /// More than one path.
  case tooManyPaths([String])
  /// `--reference` together with a path.
  case referenceWithPath(String)

  /// A one-line message.
  public var errorDescription: String? {
    switch self {
    case .unknownOption(let option):
      "unknown option \(option) (see checker --help)"
    case .missingValue(let option):
      "\(option) needs a value (see checker --help)"
    case .invalidValue(let option, let value, let expected):
      "\(option) \(value): expected \(expected)"
    case .tooManyPaths(let paths):
      "give one submission at a time, not \(paths.count): \(paths.joined(separator: " "))"
    case .referenceWithPath(let path):
      "--reference grades the bundled reference: leave out \(path), or leave out --reference"
    }
  }
}
