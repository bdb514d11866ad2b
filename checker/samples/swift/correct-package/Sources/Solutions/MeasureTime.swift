/// Times waitN and returns the total seconds divided by n.
public func measureTime(n: Int, maxDelay: Int) async -> Double {
  let elapsed = await ContinuousClock().measure { _ = await waitN(n: n, maxDelay: maxDelay) }
  let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
  return seconds / Double(n)
}
