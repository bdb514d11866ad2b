/// The slack every timing check allows, and why.
///
/// Measured on the 2-core machine the checker targets (`shared/MEASUREMENTS.md`): with both cores
/// busy, 100 concurrent `Task.sleep`s woke at most 6.5 ms late (15 ms with 8 CPU hogs); completion
/// order disagreed with sorted order by up to 5.2 ms. Each bound below is many times that, yet
/// far from what a wrong solution produces (a sequential `waitN(n: 10…40, maxDelay: 1)` is
/// seconds late; a result in spawn order has neighbours hundreds of ms apart).
public enum Tolerances {
  /// How much later than the delay it returned a sleep may end: 250 ms.
  ///
  /// That is 16× the worst lateness seen with 8 hogs. A function that always sleeps maxDelay but returns a random value is off
  /// by maxDelay / 2 on average.
  public static let lateness = 0.25
  /// How much earlier than the delay it returned a call may return: 2 ms, for a student who
  /// sleeps whole milliseconds or nanoseconds (truncation); `Task.sleep` never wakes early.
  public static let earliness = 0.002
  /// How far apart two neighbours may be out of order and still count as ascending: 25 ms
  /// (5× the largest inversion seen on a loaded machine).
  public static let order = 0.025
  /// How much longer than its longest sleep a concurrent call may take: 300 ms plus 2 ms per
  /// sleep, for starting and collecting many tasks on a busy machine.
  public static func concurrencySlack(calls: Int) -> Double {
    0.3 + 0.002 * Double(calls)
  }
  /// How long a plain `taskWaitRandom` call may take to hand back its task: 100 ms.
  ///
  /// Starting a task takes microseconds; waiting for the delay takes up to maxDelay.
  public static let immediateReturn = 0.1
  /// How long `waitRandom(maxDelay: 0)` may take: 250 ms, as `lateness`.
  public static let zeroDelay = 0.25
  /// How much `measureTime`'s total (result × n) may exceed the time the harness measured
  /// around the call (the student measures inside it, so it can only be shorter): 5 ms.
  public static let measuredExcess = 0.005
  /// How much `measureTime`'s total may fall short of the harness's measurement: 100 ms, for
  /// the call's own start-up and return on a busy machine.
  public static let measuredShortfall = 0.1
  /// The false-alarm rate of the statistical checks: a correct submission fails one at most once
  /// in a million runs.
  public static let falseAlarmRate = 1e-6
}
