/// Sleeps a random, fractional delay in 0...maxDelay seconds and returns it.
public func waitRandom(maxDelay: Int = 10) async -> Double {
  let delay = Double.random(in: 0...Double(maxDelay))
  try? await Task.sleep(for: .seconds(delay))
  return delay
}
