/// The advice under a failure, in the words of the submission's language.
enum Hints {
  /// How to draw a fractional, uniform delay.
  static func drawDelay(_ language: Language) -> String {
    language == .swift
      ? "Double.random(in: 0...Double(maxDelay))" : "random.uniform(0, max_delay)"
  }

  /// Why concurrent sleeps did not overlap, and what to use instead.
  static func blockingSleep(_ language: Language) -> String {
    language == .swift
      ? "a blocking sleep (Thread.sleep, sleep(), usleep, a busy loop) holds one of the few "
        + "threads Swift runs tasks on: use try await Task.sleep(for: .seconds(delay))"
      : "a blocking sleep (time.sleep, a busy loop) stops the whole event loop: "
        + "use await asyncio.sleep(delay)"
  }

  /// How to start every call before collecting any.
  static func startAllFirst(_ language: Language) -> String {
    language == .swift
      ? "each sleep started only after the previous one ended: start all n calls first "
        + "(a task group), then collect them"
      : "each sleep started only after the previous one ended: start all n coroutines first "
        + "(asyncio.create_task, asyncio.as_completed), then collect them"
  }

  /// How to collect results in completion order.
  static func completionOrder(_ language: Language) -> String {
    language == .swift
      ? "collect the delays as the calls complete (for await … in group), "
        + "not in the order they were started"
      : "collect the delays as the calls complete (asyncio.as_completed), "
        + "not in the order they were started"
  }

  /// How to declare the default `maxDelay`.
  static func defaultDeclaration(_ language: Language) -> String {
    language == .swift
      ? "`maxDelay: Int = \(Exercise.defaultMaxDelay)`"
      : "`max_delay: int = \(Exercise.defaultMaxDelay)`"
  }
}

extension Hints {
  /// Why a list call's sleeps ran few at a time, when `waitRandom` is the checker's own.
  static func fewAtOnce(_ language: Language, atOnce: Int) -> String {
    language == .swift
      ? "at most \(atOnce) sleeps ran at a time: start every call before awaiting any "
        + "(a task group), then collect them"
      : "at most \(atOnce) sleeps ran at a time: create every task before awaiting any "
        + "(asyncio.create_task, asyncio.as_completed), then collect them"
  }

  /// What to do when `waitRandom` did not get the call's `maxDelay`.
  static func passMaxDelay(_ language: Language, called: String) -> String {
    language == .swift
      ? "it calls \(called): pass maxDelay on, as waitRandom(maxDelay: maxDelay)"
      : "it calls \(called): pass max_delay on, as wait_random(max_delay)"
  }

  /// Why a coroutine that was never awaited did not run.
  static func neverRan(_ language: Language) -> String {
    language == .swift
      ? "call it and await it: let start = ContinuousClock.now; _ = await waitN(n: n, maxDelay: maxDelay)"
      : "a coroutine runs only when it is awaited or given to asyncio.run: "
        + "asyncio.run(wait_n(n, max_delay))"
  }
}
