/// Starts `n` tasks with `taskWaitRandom(maxDelay:)` and returns their delays in the order the
/// tasks finished.
///
/// This is task 4 of the exercise: `waitN(n:maxDelay:)` again, built on the tasks that
/// `taskWaitRandom(maxDelay:)` returns. Every task is started before any is awaited, so the
/// sleeps overlap, and a task group collects the values as they arrive: ascending, unsorted.
/// Cancelling the caller cancels the tasks it started.
///
/// `n` 0 returns `[]` at once. A negative `n` or `maxDelay` is a programming error and stops the
/// program (a precondition).
///
/// ```swift
/// print(await taskWaitN(n: 5, maxDelay: 6))
/// // [0.6025785410403155, 1.2440016011431566, 2.8117227458716197, 4.5312234458216876, 4.6855318163081215]
/// ```
///
/// - Parameters:
///   - n: How many tasks to start.
///   - maxDelay: The longest delay each task may draw, in whole seconds.
/// - Returns: The `n` delays, in completion order, which is ascending.
public func taskWaitN(n: Int, maxDelay: Int) async -> [Double] {
  precondition(n >= 0, "taskWaitN(n:maxDelay:) needs n >= 0, got \(n)")
  precondition(maxDelay >= 0, "taskWaitN(n:maxDelay:) needs maxDelay >= 0, got \(maxDelay)")
  let tasks = (0..<n).map { _ in taskWaitRandom(maxDelay: maxDelay) }
  return await withTaskGroup(of: Double.self, returning: [Double].self) { group in
    for task in tasks {
      group.addTask {
        await withTaskCancellationHandler {
          await task.value
        } onCancel: {
          task.cancel()
        }
      }
    }
    var delays: [Double] = []
    delays.reserveCapacity(n)
    for await delay in group {
      delays.append(delay)
    }
    return delays
  }
}
