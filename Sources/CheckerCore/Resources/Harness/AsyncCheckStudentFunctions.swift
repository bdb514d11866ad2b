// The student's functions, as the harness receives them. The harness is a module of its own,
// `AsyncCheckSupport`, compiled once by the checker; a submission is compiled as another module
// with a small entry file the checker writes (`HarnessEntry`), which hands the student's
// functions over through the symbol `asynccheck_student_functions`. Student code therefore
// cannot shadow the harness's symbols, see its flags or reach its channel by name.

/// The student's functions that compile (`nil`: missing or broken), and whether they were
/// renamed so that the exercise's names lead to this module's stand-ins
/// (`AsyncCheckSubstitution.swift`).
public struct AsyncCheckStudentFunctions: Sendable {
  /// Whether the student's functions were renamed and the stand-ins took their names.
  public var substituted: Bool
  /// `waitRandom(maxDelay:)`.
  public var waitRandom: (@Sendable (Int) async -> Double)?
  /// `waitRandom()`, with the student's own default value.
  public var waitRandomDefault: (@Sendable () async -> Double)?
  /// `waitN(n:maxDelay:)`.
  public var waitN: (@Sendable (Int, Int) async -> [Double])?
  /// `measureTime(n:maxDelay:)`.
  public var measureTime: (@Sendable (Int, Int) async -> Double)?
  /// `taskWaitRandom(maxDelay:)`.
  public var taskWaitRandom: (@Sendable (Int) -> Task<Double, Never>)?
  /// `taskWaitN(n:maxDelay:)`.
  public var taskWaitN: (@Sendable (Int, Int) async -> [Double])?

  /// No functions yet.
  public init(substituted: Bool) {
    self.substituted = substituted
  }
}

/// Defined by the entry file compiled with the submission.
@_silgen_name("asynccheck_student_functions")
func asyncCheckStudentFunctions() -> AsyncCheckStudentFunctions
