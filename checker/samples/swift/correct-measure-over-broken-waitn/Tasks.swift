// Task 3 and 4

/// Returns a Task that runs waitRandom(maxDelay:); it does not wait for it.
func taskWaitRandom(maxDelay: Int) -> Task<Double, Never> {
  Task { await waitRandom(maxDelay: maxDelay) }
}

/// Starts n tasks with taskWaitRandom and returns their delays in the order they finish.
func taskWaitN(n: Int, maxDelay: Int) async -> [Double] {
  let tasks = (0..<n).map { _ in taskWaitRandom(maxDelay: maxDelay) }
  return await withTaskGroup(of: Double.self) { group in
    for task in tasks { group.addTask { await task.value } }
    var delays: [Double] = []
    for await delay in group { delays.append(delay) }
    return delays
  }
}
