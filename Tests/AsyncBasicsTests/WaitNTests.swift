import AsyncBasics
import Testing

@Suite("waitN (task 1)")
struct WaitNTests {
  @Test("returns n delays within bounds", arguments: [0, 1, 7])
  func returnsNDelays(n: Int) async {
    let delays = await waitN(n: n, maxDelay: 1)
    #expect(delays.count == n)
    #expect(delays.allSatisfy { (0...1).contains($0) })
  }

  @Test("maxDelay 0 returns n zeros")
  func zeroMaxDelay() async {
    #expect(await waitN(n: 5, maxDelay: 0) == [0, 0, 0, 0, 0])
  }

  @Test("delays come in ascending order, up to timer jitter")
  func ascendingOrder() async {
    let delays = await waitN(n: 30, maxDelay: 1)
    #expect(Timing.inversions(in: delays).isEmpty, "out of order: \(delays)")
  }

  @Test("runs the calls concurrently: all 50 sleeps are pending at once, done after maxDelay")
  func runsConcurrently() async throws {
    let clock = ManualClock()
    // In sequence only one sleep would ever be pending, and 50 would take about 25 s.
    let delays = try #require(
      await Timing.run(on: clock, expectingPendingSleeps: 50, advance: .seconds(1)) {
        await waitN(n: 50, maxDelay: 1)
      })
    #expect(delays.count == 50)
    // Each returned delay is one sleep's length (up to the attoseconds a Duration rounds to).
    let sleeps = clock.requestedSleeps.map(Timing.seconds(of:)).sorted()
    #expect(Timing.matches(sleeps, delays.sorted()), "slept \(sleeps), returned \(delays)")
  }

  @Test("a negative n stops the program")
  func negativeNTraps() async {
    await #expect(processExitsWith: .failure) {
      _ = await waitN(n: -1, maxDelay: 1)
    }
  }
}
