import AsyncBasics
import Testing

@Suite("taskWaitN (task 4)")
struct TaskWaitNTests {
  @Test("returns n delays within bounds", arguments: [0, 1, 7])
  func returnsNDelays(n: Int) async {
    let delays = await taskWaitN(n: n, maxDelay: 1)
    #expect(delays.count == n)
    #expect(delays.allSatisfy { (0...1).contains($0) })
  }

  @Test("delays come in ascending order, up to timer jitter")
  func ascendingOrder() async {
    let delays = await taskWaitN(n: 30, maxDelay: 1)
    #expect(Timing.inversions(in: delays).isEmpty, "out of order: \(delays)")
  }

  @Test("runs the tasks concurrently: all 50 sleeps are pending at once")
  func runsConcurrently() async throws {
    let clock = ManualClock()
    let delays = try #require(
      await Timing.run(on: clock, expectingPendingSleeps: 50, advance: .seconds(1)) {
        await taskWaitN(n: 50, maxDelay: 1)
      })
    #expect(delays.count == 50)
    // Each returned delay is one sleep's length (up to the attoseconds a Duration rounds to).
    let sleeps = clock.requestedSleeps.map(Timing.seconds(of:)).sorted()
    #expect(Timing.matches(sleeps, delays.sorted()), "slept \(sleeps), returned \(delays)")
  }

  @Test("a negative n stops the program")
  func negativeNTraps() async {
    await #expect(processExitsWith: .failure) {
      _ = await taskWaitN(n: -1, maxDelay: 1)
    }
  }
}
