/// The calls the harness makes for each task, drawn from a seed.
///
/// Inputs cover n in 0…40 (always 0, 1 and some n ≥ 10) and maxDelay in 0…2 (always 2 once):
/// every call of a task runs at the same time, so a correct submission is graded in about the
/// longest delay, 2 s, while a sequential one runs far past it.
public struct RunPlan: Sendable {
  /// The seed the inputs were drawn from.
  public let seed: UInt64
  /// Every call, tasks in order.
  public let calls: [PlannedCall]

  /// How long `waitRandom()` calls (default maxDelay 10) are watched before they are abandoned.
  public static let defaultArgumentWindow = 2.0

  /// What the checker's `waitRandom` does in a probe call, call by call: the sleeps end 150 ms
  /// apart (ten times the worst timer lateness measured on a loaded machine), the shortest lasts
  /// 300 ms (so all six are running at once unless they are awaited one by one), and the values
  /// rank neither as the sleeps end nor as they were started, so completion order, sorted order
  /// and spawn order give three different lists.
  public static let probeSchedule: [PlannedCall.ScheduledSleep] = {
    let completionRank = [3, 0, 5, 1, 4, 2]
    let valueByRank = [0.45, 0.15, 0.75, 0.35, 0.65, 0.25]
    return completionRank.map { rank in
      PlannedCall.ScheduledSleep(duration: 0.3 + 0.15 * Double(rank), value: valueByRank[rank])
    }
  }()

  /// Draws the plan for `seed`.
  ///
  /// - Parameter seed: Any number; the same seed gives the same plan.
  public init(seed: UInt64) {
    self.seed = seed
    var drawing = Drawing(seed: seed)
    // Task by task, a kind of task (behaviour) at a time, the kinds in the order the exercise
    // first names them: a seed gives the same inputs as it always has, and a new kind of task
    // draws after the others.
    var behaviours: [TaskBehaviour] = []
    for task in Exercise.tasks where !behaviours.contains(task.behaviour) {
      behaviours.append(task.behaviour)
    }
    for behaviour in behaviours {
      for task in Exercise.tasks where task.behaviour == behaviour {
        behaviour.drawCalls(task, &drawing)
      }
    }
    self.calls = drawing.calls.sorted { $0.taskID < $1.taskID }
  }

  /// The calls of a plan as they are drawn: each behaviour adds its task's calls
  /// (`TaskBehaviour.drawCalls`), drawing inputs from `random`.
  public struct Drawing: Sendable {
    /// The generator every input is drawn from, in the order the calls are added.
    private var random: SeededGenerator
    /// The calls so far, numbered in the order they were added.
    private(set) var calls: [PlannedCall] = []

    /// Starts drawing from `seed`.
    init(seed: UInt64) {
      random = SeededGenerator(seed: seed)
    }

    /// A number drawn from `range`.
    mutating func draw(_ range: ClosedRange<Int>) -> Int {
      Int.random(in: range, using: &random)
    }

    /// Adds a call of `task`, numbered next.
    ///
    /// - Parameters:
    ///   - task: The task whose function it calls.
    ///   - n: The `n` argument (0 for a function without one).
    ///   - maxDelay: The `maxDelay` argument.
    ///   - purpose: Which checks use it.
    ///   - usesDefault: Whether it leaves `maxDelay` to the function's default.
    ///   - schedule: For a probe call, what the checker's `waitRandom` does on each call.
    mutating func add(
      _ task: ExerciseTask, n: Int = 0, maxDelay: Int, _ purpose: PlannedCall.Purpose = .sample,
      usesDefault: Bool = false, schedule: [PlannedCall.ScheduledSleep] = []
    ) {
      calls.append(
        PlannedCall(
          id: calls.count, taskID: task.id, usesDefault: usesDefault, n: n, maxDelay: maxDelay,
          purpose: purpose, schedule: schedule))
    }
  }

  /// The calls for one task, grouped by the process that makes them: the task's calls together,
  /// and each probe alone (so that every `waitRandom` call in it is the probe's, even from a
  /// detached task).
  ///
  /// - Parameter taskID: A task number.
  /// - Returns: The groups, in plan order.
  public func processes(forTask taskID: Int) -> [[PlannedCall]] {
    let calls = calls(forTask: taskID)
    let together = calls.filter { $0.purpose != .probe }
    return (together.isEmpty ? [] : [together]) + calls.filter { $0.purpose == .probe }.map { [$0] }
  }

  /// The calls for one task.
  ///
  /// - Parameter taskID: A task number.
  /// - Returns: Its calls, in plan order.
  public func calls(forTask taskID: Int) -> [PlannedCall] {
    calls.filter { $0.taskID == taskID }
  }

  /// The wall-clock limit for a task's process: a few times its longest sleep.
  ///
  /// Every call of a task runs at once, so a correct submission finishes in about the longest
  /// delay; twice that plus 2 s leaves room for a loaded machine (timers there were seen at most
  /// 15 ms late) while a sequential or blocking one is stopped instead of waited for.
  ///
  /// - Parameter taskID: A task number.
  /// - Returns: Seconds.
  public func timeLimit(forTask taskID: Int) -> Double {
    let longest = calls(forTask: taskID).map(\.longestSleep).max() ?? 0
    return 2 * max(longest, Self.defaultArgumentWindow) + 2
  }
}
