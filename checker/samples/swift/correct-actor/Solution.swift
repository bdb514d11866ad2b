/// Sleeps a random, fractional delay in 0...maxDelay seconds and returns it.
func waitRandom(maxDelay: Int = 10) async -> Double {
  let delay = Double.random(in: 0...Double(maxDelay))
  try? await Task.sleep(for: .seconds(delay))
  return delay
}

/// Collects delays as they arrive.
actor Collector {
  private(set) var delays: [Double] = []
  func add(_ delay: Double) { delays.append(delay) }
}

/// Runs waitRandom n times concurrently; an actor records each delay as its call finishes.
func waitN(n: Int, maxDelay: Int) async -> [Double] {
  let collector = Collector()
  await withDiscardingTaskGroup { group in
    for _ in 0..<n {
      group.addTask { await collector.add(await waitRandom(maxDelay: maxDelay)) }
    }
  }
  return await collector.delays
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

/// taskWaitN with an actor collecting values as the tasks finish.
func taskWaitN(n: Int, maxDelay: Int) async -> [Double] {
  let collector = Collector()
  let tasks = (0..<n).map { _ in taskWaitRandom(maxDelay: maxDelay) }
  await withDiscardingTaskGroup { group in
    for task in tasks { group.addTask { await collector.add(await task.value) } }
  }
  return await collector.delays
}
