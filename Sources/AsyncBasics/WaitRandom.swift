/// Sleeps for a random, fractional number of seconds between 0 and `maxDelay`, then returns it.
///
/// This is task 0 of the exercise. The delay is drawn uniformly from `0...maxDelay` and slept
/// with `Clock.sleep` on `ReferenceClock.current` (a `ContinuousClock` unless a test binds its
/// own), which suspends the calling task without holding a thread: many calls can sleep at the
/// same time on a pool of only a few threads.
///
/// `maxDelay` 0 returns 0 at once. A negative `maxDelay` is a programming error and stops the
/// program (a precondition), as a negative time to wait has no meaning. If the calling task is
/// cancelled, the sleep ends early and the drawn delay is still returned.
///
/// ```swift
/// let delay = await waitRandom(maxDelay: 3)
/// print(delay)  // 1.6142383427003153
/// ```
///
/// - Parameter maxDelay: The longest delay to draw, in whole seconds; 10 by default.
/// - Returns: The delay slept, in seconds.
public func waitRandom(maxDelay: Int = 10) async -> Double {
  precondition(maxDelay >= 0, "waitRandom(maxDelay:) needs maxDelay >= 0, got \(maxDelay)")
  let delay = Double.random(in: 0...Double(maxDelay))
  if delay > 0 {
    // Cancellation only shortens the sleep; the contract is to return the drawn delay.
    try? await ReferenceClock.current.sleep(for: .seconds(delay))
  }
  return delay
}
