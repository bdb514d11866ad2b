/// One student's outcome in a batch.
public struct StudentResult: Sendable, Codable, Equatable {
  /// The student's folder name.
  public var student: String
  /// How the grading went: the report's status, or `no-submission` or `error` when there is
  /// no report.
  public var status: GradingStatus
  /// The report, when the submission could be graded.
  public var report: GradeReport?
  /// Why it could not be graded, when it could not.
  public var error: String?
  /// Whether the previous grading was reused because the sources had not changed.
  public var wasReused = false

  enum CodingKeys: String, CodingKey {
    case student, status, report, error
  }
}
