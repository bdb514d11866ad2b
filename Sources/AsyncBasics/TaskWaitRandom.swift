/// Starts `waitRandom(maxDelay:)` in a new task and returns the task at once.
///
/// This is task 3 of the exercise. It is a plain, synchronous function: it does not wait for
/// the delay. The caller gets a running `Task` and awaits its `value` when it needs the delay.
///
/// A negative `maxDelay` stops the program inside the task, as in `waitRandom(maxDelay:)`.
///
/// ```swift
/// let task = taskWaitRandom(maxDelay: 5)  // returns immediately
/// print(await task.value)  // 3.0815254862487224
/// ```
///
/// - Parameter maxDelay: The longest delay to draw, in whole seconds.
/// - Returns: The started task; its value is the delay it slept, in seconds.
public func taskWaitRandom(maxDelay: Int) -> Task<Double, Never> {
  Task { await waitRandom(maxDelay: maxDelay) }
}
