/// One task of the exercise: the function it asks for and what it builds on.
public struct ExerciseTask: Sendable, Hashable, Identifiable {
  /// The task's number, from 0, as in the exercise statement.
  public let id: Int
  /// The title the report shows, such as `1. Let's execute multiple coroutines at the same time`.
  public let title: String
  /// The function the task asks for.
  public let signature: FunctionSignature
  /// The same function in the Python original.
  public let python: PythonFunction
  /// What the task's function does: it decides the task's calls, checks and records.
  public let behaviour: TaskBehaviour
  /// The task whose function this one must call, as check50's `@check(dependency)`: its
  /// built-on check counts those calls, and when the submission's version cannot be called,
  /// this task is judged with the checker's own.
  public let builtOn: Int?

  /// Whether the function has a default argument (`waitRandom(maxDelay: Int = 10)`), as its
  /// behaviour says: its `maxDelay` defaults to `Exercise.defaultMaxDelay`.
  public var hasDefaultArgument: Bool { behaviour.hasDefaultArgument }

  /// Whether another task builds on this one: the harness then records each call of its
  /// function (`HarnessProtocol`'s `W`, `T` and `N` records).
  public var isBuiltOn: Bool { Exercise.tasks.contains { $0.builtOn == id } }

  /// The tasks whose functions this one calls: `builtOn`, as a list.
  public var prerequisites: [Int] { builtOn.map { [$0] } ?? [] }

  /// The task this one builds on, from the exercise.
  public var builtOnTask: ExerciseTask? { builtOn.flatMap(Exercise.task) }

  /// The name of the check that counts this task's calls of the function it builds on:
  /// `uses-wait-random` for `waitRandom`.
  public var builtOnCheckName: String? {
    builtOnTask.map { task in
      "uses-"
        + task.signature.name.map { $0.isUppercase ? "-" + $0.lowercased() : String($0) }
        .joined()
    }
  }

  /// A call of the function as source in `language`: `waitN(n: 3, maxDelay: 1)` or
  /// `wait_n(3, 1)`; a missing argument is left out, as a default.
  ///
  /// - Parameters:
  ///   - arguments: The value of each parameter, by its Swift label.
  ///   - language: The submission's language.
  /// - Returns: The call.
  public func call(_ arguments: [String: Int], in language: Language) -> String {
    let given = signature.labels.compactMap { label in arguments[label].map { (label, $0) } }
    let list =
      language == .swift
      ? given.map { "\($0.0): \($0.1)" } : given.map { "\($0.1)" }
    return functionName(in: language) + "(" + list.joined(separator: ", ") + ")"
  }

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
