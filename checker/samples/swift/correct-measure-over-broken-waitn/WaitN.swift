// Task 1 and 2

/// Calls waitRandom n times and returns every delay.
func waitN(n: Int, maxDelay: Int) async -> [Double] {
  var delays: [Double] = []
  for _ in 0..<n {
    let delay = await waitRandom(maxDelay: maxDelay)
    delays.append(delay)
  }
  return delays
}

/// Measures how long waitN takes with a ContinuousClock and returns the time per call, in seconds.
func measureTime(n: Int, maxDelay: Int) async -> Double {
  let clock = ContinuousClock()
  let elapsed = await clock.measure {
    _ = await waitN(n: n, maxDelay: maxDelay)
  }
  let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
  return seconds / Double(n)
}
