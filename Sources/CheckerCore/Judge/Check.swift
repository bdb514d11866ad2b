/// One property test: a name, a question, and how to answer it from a task's evidence.
///
/// The checks are values, listed per task in `CheckCatalog`: adding a check means adding one
/// value there.
public struct Check: Sendable {
  /// A stable identifier, unique within the task (`ascending`); JSON reports carry it.
  public let name: String
  /// The question, as a sentence the report prints (`returns the delays in ascending order`),
  /// built in the submission's language.
  public let title: CheckTitle
  /// Whether this check reports the task's calls that ran out of time (the timing checks), so
  /// that the task's other checks can judge the calls that returned.
  public let reportsTimeouts: Bool
  /// Whether the check reads only the sources, so that it runs even when the task's function
  /// cannot be called (a missing shebang is worth telling about a file that does not import).
  public let readsSourceOnly: Bool
  /// Answers the question.
  public let evaluate: @Sendable (CheckContext) -> Verdict

  /// Creates a check.
  ///
  /// - Parameters:
  ///   - name: A stable identifier.
  ///   - title: The question, as a sentence.
  ///   - reportsTimeouts: Whether it reports the calls that ran out of time.
  ///   - readsSourceOnly: Whether it reads only the sources.
  ///   - evaluate: How to answer it.
  public init(
    name: String, title: CheckTitle, reportsTimeouts: Bool = false, readsSourceOnly: Bool = false,
    evaluate: @escaping @Sendable (CheckContext) -> Verdict
  ) {
    self.name = name
    self.title = title
    self.reportsTimeouts = reportsTimeouts
    self.readsSourceOnly = readsSourceOnly
    self.evaluate = evaluate
  }
}
