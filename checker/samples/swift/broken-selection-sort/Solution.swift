/// Waits a random number of seconds (fractional) between 0 and maxDelay, and returns it.
func waitRandom(maxDelay: Int = 10) async -> Double {
  let seconds = Double.random(in: 0...Double(maxDelay))
  try? await Task.sleep(for: .seconds(seconds))
  return seconds
}

/// Runs waitRandom n times at the same time and returns all the delays, smallest first.
func waitN(n: Int, maxDelay: Int) async -> [Double] {
  var pending: [Double] = []
  await withTaskGroup(of: Double.self) { group in
    for _ in 0..<n {
      group.addTask {
        await waitRandom(maxDelay: maxDelay)
      }
    }
    for await d in group {
      pending.append(d)
    }
  }
  // we can't use sorted(), so pick the smallest one each time
  var result: [Double] = []
  while let smallest = pending.min() {
    result.append(smallest)
    pending.remove(at: pending.firstIndex(of: smallest)!)
  }
  return result
}

/// Returns the time waitN(n:maxDelay:) takes, divided by n.
func measureTime(n: Int, maxDelay: Int) async -> Double {
  let duration = await ContinuousClock().measure {
    _ = await waitN(n: n, maxDelay: maxDelay)
  }
  let total = Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
  return total / Double(n)
}

/// Creates a Task running waitRandom and returns it without waiting for it.
func taskWaitRandom(maxDelay: Int) -> Task<Double, Never> {
  return Task {
    await waitRandom(maxDelay: maxDelay)
  }
}

/// Like waitN but with taskWaitRandom.
func taskWaitN(n: Int, maxDelay: Int) async -> [Double] {
  var tasks: [Task<Double, Never>] = []
  for _ in 0..<n {
    tasks.append(taskWaitRandom(maxDelay: maxDelay))
  }
  return await withTaskGroup(of: Double.self) { group in
    for task in tasks {
      group.addTask { await task.value }
    }
    var delays: [Double] = []
    for await d in group {
      delays.append(d)
    }
    return delays
  }
}
