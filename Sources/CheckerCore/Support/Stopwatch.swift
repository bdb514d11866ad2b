/// Measures the time since it was started, on a clock given to it, as swift-clocks injects
/// clocks: code that times itself takes a clock (a `ContinuousClock` by default) instead of
/// reading a global one, and a test can hand it a clock it controls.
public struct Stopwatch: Sendable {
  private let elapsedSinceStart: @Sendable () -> Duration

  /// A stopwatch started now on `clock`.
  ///
  /// - Parameter clock: The clock to read; `init()` reads the machine's `ContinuousClock`.
  public init(clock: any Clock<Duration>) {
    elapsedSinceStart = Self.started(on: clock)
  }

  /// A stopwatch started now on a `ContinuousClock`.
  public init() {
    self.init(clock: ContinuousClock())
  }

  /// The time since the start.
  public var elapsed: Duration { elapsedSinceStart() }

  /// The time since the start, in seconds.
  public var seconds: Double { elapsed.seconds }

  /// Reads `clock` now and returns what reads the time since then: a generic function, so that
  /// an `any Clock` is opened and its instants keep their type.
  private static func started<C: Clock<Duration>>(on clock: C) -> @Sendable () -> Duration {
    let start = clock.now
    return { start.duration(to: clock.now) }
  }
}

extension Duration {
  /// This duration in seconds, with its fraction.
  var seconds: Double {
    let (seconds, attoseconds) = components
    return Double(seconds) + Double(attoseconds) * 1e-18
  }
}
