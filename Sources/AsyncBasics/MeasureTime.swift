/// Measures how long `waitN(n:maxDelay:)` takes and returns the time per call, in seconds.
///
/// This is task 2 of the exercise. The elapsed time is measured on `ReferenceClock.current`, a
/// `ContinuousClock` unless a test binds its own: a monotonic clock that keeps counting while
/// the machine sleeps and never jumps when the wall clock is set. Because the `n` calls run
/// concurrently, the total is close to `maxDelay` and the returned average is close to
/// `maxDelay / n`, not to `maxDelay`.
///
/// `n` 0 returns 0: no call was made, so there is no time per call to report (dividing by zero
/// would give infinity or NaN). A negative `n` or `maxDelay` stops the program, as in
/// `waitN(n:maxDelay:)`.
///
/// ```swift
/// print(await measureTime(n: 5, maxDelay: 9))  // 1.759705400
/// ```
///
/// - Parameters:
///   - n: How many delays `waitN(n:maxDelay:)` waits for.
///   - maxDelay: The longest delay each call may draw, in whole seconds.
/// - Returns: The elapsed time divided by `n`, in seconds; 0 when `n` is 0.
public func measureTime(n: Int, maxDelay: Int) async -> Double {
  let elapsed = await ReferenceClock.current.measure {
    _ = await waitN(n: n, maxDelay: maxDelay)
  }
  guard n > 0 else { return 0 }
  return elapsed.inSeconds / Double(n)
}
