/// When each sleep of one `waitN` or `taskWaitN` call ran, relative to the call's start.
public struct Timeline: Sendable, Codable, Equatable {
  /// One sleep: a `waitRandom` call.
  public struct Bar: Sendable, Codable, Equatable {
    /// Seconds from the call's start to the sleep's start.
    public var start: Double
    /// Seconds from the call's start to the sleep's end.
    public var end: Double
    /// The delay the sleep returned.
    public var value: Double

    /// Creates a bar.
    ///
    /// - Parameters:
    ///   - start: When the sleep started.
    ///   - end: When it ended.
    ///   - value: The delay it returned.
    public init(start: Double, end: Double, value: Double) {
      self.start = start
      self.end = end
      self.value = value
    }
  }

  /// The call, as Swift source.
  public var call: String
  /// The call's `maxDelay`.
  public var maxDelay: Int
  /// How long the call took, in seconds; `nil` when it never returned.
  public var duration: Double?
  /// The sleeps, by start time.
  public var bars: [Bar]

  /// Creates a timeline.
  ///
  /// - Parameters:
  ///   - call: The call.
  ///   - maxDelay: Its `maxDelay`.
  ///   - duration: How long it took.
  ///   - bars: Its sleeps.
  public init(call: String, maxDelay: Int, duration: Double?, bars: [Bar]) {
    self.call = call
    self.maxDelay = maxDelay
    self.duration = duration
    self.bars = bars
  }
}
