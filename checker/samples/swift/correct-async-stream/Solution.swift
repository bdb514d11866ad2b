/// Sleeps a random, fractional delay in 0...maxDelay seconds and returns it.
func waitRandom(maxDelay: Int = 10) async -> Double {
  let delay = Double.random(in: 0...Double(maxDelay))
  try? await Task.sleep(for: .seconds(delay))
  return delay
}

/// Runs waitRandom n times concurrently, streaming each delay as its call completes.
func waitN(n: Int, maxDelay: Int) async -> [Double] {
  let (stream, continuation) = AsyncStream.makeStream(of: Double.self)
  for _ in 0..<n {
    Task { continuation.yield(await waitRandom(maxDelay: maxDelay)) }
  }
  var delays: [Double] = []
  for await delay in stream.prefix(n) { delays.append(delay) }
  continuation.finish()
  return delays
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

/// taskWaitN with a stream fed by each task as it finishes.
func taskWaitN(n: Int, maxDelay: Int) async -> [Double] {
  let (stream, continuation) = AsyncStream.makeStream(of: Double.self)
  for _ in 0..<n {
    let task = taskWaitRandom(maxDelay: maxDelay)
    Task { continuation.yield(await task.value) }
  }
  var delays: [Double] = []
  for await delay in stream.prefix(n) { delays.append(delay) }
  continuation.finish()
  return delays
}
