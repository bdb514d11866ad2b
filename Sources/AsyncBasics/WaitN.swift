/// Runs `waitRandom(maxDelay:)` `n` times concurrently and returns the delays in the order the
/// calls finished.
///
/// This is task 1 of the exercise. All `n` calls start at once in a task group, so the whole
/// call takes about as long as the longest delay, not the sum of them. The delays are collected
/// as the calls complete, and a shorter sleep completes first: the array comes out in ascending
/// order without ever being sorted.
///
/// `n` 0 returns `[]` at once. A negative `n` or `maxDelay` is a programming error and stops the
/// program (a precondition).
///
/// ```swift
/// print(await waitN(n: 5, maxDelay: 5))
/// // [0.9693881173832269, 1.0264573845731002, 1.7992690129519855, 3.641373003434587, 4.500011569340617]
/// ```
///
/// - Parameters:
///   - n: How many delays to wait for concurrently.
///   - maxDelay: The longest delay each call may draw, in whole seconds.
/// - Returns: The `n` delays, in completion order, which is ascending.
public func waitN(n: Int, maxDelay: Int) async -> [Double] {
  precondition(n >= 0, "waitN(n:maxDelay:) needs n >= 0, got \(n)")
  precondition(maxDelay >= 0, "waitN(n:maxDelay:) needs maxDelay >= 0, got \(maxDelay)")
  return await withTaskGroup(of: Double.self, returning: [Double].self) { group in
    for _ in 0..<n {
      group.addTask { await waitRandom(maxDelay: maxDelay) }
    }
    var delays: [Double] = []
    delays.reserveCapacity(n)
    for await delay in group {
      delays.append(delay)
    }
    return delays
  }
}
