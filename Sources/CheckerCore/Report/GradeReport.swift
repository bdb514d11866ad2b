/// The outcome of grading one submission: what every report format renders.
///
/// Its JSON form (`--format json`) is a stable interface for graders' scripts: the keys `seed`,
/// `tasks[].id`, `tasks[].title`, `tasks[].passed`, `tasks[].checks[].name`, `.status`,
/// `.message`, `score` and `max_score` keep their names and meanings.
public struct GradeReport: Sendable, Codable, Equatable {
  /// The submission's path as the user gave it.
  public var submission: String
  /// The seed the inputs were drawn from; `--seed` reproduces them.
  public var seed: UInt64
  /// The graded tasks, in order.
  public var tasks: [TaskReport]
  /// Remarks about the submission as a whole (files left out, the language mode).
  public var notes: [String]
  /// Seconds spent in all.
  public var seconds: Double
  /// Seconds spent type-checking and compiling.
  public var buildSeconds: Double = 0
  /// Seconds spent running the harness.
  public var runSeconds: Double = 0

  /// How checks turn into points.
  public var scoring: Scoring = .perCheck
  /// Points earned, over all tasks (checks passed, by default).
  public var score: Double { tasks.reduce(0) { $0 + scoring.score(of: $1) } }
  /// Points in all (checks, by default).
  public var maxScore: Double { tasks.reduce(0) { $0 + scoring.maxScore(of: $1) } }
  /// The score as a percentage with one decimal.
  public var percent: Double { maxScore > 0 ? Self.percent(score / maxScore) : 0 }

  /// A fraction as a percentage with one decimal (96.7); never 100 short of full marks.
  static func percent(_ fraction: Double) -> Double {
    let rounded = (fraction * 1000).rounded() / 10
    return fraction < 1 ? min(rounded, 99.9) : rounded
  }
  /// How the grading went as a whole: the worst of its tasks' outcomes, or `tampered` (records
  /// the harness did not write), or `needs-review` (see `TamperingScan`).
  public var status: GradingStatus = .ok
  /// Which protection held student code, as the report's note says it: `sandbox: namespaces`,
  /// `sandbox: landlock+seccomp (…)`, or `not sandboxed: <why>`; `nil` in a report read from
  /// a checker that did not say.
  public var sandbox: String?
  /// The percentage with every task weighing the same (or as `--points` weighs them): a Swift
  /// and a Python submission of a mixed class compare, whatever their numbers of checks.
  public var taskWeightedPercent: Double {
    guard !tasks.isEmpty else { return 0 }
    if !scoring.isPerCheck { return percent }
    let fractions = tasks.map { $0.checks.isEmpty ? 0 : Double($0.score) / Double($0.checks.count) }
    return Self.percent(fractions.reduce(0, +) / Double(tasks.count))
  }
  /// Whether every check passed.
  public var passed: Bool { tasks.allSatisfy(\.passed) }

  /// Creates a report.
  ///
  /// - Parameters:
  ///   - submission: The submission's path.
  ///   - seed: The seed of the inputs.
  ///   - tasks: The graded tasks.
  ///   - notes: Remarks about the whole submission.
  ///   - seconds: Time spent compiling and running.
  public init(
    submission: String, seed: UInt64, tasks: [TaskReport], notes: [String], seconds: Double
  ) {
    self.submission = submission
    self.seed = seed
    self.tasks = tasks
    self.notes = notes
    self.seconds = seconds
  }

  private enum CodingKeys: String, CodingKey {
    case submission, seed, tasks, notes, seconds, score, passed
    case maxScore = "max_score"
    case status, points, sandbox
    case requirementsShare = "requirements_share"
    case buildSeconds = "build_seconds"
    case runSeconds = "run_seconds"
  }

  /// Decodes a report; `score`, `max_score` and `passed` are recomputed from the checks.
  ///
  /// - Parameter decoder: The decoder.
  /// - Throws: `DecodingError` when the JSON does not match.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    submission = try container.decode(String.self, forKey: .submission)
    seed = try container.decode(UInt64.self, forKey: .seed)
    tasks = try container.decode([TaskReport].self, forKey: .tasks)
    notes = try container.decode([String].self, forKey: .notes)
    seconds = try container.decode(Double.self, forKey: .seconds)
    buildSeconds = try container.decodeIfPresent(Double.self, forKey: .buildSeconds) ?? 0
    runSeconds = try container.decodeIfPresent(Double.self, forKey: .runSeconds) ?? 0
    status = try container.decodeIfPresent(GradingStatus.self, forKey: .status) ?? .ok
    sandbox = try container.decodeIfPresent(String.self, forKey: .sandbox)
    let points = try container.decodeIfPresent([String: Double].self, forKey: .points) ?? [:]
    scoring = Scoring(
      taskPoints: Dictionary(
        uniqueKeysWithValues: points.compactMap { key, value in
          Int(key).map { ($0, value) }
        }),
      requirementsShare: try container.decodeIfPresent(Double.self, forKey: .requirementsShare))
  }

  /// Encodes the report, with its score.
  ///
  /// - Parameter encoder: The encoder.
  /// - Throws: `EncodingError` when a value cannot be encoded.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(submission, forKey: .submission)
    try container.encode(seed, forKey: .seed)
    try container.encode(tasks, forKey: .tasks)
    try container.encode(notes, forKey: .notes)
    try container.encode(seconds, forKey: .seconds)
    try container.encode(buildSeconds, forKey: .buildSeconds)
    try container.encode(runSeconds, forKey: .runSeconds)
    try container.encode(score, forKey: .score)
    try container.encode(maxScore, forKey: .maxScore)
    try container.encode(passed, forKey: .passed)
    try container.encode(status, forKey: .status)
    try container.encodeIfPresent(sandbox, forKey: .sandbox)
    if !scoring.isPerCheck {
      try container.encode(
        Dictionary(uniqueKeysWithValues: scoring.taskPoints.map { ("\($0.key)", $0.value) }),
        forKey: .points)
      try container.encodeIfPresent(scoring.requirementsShare, forKey: .requirementsShare)
    }
  }
}
