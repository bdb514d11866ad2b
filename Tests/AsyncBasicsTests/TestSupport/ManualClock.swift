import Synchronization

/// A clock whose time moves only when a test says so, as swift-clocks' `TestClock`.
///
/// Bound as `ReferenceClock.current`, it lets a test see what the reference does with time
/// instead of timing it on a busy machine: every sleep is recorded; a sleep suspends until
/// `advance(by:)` moves `now` past its deadline; sleeps that are pending at once prove that the
/// calls run concurrently, whatever the load.
final class ManualClock: Clock, Sendable {
  /// A point on the clock: how far it is from the clock's start.
  struct Instant: InstantProtocol {
    /// The time since the clock's start.
    var offset: Duration

    func advanced(by duration: Duration) -> Instant { Instant(offset: offset + duration) }
    func duration(to other: Instant) -> Duration { other.offset - offset }
    static func < (lhs: Instant, rhs: Instant) -> Bool { lhs.offset < rhs.offset }
  }

  private struct Sleeper {
    var deadline: Instant
    var continuation: CheckedContinuation<Void, Never>
  }

  private struct State {
    var now = Instant(offset: .zero)
    var requested: [Duration] = []
    var sleepers: [Sleeper] = []
  }

  private let state = Mutex(State())

  var now: Instant { state.withLock { $0.now } }
  var minimumResolution: Duration { .zero }

  /// How long each sleep asked for, in the order the sleeps began.
  var requestedSleeps: [Duration] { state.withLock { $0.requested } }

  /// How many sleeps are waiting for the clock to reach their deadline.
  var pendingSleeps: Int { state.withLock { $0.sleepers.count } }

  func sleep(until deadline: Instant, tolerance: Duration?) async throws {
    await withCheckedContinuation { continuation in
      let isDue = state.withLock { state -> Bool in
        state.requested.append(state.now.duration(to: deadline))
        guard deadline > state.now else { return true }
        state.sleepers.append(Sleeper(deadline: deadline, continuation: continuation))
        return false
      }
      if isDue { continuation.resume() }
    }
  }

  /// Moves `now` forward by `duration` and wakes every sleep whose deadline it reaches, earliest
  /// deadline first.
  func advance(by duration: Duration) {
    let due = state.withLock { state -> [Sleeper] in
      state.now = state.now.advanced(by: duration)
      let now = state.now
      let due = state.sleepers.filter { $0.deadline <= now }.sorted { $0.deadline < $1.deadline }
      state.sleepers.removeAll { $0.deadline <= now }
      return due
    }
    for sleeper in due { sleeper.continuation.resume() }
  }

  /// Waits until `count` sleeps are pending at once; false if that has not happened after
  /// `patience` of real time (a generous bound: the reference reaches it in microseconds).
  func waitForPendingSleeps(_ count: Int, patience: Duration = .seconds(30)) async -> Bool {
    let giveUp = ContinuousClock.now.advanced(by: patience)
    while pendingSleeps < count {
      guard ContinuousClock.now < giveUp else { return false }
      try? await Task.sleep(for: .milliseconds(1))
    }
    return true
  }
}
