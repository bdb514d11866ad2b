import Foundation

/// Why the process layer could not prepare what a process needs.
///
/// Its folder, its files or its sandbox's root could not be made. Build and Run say which of
/// their steps it stopped (`BuildError.preparing`, `RunError.preparing`).
public enum ProcessError: Error, Equatable, LocalizedError {
  /// A folder or file of the workspace could not be made or written.
  case workspace(String)

  /// A one-line message for the person who must act on it.
  public var errorDescription: String? {
    switch self {
    case .workspace(let detail): detail
    }
  }
}
