/// The checks of every task, in report order.
///
/// The signature check, which every task has, comes
/// from the build and is added by the `Judge`.
public enum CheckCatalog {
  /// The behaviour and source checks of a task.
  ///
  /// - Parameter taskID: A task number.
  /// - Returns: Its checks, in order.
  public static func checks(forTask taskID: Int) -> [Check] {
    switch taskID {
    case 0: WaitRandomChecks.all
    case 1: ListChecks.all(builtOn: "waitRandom")
    case 2: MeasureTimeChecks.all
    case 3: TaskWaitRandomChecks.all
    case 4: ListChecks.all(builtOn: "taskWaitRandom")
    default: []
    }
  }
}
