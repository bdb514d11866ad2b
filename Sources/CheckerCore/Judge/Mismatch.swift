/// What a failed check expected and what it got, as check50's `Mismatch`.
///
/// The text report shows `message`, the one sentence built from the fields here; the JSON
/// report carries the fields, JUnit puts them in its failure, Gradescope in `extra_data`, so
/// that a script or a dashboard can show them without parsing prose.
public struct Mismatch: Sendable, Codable, Equatable {
  /// What was judged: a call as the student would write it, or a file.
  public var subject: String
  /// What the exercise asks for.
  public var expected: String
  /// What the student's code gave.
  public var actual: String
  /// What the mistake probably is, when the check can tell: "that is the total".
  public var hint: String?
  /// The verb between the subject and what it gave: "returned", "starts with".
  var verb = "returned"

  private enum CodingKeys: String, CodingKey {
    case subject, expected, actual, hint
  }

  /// A mismatch.
  ///
  /// - Parameters:
  ///   - subject: What was judged.
  ///   - verb: The verb between the subject and what it gave (default "returned").
  ///   - actual: What the student's code gave.
  ///   - expected: What the exercise asks for.
  ///   - hint: What the mistake probably is.
  public init(
    _ subject: String, _ verb: String = "returned", actual: String, expected: String,
    hint: String? = nil
  ) {
    self.subject = subject
    self.verb = verb
    self.actual = actual
    self.expected = expected
    self.hint = hint
  }

  /// The sentence a report shows: "`waitN(n: 5, maxDelay: 2)` returned 3 delays; expected 5".
  public var message: String {
    "\(subject) \(verb) \(actual)" + (hint.map { ": \($0)" } ?? "") + "; expected \(expected)"
  }
}
