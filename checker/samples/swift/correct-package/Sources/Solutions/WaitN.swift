/// Runs waitRandom n times concurrently; returns the delays in completion order.
public func waitN(n: Int, maxDelay: Int) async -> [Double] {
  await withTaskGroup(of: Double.self) { group in
    for _ in 0..<n { group.addTask { await waitRandom(maxDelay: maxDelay) } }
    var delays: [Double] = []
    for await delay in group { delays.append(delay) }
    return delays
  }
}
