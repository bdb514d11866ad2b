/// What happened to one task, in a word a gradebook can sort on.
///
/// The raw values are the words `grades.csv` and the JSON report show; they are a stable
/// interface for teachers' scripts. Cases are declared worst first: a grading's status is the
/// first of them that any of its tasks had (`GradingStatus.init(worstOf:)`).
public enum TaskOutcome: String, Sendable, Codable, CaseIterable {
  /// The task's function does not compile.
  case compileError = "compile-error"
  /// A call crashed (a trap, a signal, an uncaught error).
  case crash
  /// A call ran out of time where even sleeping one call after another would have ended long
  /// before (n = 0, maxDelay 0, or n × maxDelay within a second).
  case hang
  /// The function is missing, or declared with another signature.
  case missing
  /// Some checks failed.
  case failingChecks = "failing-checks"
  /// Not graded: it needs a task of the submission's that is broken.
  case notGraded = "not-graded"
  /// Every check passed.
  case ok
}
