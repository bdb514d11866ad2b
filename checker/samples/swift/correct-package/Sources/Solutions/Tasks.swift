/// Starts waitRandom in a task and returns the task at once.
public func taskWaitRandom(maxDelay: Int) -> Task<Double, Never> {
  Task { await waitRandom(maxDelay: maxDelay) }
}

/// waitN, built on taskWaitRandom.
public func taskWaitN(n: Int, maxDelay: Int) async -> [Double] {
  let tasks = (0..<n).map { _ in taskWaitRandom(maxDelay: maxDelay) }
  return await withTaskGroup(of: Double.self) { group in
    for task in tasks { group.addTask { await task.value } }
    var delays: [Double] = []
    for await delay in group { delays.append(delay) }
    return delays
  }
}
