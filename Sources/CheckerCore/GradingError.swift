import Foundation

/// Why grading could not happen at all: the checker's exit status 2.
public enum GradingError: Error, Equatable, LocalizedError {
  /// The submission could not be read.
  case submission(SubmissionError)
  /// The submission could not be built for a reason that is not the student's compile error.
  case build(BuildError)
  /// The built harness could not be run.
  case run(RunError)

  /// A one-line message for the person who must act on it.
  public var errorDescription: String? {
    switch self {
    case .submission(let error): error.errorDescription
    case .build(let error): error.errorDescription
    case .run(let error): error.errorDescription
    }
  }
}
