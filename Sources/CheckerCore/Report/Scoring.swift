import Foundation

/// How checks turn into points: the grading policy, in one place.
///
/// One point per check, or a teacher's policy (`--points FILE`): points per task, and the share
/// of each task's points its requirement checks (comments, style, shebang…) are worth; 0 turns
/// them off. Within a group, a task's points are spread evenly over its checks. Every report
/// format scores with it, so they agree.
public struct Scoring: Sendable, Equatable, Codable {
  /// Points per task number; empty for as many points as the task has checks.
  public var taskPoints: [Int: Double]
  /// The share (0...1) of each task's points its requirement checks are worth; `nil` for every
  /// check alike.
  public var requirementsShare: Double?

  /// One point per check.
  public static let perCheck = Scoring(taskPoints: [:])

  /// Creates a scoring.
  ///
  /// - Parameters:
  ///   - taskPoints: Points per task number; empty for as many points as the task has checks.
  ///   - requirementsShare: The share of each task's points its requirement checks are worth,
  ///     or `nil` for every check alike.
  public init(taskPoints: [Int: Double], requirementsShare: Double? = nil) {
    self.taskPoints = taskPoints
    self.requirementsShare = requirementsShare
  }

  /// Reads a `--points` file.
  ///
  /// Either points per task, as in `{"0": 2, "1": 3, "2": 1, "3": 1, "4": 3}` (tasks it leaves
  /// out are worth 0), or a policy: `{"tasks": {"0": 2, …}, "requirements": 0.2}`, where
  /// `requirements` is the share of each task's points its requirement checks are worth (0:
  /// they count for nothing) and `tasks` may be left out (each task is then worth its number of
  /// checks).
  ///
  /// - Parameter path: The file.
  /// - Returns: The scoring.
  /// - Throws: `ScoringError` naming the file and what is wrong with it.
  public static func load(path: String) throws(ScoringError) -> Scoring {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw .unreadable(path: path)
    }
    let keys = (try? JSONSerialization.jsonObject(with: data) as? [String: Any]).map {
      Set($0.keys)
    }
    let policyKeys: Set<String> = ["tasks", "requirements"]
    let example =
      "expected a JSON object of points per task such as {\"0\": 2, \"1\": 3}, or a policy "
      + "such as {\"tasks\": {\"0\": 2, \"1\": 3}, \"requirements\": 0.2}"
    guard let keys, !keys.isDisjoint(with: policyKeys) else {
      guard let points = try? JSONDecoder().decode([String: Double].self, from: data) else {
        throw .malformed(path: path, reason: example)
      }
      return Scoring(taskPoints: try taskPoints(points, path: path))
    }
    if let other = keys.subtracting(policyKeys).sorted().first {
      throw .malformed(
        path: path, reason: "\"\(other)\": a policy has only \"tasks\" and \"requirements\"")
    }
    guard let policy = try? JSONDecoder().decode(Policy.self, from: data) else {
      throw .malformed(path: path, reason: example)
    }
    if let share = policy.requirements, !(0...1).contains(share) {
      throw .malformed(
        path: path, reason: "requirements: the share must be a number from 0 to 1, not \(share)")
    }
    var points: [Int: Double] = [:]
    if let tasks = policy.tasks { points = try taskPoints(tasks, path: path) }
    return Scoring(taskPoints: points, requirementsShare: policy.requirements)
  }

  /// A policy file's shape.
  private struct Policy: Decodable {
    var tasks: [String: Double]?
    var requirements: Double?
  }

  private static func taskPoints(_ object: [String: Double], path: String)
    throws(ScoringError) -> [Int: Double]
  {
    var points: [Int: Double] = [:]
    for (key, value) in object {
      guard let id = Int(key), Exercise.task(id) != nil else {
        let ids = Exercise.tasks.map(\.id)
        throw .malformed(
          path: path,
          reason: "\"\(key)\" is not a task number (\(ids.first ?? 0) to \(ids.last ?? 0))")
      }
      guard value >= 0, value.isFinite else {
        throw .malformed(path: path, reason: "task \(key): points must be a number ≥ 0")
      }
      points[id] = value
    }
    // Tasks left out are worth nothing.
    for task in Exercise.tasks where points[task.id] == nil { points[task.id] = 0 }
    return points
  }

  /// Whether this is one point per check.
  public var isPerCheck: Bool { taskPoints.isEmpty && requirementsShare == nil }

  /// What a task is worth.
  ///
  /// - Parameter task: A task's report.
  /// - Returns: Its points.
  public func maxScore(of task: TaskReport) -> Double {
    taskPoints[task.id] ?? Double(task.checks.count)
  }

  /// Whether `check` is one of the requirements a policy weighs apart.
  public static func isRequirement(_ check: CheckReport) -> Bool {
    CheckCatalog.requirementNames.contains(check.name)
  }

  /// What one check of a task is worth.
  ///
  /// - Parameters:
  ///   - check: One of the task's checks.
  ///   - task: The task's report.
  /// - Returns: Its share of the task's points: the task's points over its checks, or, with a
  ///   requirements share, its group's share over the group's checks (a group a task does not
  ///   have gives its share to the other).
  public func weight(of check: CheckReport, in task: TaskReport) -> Double {
    guard !task.checks.isEmpty else { return 0 }
    let total = maxScore(of: task)
    guard let share = requirementsShare else { return total / Double(task.checks.count) }
    let requirements = task.checks.filter(Self.isRequirement).count
    let behaviour = task.checks.count - requirements
    if Self.isRequirement(check) {
      return total * (behaviour == 0 ? 1 : share) / Double(requirements)
    }
    return total * (requirements == 0 ? 1 : 1 - share) / Double(behaviour)
  }

  /// What a task earned: the weights of its passed checks.
  ///
  /// - Parameter task: A task's report.
  /// - Returns: Its score.
  public func score(of task: TaskReport) -> Double {
    task.checks.filter { $0.status == .passed }.reduce(0) { $0 + weight(of: $1, in: task) }
  }

  /// Amounts rounded to cents that add up exactly to their total rounded to cents (the largest
  /// remainder method): each amount gets its cents rounded down, and the cents left go one
  /// each to the amounts that lost the most.
  ///
  /// - Parameter amounts: Amounts ≥ 0.
  /// - Returns: The rounded amounts, in the same order.
  public static func roundedToCents(_ amounts: [Double]) -> [Double] {
    let exact = amounts.map { max(0, $0) * 100 }
    var cents = exact.map { ($0 + 1e-9).rounded(.down) }
    let total = Int((exact.reduce(0, +)).rounded())
    var left = total - Int(cents.reduce(0, +))
    let order = exact.indices.sorted { (exact[$0] - cents[$0]) > (exact[$1] - cents[$1]) }
    for index in order where left > 0 {
      cents[index] += 1
      left -= 1
    }
    return cents.map { $0 / 100 }
  }
}

/// A `--points` file the checker cannot use.
public enum ScoringError: Error, Equatable, LocalizedError {
  /// The file cannot be read.
  case unreadable(path: String)
  /// The file does not say points per task.
  case malformed(path: String, reason: String)

  /// A one-line message naming the file.
  public var errorDescription: String? {
    switch self {
    case .unreadable(let path): "cannot read the points file \(path)"
    case .malformed(let path, let reason): "the points file \(path) does not parse: \(reason)"
    }
  }
}
