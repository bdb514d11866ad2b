/// One task's checks in a report.
public struct TaskReport: Sendable, Codable, Equatable {
  /// The task number, as in the exercise statement.
  public var id: Int
  /// The task's title: `0. The basics of async`.
  public var title: String
  /// The function the task asks for, as declared in the exercise.
  public var function: String
  /// The checks, in order; the first is always the signature.
  public var checks: [CheckReport]
  /// The start of what the student's code printed while this task ran.
  public var printed: String?
  /// What is true of the student's whole program but does not count for this task, such as a
  /// prerequisite of theirs that fails (the task was judged with the checker's own).
  public var notes: [String] = []
  /// What happened to the task, in a word a gradebook can sort on; `nil` in reports saved
  /// before outcomes existed.
  public var outcome: TaskOutcome?

  /// Checks passed.
  public var score: Int { checks.filter { $0.status == .passed }.count }
  /// Whether every check passed.
  public var passed: Bool { checks.allSatisfy { $0.status == .passed } }

  /// Creates a task report.
  ///
  /// - Parameters:
  ///   - id: The task number.
  ///   - title: The task's title.
  ///   - function: The function's declaration.
  ///   - checks: The checks.
  ///   - printed: What the student's code printed, if anything.
  public init(id: Int, title: String, function: String, checks: [CheckReport], printed: String?) {
    self.id = id
    self.title = title
    self.function = function
    self.checks = checks
    self.printed = printed
  }

  private enum CodingKeys: String, CodingKey {
    case id, title, function, checks, printed, passed, score, notes, outcome
  }

  /// Decodes a task report; `passed` and `score` are recomputed.
  ///
  /// - Parameter decoder: The decoder.
  /// - Throws: `DecodingError` when the JSON does not match.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    id = try container.decode(Int.self, forKey: .id)
    title = try container.decode(String.self, forKey: .title)
    function = try container.decode(String.self, forKey: .function)
    checks = try container.decode([CheckReport].self, forKey: .checks)
    printed = try container.decodeIfPresent(String.self, forKey: .printed)
    notes = try container.decodeIfPresent([String].self, forKey: .notes) ?? []
    outcome = try container.decodeIfPresent(TaskOutcome.self, forKey: .outcome)
  }

  /// Encodes the task report, with `passed` and `score`.
  ///
  /// - Parameter encoder: The encoder.
  /// - Throws: `EncodingError` when a value cannot be encoded.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(id, forKey: .id)
    try container.encode(title, forKey: .title)
    try container.encode(function, forKey: .function)
    try container.encode(passed, forKey: .passed)
    try container.encode(score, forKey: .score)
    try container.encode(checks, forKey: .checks)
    try container.encodeIfPresent(printed, forKey: .printed)
    if !notes.isEmpty { try container.encode(notes, forKey: .notes) }
    try container.encodeIfPresent(outcome, forKey: .outcome)
  }
}
