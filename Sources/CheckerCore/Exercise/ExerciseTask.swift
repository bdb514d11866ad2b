/// One task of the exercise: the function it asks for and what it builds on.
public struct ExerciseTask: Sendable, Hashable, Identifiable {
  /// The task's number, 0 to 4, as in the exercise statement.
  public let id: Int
  /// The title the report shows, such as `1. Let's execute multiple coroutines at the same time`.
  public let title: String
  /// The function the task asks for.
  public let signature: FunctionSignature
  /// The same function in the Python original.
  public let python: PythonFunction
  /// The tasks whose functions this one calls: when one of them cannot be called, this task's
  /// behaviour checks are skipped rather than failed.
  public let prerequisites: [Int]

  /// The function's name in `language`: `waitN` or `wait_n`.
  ///
  /// - Parameter language: The submission's language.
  /// - Returns: The name.
  public func functionName(in language: Language) -> String {
    language == .swift ? signature.name : python.name
  }

  /// The function's declaration as the exercise states it in `language`.
  ///
  /// - Parameter language: The submission's language.
  /// - Returns: The declaration.
  public func declaration(in language: Language) -> String {
    language == .swift ? signature.declaration : python.declaration
  }
}
