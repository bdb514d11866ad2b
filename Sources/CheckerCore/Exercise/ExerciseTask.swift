/// One task of the exercise: the function it asks for and what it builds on.
public struct ExerciseTask: Sendable, Hashable, Identifiable {
  /// The task's number, 0 to 4, as in the exercise statement.
  public let id: Int
  /// The title the report shows, such as `1. Let's execute multiple coroutines at the same time`.
  public let title: String
  /// The function the task asks for.
  public let signature: FunctionSignature
  /// The tasks whose functions this one calls: when one of them cannot be called, this task's
  /// behaviour checks are skipped rather than failed.
  public let prerequisites: [Int]
}
