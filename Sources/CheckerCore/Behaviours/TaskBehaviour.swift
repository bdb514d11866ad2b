/// What a task's function does, end to end: the calls the plan makes of it, what the Swift
/// harness records of its calls when another task builds on it, and the checks that judge it.
///
/// The exercise names each task's behaviour (`ExerciseTask.behaviour`); the plan (`RunPlan`),
/// the generated harness (`HarnessExerciseSource`) and the checks (`CheckCatalog`) ask it,
/// so that a new kind of task is one file (`TaskBehaviour+<Name>.swift`) beside the
/// exercise's entry for it. Two behaviours are the same when their names are.
public struct TaskBehaviour: Sendable, Hashable, CustomStringConvertible {
  /// A name for messages and tests: `sleeps a random delay`.
  public let name: String
  /// Whether the function has a default argument (`waitRandom(maxDelay: Int = 10)`, whose
  /// `maxDelay` defaults to `Exercise.defaultMaxDelay`): the plan then calls it without one,
  /// and the harness passes the student's own default.
  public let hasDefaultArgument: Bool
  /// Adds the plan's calls of `task` to `drawing`, drawing their inputs from its generator.
  let drawCalls: @Sendable (_ task: ExerciseTask, _ drawing: inout RunPlan.Drawing) -> Void
  /// What the stand-in of a task with this behaviour records of its calls when another task
  /// builds on it (`usingDefault`: the stand-in called without arguments).
  let recording: @Sendable (_ usingDefault: Bool) -> HarnessRecording
  /// The behaviour checks, in report order, but the built-on one.
  let checks: [Check]
  /// The check that a task with this behaviour calls the function of `builtOn`, named `name`
  /// (`ExerciseTask.builtOnCheckName`); `nil` for a behaviour that builds on nothing.
  let builtOnCheck: (@Sendable (_ builtOn: ExerciseTask, _ name: String) -> Check)?

  /// Creates a behaviour.
  ///
  /// - Parameters:
  ///   - name: A name for messages and tests.
  ///   - hasDefaultArgument: Whether the function has a default argument.
  ///   - drawCalls: Adds the plan's calls of a task to a drawing.
  ///   - recording: What the stand-in records when another task builds on the task.
  ///   - checks: The behaviour checks but the built-on one.
  ///   - builtOnCheck: The built-on check, for a behaviour that builds on a function.
  init(
    name: String, hasDefaultArgument: Bool = false,
    drawCalls: @escaping @Sendable (ExerciseTask, inout RunPlan.Drawing) -> Void,
    recording: @escaping @Sendable (Bool) -> HarnessRecording = { _ in HarnessRecording() },
    checks: [Check], builtOnCheck: (@Sendable (ExerciseTask, String) -> Check)? = nil
  ) {
    self.name = name
    self.hasDefaultArgument = hasDefaultArgument
    self.drawCalls = drawCalls
    self.recording = recording
    self.checks = checks
    self.builtOnCheck = builtOnCheck
  }

  /// The behaviour's name.
  public var description: String { name }

  /// Whether two behaviours are the same: they have the same name.
  public static func == (lhs: TaskBehaviour, rhs: TaskBehaviour) -> Bool {
    lhs.name == rhs.name
  }

  /// Hashes the behaviour's name.
  public func hash(into hasher: inout Hasher) {
    hasher.combine(name)
  }
}
