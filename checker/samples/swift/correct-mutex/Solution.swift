import Synchronization

/// Sleeps a random, fractional delay in 0...maxDelay seconds and returns it.
func waitRandom(maxDelay: Int = 10) async -> Double {
  let delay = Double.random(in: 0...Double(maxDelay))
  try? await Task.sleep(for: .seconds(delay))
  return delay
}

/// Runs waitRandom n times concurrently; returns the delays in completion order.
func waitN(n: Int, maxDelay: Int) async -> [Double] {
  let delays = Delays()
  await withTaskGroup(of: Void.self) { group in
    for _ in 0..<n {
      group.addTask {
        let delay = await waitRandom(maxDelay: maxDelay)
        delays.list.withLock { $0.append(delay) }
      }
    }
  }
  return delays.list.withLock { $0 }
}

/// The delays so far, shared by the tasks.
final class Delays: Sendable {
  let list = Mutex<[Double]>([])
}

/// Times waitN and returns the total seconds divided by n.
func measureTime(n: Int, maxDelay: Int) async -> Double {
  let elapsed = await ContinuousClock().measure { _ = await waitN(n: n, maxDelay: maxDelay) }
  let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
  return seconds / Double(n)
}

/// Starts waitRandom in a task and returns the task at once.
func taskWaitRandom(maxDelay: Int) -> Task<Double, Never> {
  Task { await waitRandom(maxDelay: maxDelay) }
}

/// waitN, built on taskWaitRandom.
func taskWaitN(n: Int, maxDelay: Int) async -> [Double] {
  let tasks = (0..<n).map { _ in taskWaitRandom(maxDelay: maxDelay) }
  return await withTaskGroup(of: Double.self) { group in
    for task in tasks { group.addTask { await task.value } }
    var delays: [Double] = []
    for await delay in group { delays.append(delay) }
    return delays
  }
}
