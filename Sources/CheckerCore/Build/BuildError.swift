import Foundation

/// Why the checker could not build a submission at all (as opposed to a student's compile error,
/// which is a verdict, not an error).
public enum BuildError: Error, Equatable, LocalizedError {
  /// No `swiftc` was found.
  case noToolchain
  /// No `python3` was found, for a Python submission.
  case noPython
  /// The temporary build folder could not be made or written.
  case workspace(String)
  /// The compiler could not be run, or gave up in a way that says nothing about the submission.
  case compilerFailed(String)
  /// Another tool the build needs (`python3`) could not be run.
  case toolFailed(tool: String, reason: String)

  /// The value of `step`, a step of the process layer (a folder, a file, a sandbox), its
  /// failure a `workspace` error: the build could not prepare its folder.
  ///
  /// - Parameter step: The step, as `try BuildError.preparing(workspace.makeFolder("x"))`.
  /// - Returns: What the step returns.
  /// - Throws: `BuildError.workspace` when the step fails.
  @discardableResult
  static func preparing<Value>(_ step: @autoclosure () throws(ProcessError) -> Value)
    throws(BuildError) -> Value
  {
    do {
      return try step()
    } catch {
      throw .workspace(error.errorDescription ?? "\(error)")
    }
  }

  /// A one-line message for the person who must act on it.
  public var errorDescription: String? {
    switch self {
    case .noToolchain:
      "no Swift toolchain: swiftc is not on PATH (install Swift 6 or set SWIFTC=/path/to/swiftc)"
    case .noPython:
      "no Python: python3 is not on PATH (install Python 3.8 or later)"
    case .workspace(let detail):
      "cannot prepare the build folder: \(detail)"
    case .compilerFailed(let detail):
      "the Swift compiler failed: \(detail)"
    case .toolFailed(let tool, let reason):
      "\(tool) could not be run: \(reason)"
    }
  }
}
