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

  /// Why the grading is what it is when its status is not a grade alone: the error of `error`
  /// and `no-submission`, the findings of `needs-review`, what `tampered` means; `nil` otherwise.
  public var reason: String? {
    if let error { return error }
    guard let report else { return nil }
    let findings = report.notes.filter { $0.hasPrefix(Self.reviewPrefix) }.map {
      String($0.dropFirst(Self.reviewPrefix.count))
    }
    switch report.status {
    case .needsReview:
      return findings.isEmpty ? nil : findings.joined(separator: "; ")
    case .tampered:
      return "its results carried records the harness did not write, or its code took over the "
        + "harness's report channel: they count for nothing"
        + (findings.isEmpty ? "" : " (" + findings.joined(separator: "; ") + ")")
    default:
      return nil
    }
  }

  /// How a report's note that asks a person to read the code begins.
  static let reviewPrefix = "needs review: "

  enum CodingKeys: String, CodingKey {
    case student, status, report, error
  }
}
