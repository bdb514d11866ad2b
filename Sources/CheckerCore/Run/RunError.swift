import Foundation

/// Why the checker could not run a built harness at all (as opposed to a student's crash or
/// hang, which is evidence, not an error).
public enum RunError: Error, Equatable, LocalizedError {
  /// A task's folder, or its sandbox's root, could not be made.
  case cannotPrepare(String)

  /// The value of `step`, a step of the process layer (a folder, a file, a sandbox), its
  /// failure a `cannotPrepare` error.
  ///
  /// - Parameter step: The step, as `try RunError.preparing(workspace.makeFolder("x"))`.
  /// - Returns: What the step returns.
  /// - Throws: `RunError.cannotPrepare` when the step fails.
  @discardableResult
  static func preparing<Value>(_ step: @autoclosure () throws(ProcessError) -> Value)
    throws(RunError) -> Value
  {
    do {
      return try step()
    } catch {
      throw .cannotPrepare(error.errorDescription ?? "\(error)")
    }
  }

  /// A one-line message for the person who must act on it.
  public var errorDescription: String? {
    switch self {
    case .cannotPrepare(let detail): "cannot run the harness: \(detail)"
    }
  }
}
