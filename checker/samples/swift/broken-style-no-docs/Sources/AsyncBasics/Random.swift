import Foundation

/// waitRandom
public func waitRandom(maxDelay: Int = 10) async -> Double {
    let delay = Double.random(in: 0...Double(maxDelay))
    try? await Task.sleep(for: .seconds(delay))
    return delay
}

// runs waitRandom n times
public func waitN(n: Int, maxDelay: Int) async -> [Double] {
    return await withTaskGroup(of: Double.self) { group in
        for _ in 0..<n {
            group.addTask {
                await waitRandom(maxDelay: maxDelay)
            }
        }
        var delays = [Double]()
        for await delay in group {
            delays.append(delay)
        }
        return delays
    }
}

/// Measures how long waitN takes and returns the time per call, in seconds.
public func measureTime(n: Int, maxDelay: Int) async -> Double {
    let clock = ContinuousClock()
    let start = clock.now
    _ = await waitN(n: n, maxDelay: maxDelay)
    let elapsed = clock.now - start
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    return seconds / Double(n)
}
