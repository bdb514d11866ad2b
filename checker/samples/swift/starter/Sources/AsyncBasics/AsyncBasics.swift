// Your solutions to tasks 0–4. Keep the signatures exactly as they are: the checker looks for
// them. Replace each TODO and its placeholder return value. They are `public` so that the
// Playground target (`swift run`) can call them.

/// Sleeps a random, fractional delay between 0 and `maxDelay` seconds, then returns it.
public func waitRandom(maxDelay: Int = 10) async -> Double {
  // TODO: task 0. Draw the delay with `Double.random(in:)` and sleep it with `Task.sleep`.
  return 0
}

/// Runs `waitRandom(maxDelay:)` `n` times concurrently; returns the delays in completion order.
public func waitN(n: Int, maxDelay: Int) async -> [Double] {
  // TODO: task 1. Start the n calls together (a task group) and collect them as they finish.
  // Do not sort.
  return []
}

/// Measures `waitN(n:maxDelay:)` and returns the total time divided by `n`, in seconds.
public func measureTime(n: Int, maxDelay: Int) async -> Double {
  // TODO: task 2. Measure with `ContinuousClock`.
  return 0
}

/// Starts `waitRandom(maxDelay:)` in a task and returns the task at once.
public func taskWaitRandom(maxDelay: Int) -> Task<Double, Never> {
  // TODO: task 3. This is a plain function: start the task, return it, do not wait.
  return Task { 0 }
}

/// `waitN(n:maxDelay:)`, built on `taskWaitRandom(maxDelay:)`.
public func taskWaitN(n: Int, maxDelay: Int) async -> [Double] {
  // TODO: task 4.
  return []
}
