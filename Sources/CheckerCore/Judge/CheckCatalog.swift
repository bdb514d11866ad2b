/// The checks of every task, in report order.
///
/// The signature check, which every task has, comes
/// from the build and is added by the `Judge`.
public enum CheckCatalog {
  /// The behaviour and source checks of a task, chosen by what the exercise says it does
  /// (`TaskBehaviour.checks`).
  ///
  /// - Parameters:
  ///   - taskID: A task number.
  ///   - language: The submission's language: Python submissions also get the project's
  ///     requirement checks (shebang, docstrings, …).
  /// - Returns: Its checks, in order; none for a number that is no task.
  public static func checks(forTask taskID: Int, language: Language = .swift) -> [Check] {
    guard let task = Exercise.task(taskID) else { return [] }
    return task.behaviour.checks + (builtOnCheck(for: task).map { [$0] } ?? [])
      + requirements(language: language)
  }

  /// The check that `task`'s function calls the function it builds on, as check50's
  /// `@check(dependency)`: named `ExerciseTask.builtOnCheckName`, judged as the task's
  /// behaviour calls it; `nil` for a task that builds on none.
  ///
  /// - Parameter task: A task of the exercise.
  /// - Returns: The check, last of the task's behaviour checks.
  public static func builtOnCheck(for task: ExerciseTask) -> Check? {
    guard let builtOn = task.builtOnTask, let name = task.builtOnCheckName else { return nil }
    return task.behaviour.builtOnCheck?(builtOn, name)
  }

  /// The project's requirement checks of a language (shebang, docstrings, lint, …): they judge
  /// how the code is written, not what it does.
  ///
  /// - Parameter language: The submission's language.
  /// - Returns: The checks every task gets after its behaviour checks.
  public static func requirements(language: Language) -> [Check] {
    language == .python ? PythonRequirementChecks.all : SwiftRequirementChecks.all
  }

  /// The names of the requirement checks of every language: how the code is written, weighed
  /// apart by a grading policy and never a reason to run a task again.
  public static let requirementNames = Set(
    Language.allCases.flatMap { requirements(language: $0).map(\.name) })
}
