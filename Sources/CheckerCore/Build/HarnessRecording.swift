/// What a stand-in of the Swift harness records of its calls (`HarnessExerciseSource`).
///
/// Swift statements run around both the student's function and the checker's reference, and
/// around the reference only. A task's behaviour chooses them (`TaskBehaviour.recording`) when
/// another task builds on it, so that the checks of that task can count and time its calls.
///
/// The statements see the stand-in's parameters (by their labels); `before` and
/// `beforeReference` may declare names for `after` and `afterReference`, which also see the
/// call's `result`. They record through the harness's `AsyncCheckRecord`.
struct HarnessRecording: Sendable {
  /// Run before the function, whichever is called.
  var before: [String] = []
  /// Run after the function, whichever was called.
  var after: [String] = []
  /// Run before the checker's reference only.
  var beforeReference: [String] = []
  /// Run after the checker's reference only.
  var afterReference: [String] = []
}
