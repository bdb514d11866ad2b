/// The clock the reference implementations sleep and measure on.
///
/// The five functions keep the exercise's signatures, so the clock is not a parameter: it is a
/// task-local value, which child tasks and `Task { }` inherit, as Point-Free's swift-dependencies
/// does for its clocks. Programs never set it and get `ContinuousClock()`; a test binds a clock it
/// controls around a call and then asserts what the call slept and measured instead of how long
/// the machine took.
///
/// ```swift
/// await ReferenceClock.$current.withValue(testClock) {
///   _ = await waitRandom(maxDelay: 1)  // sleeps on testClock
/// }
/// ```
public enum ReferenceClock {
  /// The clock of the current task; `ContinuousClock()` unless a caller binds another.
  @TaskLocal public static var current: any Clock<Duration> = ContinuousClock()
}
