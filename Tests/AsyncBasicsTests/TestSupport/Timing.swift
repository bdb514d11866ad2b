import AsyncBasics

/// Helpers shared by the reference tests.
enum Timing {
  /// How far apart two neighbours may be out of order and still count as ascending.
  ///
  /// Timers fire a little late, by different amounts: a correct `waitN(n: 200, maxDelay: 1)` was
  /// seen returning inversions under 0.4 ms apart, and up to 5 ms with all cores busy
  /// (`shared/MEASUREMENTS.md`); in a full `swift test` run, whose suites grade classes in
  /// parallel, 50 ms (2026-11-26). 0.25 s leaves room for a loaded CI machine while a result in
  /// spawn order still fails: 30 delays in random order have a neighbour more than 0.25 s out
  /// of order but with a chance of about 1 in 10,000.
  static let orderTolerance = 0.25

  /// The neighbours of `values` that are out of order by more than `tolerance`.
  static func inversions(
    in values: [Double], tolerance: Double = orderTolerance
  ) -> [(Double, Double)] {
    zip(values, values.dropFirst()).filter { $0 > $1 + tolerance }
  }

  /// How long `work` took on the machine's clock, in seconds.
  static func seconds(_ work: () async -> Void) async -> Double {
    seconds(of: await ContinuousClock().measure { await work() })
  }

  /// `duration` as a number of seconds, with its fraction.
  static func seconds(of duration: Duration) -> Double {
    let (seconds, attoseconds) = duration.components
    return Double(seconds) + Double(attoseconds) * 1e-18
  }

  /// Whether `first` and `second` have the same length and each pair of values agrees to 1 ns:
  /// a delay slept as a `Duration` comes back rounded to attoseconds.
  static func matches(_ first: [Double], _ second: [Double]) -> Bool {
    first.count == second.count && zip(first, second).allSatisfy { abs($0 - $1) < 1e-9 }
  }

  /// Starts `work` with `clock` as the reference's clock, waits until `sleeps` of its sleeps
  /// are pending at once, moves the clock on by `advance`, and returns what `work` returned;
  /// `nil` when the sleeps were never pending together (the calls did not overlap).
  static func run<Value: Sendable>(
    on clock: ManualClock, expectingPendingSleeps sleeps: Int, advance: Duration,
    _ work: @escaping @Sendable () async -> Value
  ) async -> Value? {
    let call = Task { await ReferenceClock.$current.withValue(clock) { await work() } }
    guard await clock.waitForPendingSleeps(sleeps) else {
      call.cancel()
      return nil
    }
    clock.advance(by: advance)
    return await call.value
  }
}
