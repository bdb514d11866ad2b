/// How the grading of one submission went as a whole: the `status` of `grades.csv`, the JSON
/// report and the class summary.
///
/// The raw values are the words shown; they are a stable interface for teachers' scripts.
public enum GradingStatus: String, Sendable, Codable, CaseIterable {
  /// Every check of every task passed.
  case ok
  /// Some checks failed, and no task did worse.
  case failingChecks = "failing-checks"
  /// A task was not graded because it needs one of the submission's broken tasks.
  case notGraded = "not-graded"
  /// A task's function is missing or has another signature.
  case missing
  /// A call ran out of time where it should have ended at once.
  case hang
  /// A call crashed.
  case crash
  /// A task's function, or the whole submission, does not compile.
  case compileError = "compile-error"
  /// The harness's channel carried records it did not write: the results are void.
  case tampered
  /// The code does what a dishonest submission would (`TamperingScan`, `CompiledSymbols`): a
  /// teacher should read it.
  case needsReview = "needs-review"
  /// The student's folder holds no source file of the exercise's language (batch grading).
  case noSubmission = "no-submission"
  /// The checker could not grade the submission (batch grading); the reason is beside it.
  case error

  /// The status of a grading whose tasks had `outcomes`: the worst of them, `ok` when there
  /// are none.
  public init(worstOf outcomes: [TaskOutcome]) {
    let worst = TaskOutcome.allCases.first { outcomes.contains($0) } ?? .ok
    self.init(worst)
  }

  /// The status a grading has when `outcome` is its worst task's.
  public init(_ outcome: TaskOutcome) {
    switch outcome {
    case .compileError: self = .compileError
    case .crash: self = .crash
    case .hang: self = .hang
    case .missing: self = .missing
    case .failingChecks: self = .failingChecks
    case .notGraded: self = .notGraded
    case .ok: self = .ok
    }
  }
}
