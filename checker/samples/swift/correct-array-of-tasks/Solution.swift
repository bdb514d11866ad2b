/// Sleeps a random, fractional delay in 0...maxDelay seconds and returns it.
func waitRandom(maxDelay: Int = 10) async -> Double {
  let delay = Double.random(in: 0...Double(maxDelay))
  try? await Task.sleep(for: .seconds(delay))
  return delay
}

/// Records values in the order they are added.
actor Arrivals {
  var values: [Double] = []
  func append(_ value: Double) { values.append(value) }
}

/// Starts an array of tasks, each recording its delay when done; waits for them all.
func waitN(n: Int, maxDelay: Int) async -> [Double] {
  let arrivals = Arrivals()
  let tasks = (0..<n).map { _ in
    Task { await arrivals.append(await waitRandom(maxDelay: maxDelay)) }
  }
  for task in tasks { await task.value }
  return await arrivals.values
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

/// taskWaitN: each task is followed by a recorder, awaited together.
func taskWaitN(n: Int, maxDelay: Int) async -> [Double] {
  let arrivals = Arrivals()
  let recorders = (0..<n).map { _ in
    let task = taskWaitRandom(maxDelay: maxDelay)
    return Task { await arrivals.append(await task.value) }
  }
  for recorder in recorders { await recorder.value }
  return await arrivals.values
}
