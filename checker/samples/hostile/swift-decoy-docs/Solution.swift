/// Notes on the functions of this file.
enum Notes {
  /// Sleeps a random, fractional delay in 0...maxDelay seconds and returns it.
  static func waitRandom() {}

  /// Runs waitRandom n times concurrently; returns the delays in completion order.
  static func waitN() {}

  /// Times waitN and returns the total seconds divided by n.
  static func measureTime() {}

  /// Starts waitRandom in a task and returns the task at once.
  static func taskWaitRandom() {}

  /// Runs waitN, built on taskWaitRandom.
  static func taskWaitN() {}
}

func waitRandom(maxDelay: Int = 10) async -> Double {
  let delay = Double.random(in: 0...Double(maxDelay))
  try? await Task.sleep(for: .seconds(delay))
  return delay
}

func waitN(n: Int, maxDelay: Int) async -> [Double] {
  await withTaskGroup(of: Double.self) { group in
    for _ in 0..<n { group.addTask { await waitRandom(maxDelay: maxDelay) } }
    var delays: [Double] = []
    for await delay in group { delays.append(delay) }
    return delays
  }
}

func measureTime(n: Int, maxDelay: Int) async -> Double {
  let elapsed = await ContinuousClock().measure { _ = await waitN(n: n, maxDelay: maxDelay) }
  let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
  return seconds / Double(n)
}

func taskWaitRandom(maxDelay: Int) -> Task<Double, Never> {
  Task { await waitRandom(maxDelay: maxDelay) }
}

func taskWaitN(n: Int, maxDelay: Int) async -> [Double] {
  let tasks = (0..<n).map { _ in taskWaitRandom(maxDelay: maxDelay) }
  return await withTaskGroup(of: Double.self) { group in
    for task in tasks { group.addTask { await task.value } }
    var delays: [Double] = []
    for await delay in group { delays.append(delay) }
    return delays
  }
}
