/// The checks of every task, in report order.
///
/// The signature check, which every task has, comes
/// from the build and is added by the `Judge`.
public enum CheckCatalog {
  /// The behaviour and source checks of a task.
  ///
  /// - Parameters:
  ///   - taskID: A task number.
  ///   - language: The submission's language: Python submissions also get the project's
  ///     requirement checks (shebang, docstrings, …).
  /// - Returns: Its checks, in order.
  public static func checks(forTask taskID: Int, language: Language = .swift) -> [Check] {
    let behaviour: [Check] =
      switch taskID {
      case 0: WaitRandomChecks.all
      case 1: ListChecks.all(builtOn: 0, language: language)
      case 2: MeasureTimeChecks.all
      case 3: TaskWaitRandomChecks.all
      case 4: ListChecks.all(builtOn: 3, language: language)
      default: []
      }
    return behaviour
      + (language == .python ? PythonRequirementChecks.all : SwiftRequirementChecks.all)
  }
}
