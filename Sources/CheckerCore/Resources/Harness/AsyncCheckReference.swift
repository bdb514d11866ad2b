// The checker's own versions of the exercise's functions, compiled into the harness so that each
// task runs against correct versions of the functions it builds on: the stand-ins generated
// from the exercise model (`HarnessExerciseSource`) call `asyncCheckReference` + the function's
// name, with the same labels. They call each other through the exercise's names, so every call
// is recorded. They are internal to the harness's module: a submission can neither call
// nor replace them.
//
// While a probe call runs, `asyncCheckReferenceWaitRandom` follows the probe's schedule
// (`AsyncCheckRun.scheduled`): it sleeps and returns what the checker planned, so that the
// student's collection order can be told apart from sorting with wide margins.

func asyncCheckReferenceWaitRandom(maxDelay: Int) async -> Double {
  let planned = AsyncCheckRun.scheduled()
  let delay = planned?.duration ?? Double.random(in: 0...Double(max(0, maxDelay)))
  if delay > 0 {
    try? await Task.sleep(nanoseconds: UInt64(delay * 1e9))
  }
  return planned?.value ?? delay
}

func asyncCheckReferenceWaitN(n: Int, maxDelay: Int) async -> [Double] {
  await withTaskGroup(of: Double.self, returning: [Double].self) { group in
    for _ in 0..<max(0, n) {
      group.addTask { await waitRandom(maxDelay: maxDelay) }
    }
    var delays: [Double] = []
    for await delay in group {
      delays.append(delay)
    }
    return delays
  }
}

func asyncCheckReferenceMeasureTime(n: Int, maxDelay: Int) async -> Double {
  let start = AsyncCheckChannel.now()
  _ = await waitN(n: n, maxDelay: maxDelay)
  return n > 0 ? (AsyncCheckChannel.now() - start) / Double(n) : 0
}

func asyncCheckReferenceTaskWaitRandom(maxDelay: Int) -> Task<Double, Never> {
  Task { await waitRandom(maxDelay: maxDelay) }
}

func asyncCheckReferenceTaskWaitN(n: Int, maxDelay: Int) async -> [Double] {
  let tasks = (0..<max(0, n)).map { _ in taskWaitRandom(maxDelay: maxDelay) }
  return await withTaskGroup(of: Double.self, returning: [Double].self) { group in
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
