/// One call the harness makes to a student's function.
public struct PlannedCall: Sendable, Hashable, Identifiable {
  /// Which checks a call serves, when a task makes calls for different purposes.
  public enum Purpose: String, Sendable, Hashable {
    /// Calls with varied inputs, for the general properties.
    case sample
    /// Many concurrent calls with the same input, for statistics and blocking.
    case batch
    /// Calls with the default argument.
    case defaultArgument
    /// A `waitN`/`taskWaitN` call whose `waitRandom` calls (the checker's own) follow a
    /// `schedule`: run in a process of its own, it tells completion order from sorting and
    /// spawn order, and concurrent from sequential, with margins no timer jitter reaches.
    case probe
  }

  /// What the checker's `waitRandom` does on its k-th call while serving a probe call.
  public struct ScheduledSleep: Sendable, Hashable {
    /// How long it sleeps, in seconds.
    public let duration: Double
    /// What it returns: deliberately not the duration, so that the order of the values differs
    /// from the order in which the sleeps end.
    public let value: Double

    /// Creates a scheduled sleep.
    ///
    /// - Parameters:
    ///   - duration: How long it sleeps.
    ///   - value: What it returns.
    public init(duration: Double, value: Double) {
      self.duration = duration
      self.value = value
    }
  }

  /// A number, unique in the plan.
  public let id: Int
  /// The task the call belongs to: the one whose function it calls.
  public let taskID: Int
  /// Whether the call leaves its argument to the function's default (`waitRandom()`): never
  /// awaited to the end, as the default delay outlasts a grading.
  public let usesDefault: Bool
  /// The `n` argument (0 for functions without one).
  public let n: Int
  /// The `maxDelay` argument (the default, 10, for a call that `usesDefault`).
  public let maxDelay: Int
  /// Which checks use it.
  public let purpose: Purpose
  /// For a probe call: what the checker's `waitRandom` does on each of its calls, in the order
  /// they are made; empty otherwise.
  public let schedule: [ScheduledSleep]

  /// Creates a call.
  ///
  /// - Parameters:
  ///   - id: A number, unique in the plan.
  ///   - taskID: The task it belongs to.
  ///   - usesDefault: Whether it leaves its argument to the function's default.
  ///   - n: The `n` argument.
  ///   - maxDelay: The `maxDelay` argument.
  ///   - purpose: Which checks use it.
  ///   - schedule: For a probe call, what the checker's `waitRandom` does on each call.
  public init(
    id: Int, taskID: Int, usesDefault: Bool = false, n: Int, maxDelay: Int, purpose: Purpose,
    schedule: [ScheduledSleep] = []
  ) {
    self.id = id
    self.taskID = taskID
    self.usesDefault = usesDefault
    self.n = n
    self.maxDelay = maxDelay
    self.purpose = purpose
    self.schedule = schedule
  }

  /// The call as Swift source, as reports show it: `waitN(n: 12, maxDelay: 1)`.
  public var description: String {
    description(in: .swift)
  }

  /// The call as source in `language`: `waitN(n: 12, maxDelay: 1)` or `wait_n(12, 1)`.
  ///
  /// - Parameter language: The submission's language.
  /// - Returns: The call.
  public func description(in language: Language) -> String {
    guard let task = Exercise.task(taskID) else { return "?" }
    // A default-argument call leaves its one argument out; every other call passes the task's
    // parameters, named as the exercise names them.
    return task.call(usesDefault ? [:] : ["n": n, "maxDelay": maxDelay], in: language)
  }

  /// The longest the call may sleep, in seconds, if the function is right.
  public var longestSleep: Double {
    if usesDefault { return 0 }
    return max(Double(maxDelay), schedule.map(\.duration).max() ?? 0)
  }

  /// The arguments the call passes, in the order of the function's parameters: none for a
  /// call that `usesDefault`.
  public var arguments: [Int] {
    guard !usesDefault, let task = Exercise.task(taskID) else { return [] }
    return task.signature.labels.map { $0 == "n" ? n : maxDelay }
  }

  /// The call as the harness's command line takes it: `id:task:arguments`, the arguments
  /// comma-separated, then for a probe `:duration/value,duration/value,…`.
  var harnessArgument: String {
    let base = "\(id):\(taskID):" + arguments.map(String.init).joined(separator: ",")
    guard !schedule.isEmpty else { return base }
    return base + ":" + schedule.map { "\($0.duration)/\($0.value)" }.joined(separator: ",")
  }
}
