/// One property test: a name, a question, and how to answer it from a task's evidence.
///
/// The checks are values, listed per task in `CheckCatalog`: adding a check means adding one
/// value there.
public struct Check: Sendable {
  /// A stable identifier, unique within the task (`ascending`); JSON reports carry it.
  public let name: String
  /// The question, as a sentence the report prints (`returns the delays in ascending order`).
  public let title: String
  /// Answers the question.
  public let evaluate: @Sendable (CheckContext) -> Verdict

  /// Creates a check.
  ///
  /// - Parameters:
  ///   - name: A stable identifier.
  ///   - title: The question, as a sentence.
  ///   - evaluate: How to answer it.
  public init(name: String, title: String, evaluate: @escaping @Sendable (CheckContext) -> Verdict)
  {
    self.name = name
    self.title = title
    self.evaluate = evaluate
  }
}
