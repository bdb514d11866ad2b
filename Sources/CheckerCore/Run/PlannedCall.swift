/// One call the harness makes to a student's function.
public struct PlannedCall: Sendable, Hashable, Identifiable {
  /// What is called.
  public enum Kind: String, Sendable, Hashable {
    /// `waitRandom(maxDelay:)`.
    case waitRandom = "r"
    /// `waitRandom()`, with its default argument; never awaited to the end.
    case waitRandomDefault = "d"
    /// `waitN(n:maxDelay:)`.
    case waitN = "w"
    /// `measureTime(n:maxDelay:)`.
    case measureTime = "m"
    /// `taskWaitRandom(maxDelay:)`, then the task's value.
    case taskWaitRandom = "t"
    /// `taskWaitN(n:maxDelay:)`.
    case taskWaitN = "k"

    /// The kind of the calls of `task`'s function, from what the exercise says it does: a
    /// list built on started tasks is `taskWaitN`, one built on sleeps `waitN`.
    ///
    /// - Parameter task: A task of the exercise.
    public init(for task: ExerciseTask) {
      switch task.behaviour {
      case .sleepsRandomDelay: self = .waitRandom
      case .collectsDelays:
        self = task.builtOnTask?.behaviour == .startsTask ? .taskWaitN : .waitN
      case .measuresTime: self = .measureTime
      case .startsTask: self = .taskWaitRandom
      }
    }
  }

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
  /// The task the call belongs to.
  public let taskID: Int
  /// What is called.
  public let kind: Kind
  /// The `n` argument (0 for functions without one).
  public let n: Int
  /// The `maxDelay` argument (the default, 10, for `.waitRandomDefault`).
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
  ///   - kind: What is called.
  ///   - n: The `n` argument.
  ///   - maxDelay: The `maxDelay` argument.
  ///   - purpose: Which checks use it.
  ///   - schedule: For a probe call, what the checker's `waitRandom` does on each call.
  public init(
    id: Int, taskID: Int, kind: Kind, n: Int, maxDelay: Int, purpose: Purpose,
    schedule: [ScheduledSleep] = []
  ) {
    self.id = id
    self.taskID = taskID
    self.kind = kind
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
    let arguments = kind == .waitRandomDefault ? [:] : ["n": n, "maxDelay": maxDelay]
    return task.call(arguments, in: language)
  }

  /// The longest the call may sleep, in seconds, if the function is right.
  public var longestSleep: Double {
    if kind == .waitRandomDefault { return 0 }
    return max(Double(maxDelay), schedule.map(\.duration).max() ?? 0)
  }

  /// The call as the harness's command line takes it: `id:kind:n:maxDelay`, then for a probe
  /// `:duration/value,duration/value,…`.
  var harnessArgument: String {
    let base = "\(id):\(kind.rawValue):\(n):\(maxDelay)"
    guard !schedule.isEmpty else { return base }
    return base + ":" + schedule.map { "\($0.duration)/\($0.value)" }.joined(separator: ",")
  }
}
