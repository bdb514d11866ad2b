import Foundation

/// How checks turn into points.
///
/// One point per check, or a teacher's points per task spread evenly over the task's checks.
/// Every report format scores with it, so they agree.
public struct Scoring: Sendable, Equatable, Codable {
  /// Points per task number; empty for one point per check.
  public var taskPoints: [Int: Double]

  /// One point per check.
  public static let perCheck = Scoring(taskPoints: [:])

  /// Creates a scoring.
  ///
  /// - Parameter taskPoints: Points per task number; empty for one point per check.
  public init(taskPoints: [Int: Double]) {
    self.taskPoints = taskPoints
  }

  /// Reads a `--points` file.
  ///
  /// The file is a JSON object from task number to points, as in
  /// `{"0": 2, "1": 3, "2": 1, "3": 1, "4": 3}`. Tasks it leaves out are worth 0.
  ///
  /// - Parameter path: The file.
  /// - Returns: The scoring.
  /// - Throws: `ScoringError` naming the file and what is wrong with it.
  public static func load(path: String) throws(ScoringError) -> Scoring {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw .unreadable(path: path)
    }
    guard let object = try? JSONDecoder().decode([String: Double].self, from: data) else {
      throw .malformed(
        path: path, reason: "expected a JSON object of numbers such as {\"0\": 2, \"1\": 3}")
    }
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
    for task in Exercise.tasks where points[task.id] == nil { points[task.id] = 0 }
    return Scoring(taskPoints: points)
  }

  /// Whether this is one point per check.
  public var isPerCheck: Bool { taskPoints.isEmpty }

  /// What a task is worth.
  ///
  /// - Parameter task: A task's report.
  /// - Returns: Its points.
  public func maxScore(of task: TaskReport) -> Double {
    taskPoints[task.id] ?? Double(task.checks.count)
  }

  /// What one check of a task is worth.
  ///
  /// - Parameter task: A task's report.
  /// - Returns: The task's points over its checks.
  public func weight(ofChecksIn task: TaskReport) -> Double {
    task.checks.isEmpty ? 0 : maxScore(of: task) / Double(task.checks.count)
  }

  /// What a task earned: its passed checks times their weight.
  ///
  /// - Parameter task: A task's report.
  /// - Returns: Its score.
  public func score(of task: TaskReport) -> Double {
    weight(ofChecksIn: task) * Double(task.score)
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
