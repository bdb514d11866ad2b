/// Helpers shared by the reference tests.
enum Timing {
  /// How far apart two neighbours may be out of order and still count as ascending.
  ///
  /// Timers fire a little late, by different amounts: a correct `waitN(n: 200, maxDelay: 1)` was
  /// seen returning inversions under 0.4 ms apart, and up to 5 ms with all cores busy
  /// (`shared/MEASUREMENTS.md`). 20 ms leaves room for a loaded CI machine while a result in
  /// spawn order (neighbours typically hundreds of ms apart) still fails.
  static let orderTolerance = 0.020

  /// The neighbours of `values` that are out of order by more than `tolerance`.
  static func inversions(
    in values: [Double], tolerance: Double = orderTolerance
  ) -> [(Double, Double)] {
    zip(values, values.dropFirst()).filter { $0 > $1 + tolerance }
  }

  /// How long `work` took, in seconds.
  static func seconds(_ work: () async -> Void) async -> Double {
    let elapsed = await ContinuousClock().measure { await work() }
    let (seconds, attoseconds) = elapsed.components
    return Double(seconds) + Double(attoseconds) * 1e-18
  }
}
