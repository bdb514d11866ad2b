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
    var random = SeededGenerator(seed: seed)
    var calls: [PlannedCall] = []
    func add(
      _ task: Int, n: Int = 0, maxDelay: Int, _ purpose: PlannedCall.Purpose = .sample,
      usesDefault: Bool = false
    ) {
      calls.append(
        PlannedCall(
          id: calls.count, taskID: task, usesDefault: usesDefault, n: n, maxDelay: maxDelay,
          purpose: purpose))
    }
    // The calls of each kind of task, drawn kind by kind in this order (a seed gives the same
    // inputs as it always has); the tasks come from the exercise.
    func tasks(_ behaviour: ExerciseTask.Behaviour) -> [ExerciseTask] {
      Exercise.tasks.filter { $0.behaviour == behaviour }
    }
    // A random delay: varied inputs, 100 concurrent calls for the distribution and for
    // blocking, and 30 calls with the default argument.
    for task in tasks(.sleepsRandomDelay) {
      for maxDelay in [0, 0, 2, Int.random(in: 1...2, using: &random), 1, 1] {
        add(task.id, maxDelay: maxDelay)
      }
      for _ in 0..<100 { add(task.id, maxDelay: 1, .batch) }
      for _ in 0..<30 {
        add(task.id, maxDelay: Exercise.defaultMaxDelay, .defaultArgument, usesDefault: true)
      }
    }
    // Lists of delays: the same shape of inputs, drawn apart, and a probe.
    for task in tasks(.collectsDelays) {
      add(task.id, n: 0, maxDelay: Int.random(in: 1...2, using: &random))
      add(task.id, n: 1, maxDelay: Int.random(in: 1...2, using: &random))
      add(task.id, n: Int.random(in: 2...9, using: &random), maxDelay: 1)
      add(task.id, n: Int.random(in: 10...40, using: &random), maxDelay: 1)
      add(task.id, n: Int.random(in: 10...40, using: &random), maxDelay: 2)
      add(task.id, n: Int.random(in: 2...5, using: &random), maxDelay: 0)
      calls.append(
        PlannedCall(
          id: calls.count, taskID: task.id, n: Self.probeSchedule.count, maxDelay: 1,
          purpose: .probe, schedule: Self.probeSchedule))
    }
    // Timing: small n, where total and total / n differ most in relative terms, and one
    // large n.
    for task in tasks(.measuresTime) {
      add(task.id, n: 1, maxDelay: 1)
      add(task.id, n: Int.random(in: 2...5, using: &random), maxDelay: 1)
      add(task.id, n: Int.random(in: 2...5, using: &random), maxDelay: 2)
      add(task.id, n: Int.random(in: 10...20, using: &random), maxDelay: 2)
      add(task.id, n: 3, maxDelay: 0)
    }
    // Starting a task.
    for task in tasks(.startsTask) {
      for maxDelay in [0, 1, 2, Int.random(in: 1...2, using: &random), 1, 2] {
        add(task.id, maxDelay: maxDelay)
      }
    }
    self.calls = calls.sorted { $0.taskID < $1.taskID }
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
