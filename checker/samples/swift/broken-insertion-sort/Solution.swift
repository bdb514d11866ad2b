// Async basics: tasks 0 to 4.

/// Sleeps a random delay between 0 and `maxDelay` seconds and returns it.
func waitRandom(maxDelay: Int = 10) async -> Double {
  let delay = Double.random(in: 0...Double(maxDelay))
  try? await Task.sleep(for: .seconds(delay))
  return delay
}

/// Calls `waitRandom` `n` times concurrently and returns the delays in ascending order.
func waitN(n: Int, maxDelay: Int) async -> [Double] {
  var delays = await withTaskGroup(of: Double.self) { group in
    for _ in 0..<n {
      group.addTask { await waitRandom(maxDelay: maxDelay) }
    }
    var collected: [Double] = []
    for await delay in group {
      collected.append(delay)
    }
    return collected
  }
  // sort() is not allowed, so an insertion sort by hand, to be sure the order is right
  for i in delays.indices.dropFirst() {
    let current = delays[i]
    var j = i - 1
    while j >= 0 && delays[j] > current {
      delays[j + 1] = delays[j]
      j -= 1
    }
    delays[j + 1] = current
  }
  return delays
}

/// Measures `waitN` with a `ContinuousClock`; returns the total time divided by `n`.
func measureTime(n: Int, maxDelay: Int) async -> Double {
  let clock = ContinuousClock()
  let start = clock.now
  _ = await waitN(n: n, maxDelay: maxDelay)
  let elapsed = start.duration(to: clock.now)
  let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
  return seconds / Double(n)
}

/// Starts `waitRandom` in a new task and returns the task right away.
func taskWaitRandom(maxDelay: Int) -> Task<Double, Never> {
  Task { await waitRandom(maxDelay: maxDelay) }
}

/// Same as `waitN`, but each delay is started with `taskWaitRandom`.
func taskWaitN(n: Int, maxDelay: Int) async -> [Double] {
  let tasks = (0..<n).map { _ in taskWaitRandom(maxDelay: maxDelay) }
  return await withTaskGroup(of: Double.self) { group in
    for task in tasks {
      group.addTask { await task.value }
    }
    var delays: [Double] = []
    for await delay in group {
      delays.append(delay)
    }
    return delays
  }
}
