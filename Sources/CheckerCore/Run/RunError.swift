import Foundation

/// Why the checker could not run a built harness at all (as opposed to a student's crash or
/// hang, which is evidence, not an error).
public enum RunError: Error, Equatable, LocalizedError {
  /// A task's folder, or its sandbox's root, could not be made.
  case cannotPrepare(String)

  /// A one-line message for the person who must act on it.
  public var errorDescription: String? {
    switch self {
    case .cannotPrepare(let detail): "cannot run the harness: \(detail)"
    }
  }
}
