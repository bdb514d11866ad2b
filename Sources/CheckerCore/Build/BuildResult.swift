/// What building a submission produced.
public struct BuildResult: Sendable {
  /// Each task's function, as the build found it.
  public var availability: [Int: TaskAvailability]
  /// The harness program built with the submission, or `nil` when nothing could be built.
  public var executable: String?
  /// Whether `waitRandom` and `taskWaitRandom` calls are recorded (see `Instrumenter`).
  public var isInstrumented: Bool
  /// Whether `waitRandom()` can be called without arguments.
  public var hasDefaultMaxDelay: Bool
  /// Compiler errors outside any task's function, which stop the whole submission from building.
  public var submissionErrors: [Diagnostic]
  /// Seconds spent type-checking and compiling.
  public var seconds: Double
}
