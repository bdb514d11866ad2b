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
  /// How long a plain `taskWaitRandom` call may take to hand back its task: 250 ms, as
  /// `lateness`.
  ///
  /// Starting a task takes microseconds, but a Python harness on a loaded machine was seen
  /// taking 180 ms (the test suite grading samples beside its other suites). Waiting for the
  /// delay is judged apart, from the task's recorded sleep, and going over this is a time
  /// failure that is run again.
  public static let immediateReturn = 0.25
  /// How long `waitRandom(maxDelay: 0)` may take: 250 ms, as `lateness`.
  public static let zeroDelay = 0.25
  /// How far `measureTime`'s total (result × n) may be from its `waitN` call's time: 20%.
  ///
  /// The student measures around `waitN`, so the total lies between the time `waitN` ran and
  /// the time the whole call took; with 6 gradings on 2 cores a correct Python `measure_time`
  /// read up to 0.23 s short of the call's outer time, which an absolute bound could not
  /// absorb. 20% is far from the factor n (≥ 2) of "returns the total" and the factor 1000 of
  /// milliseconds.
  public static let measuredRelative = 0.2
  /// What `measureTime`'s total may be off by on top of `measuredRelative`, for calls whose
  /// `waitN` sleeps nothing (maxDelay 0): 20 ms.
  public static let measuredAbsolute = 0.02
  /// How long a list call may take before the wall time alone fails it.
  ///
  /// Whatever its sleeps' overlap: its longest sleep plus half of it, plus 0.5 s, plus 2 ms per
  /// sleep. Only a loose outer bound: concurrency is judged from the sleeps' intervals.
  public static func wallBound(longest: Double, calls: Int) -> Double {
    1.5 * longest + 0.5 + 0.002 * Double(calls)
  }
  /// What a busy machine adds to a call's time allowance: twice the worst lateness of the
  /// harness's control sleeps while the call ran, at most `busyMachineLimit`.
  ///
  /// The control sleeps on a thread of the harness's own, in the same process and at the same
  /// moment as the student's call (`HarnessProtocol`'s `C` record): when it wakes late, the
  /// machine is late, not the student's code. Twice, because the call's own wake-ups fall
  /// between the control's. The absolute tolerances above stay as the floor: with no control
  /// (`nil`), nothing is added.
  ///
  /// Measured with `scripts/load-test --workers 16 --hogs 4` (27,044 correct `waitRandom`
  /// calls): sleeps ended up to 200 ms late and `waitRandom(maxDelay: 0)` took up to 250 ms,
  /// while the control ended up to 186 ms late; beyond twice the control's lateness, sleeps
  /// ended at most 107 ms late (99.9% within 31 ms), well inside the 250 ms floor.
  ///
  /// - Parameter controlLateness: `TaskEvidence.Call.machineLateness`.
  /// - Returns: Seconds to add to the call's allowance.
  public static func busyMachine(_ controlLateness: Double?) -> Double {
    min(busyMachineLimit, 2 * max(0, controlLateness ?? 0))
  }
  /// The most a busy machine adds to an allowance: 0.5 s.
  ///
  /// Student code shares the process with the control and can slow it (a Python call that holds
  /// the interpreter's lock for seconds): whatever it does, it buys at most this. A solution
  /// that sleeps maxDelay and returns a random delay is off by maxDelay / 2 on average.
  public static let busyMachineLimit = 0.5
  /// How many of a call's sleeps must run at the same moment for it to be concurrent: half.
  ///
  /// A correct call starts all its sleeps within milliseconds, so nearly all run at once (the
  /// probe's shortest sleep lasts 300 ms); a sequential one runs one at a time, one that blocks
  /// its threads as many as it has threads.
  public static let overlapFraction = 0.5
  /// The shortest returned delay that shows whether a function sleeps it: 50 ms.
  ///
  /// Below that, returning at once and sleeping look alike; among a hundred uniform draws some
  /// are longer.
  public static let shortestJudgedSleep = 0.05
  /// The false-alarm rate of the statistical checks: a correct submission fails one at most once
  /// in a million runs.
  public static let falseAlarmRate = 1e-6
}
