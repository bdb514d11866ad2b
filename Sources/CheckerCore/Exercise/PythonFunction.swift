/// A task's function in the Python original: its file and declaration.
public struct PythonFunction: Sendable, Hashable {
  /// The function's name, such as `wait_n`.
  public let name: String
  /// The file it lives in, such as `1-concurrent_coroutines.py`.
  public let file: String
  /// The declaration as the project states it.
  public let declaration: String
}
