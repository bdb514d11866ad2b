import AsyncBasics
import Testing

@Suite("waitRandom (task 0)")
struct WaitRandomTests {
  @Test("returns a delay within 0...maxDelay", arguments: [0, 1])
  func delayIsInBounds(maxDelay: Int) async {
    let delay = await waitRandom(maxDelay: maxDelay)
    #expect((0...Double(maxDelay)).contains(delay))
  }

  @Test("maxDelay 0 returns 0 without sleeping")
  func zeroMaxDelayReturnsZero() async {
    let clock = ManualClock()
    let delay = await ReferenceClock.$current.withValue(clock) { await waitRandom(maxDelay: 0) }
    #expect(delay == 0)
    #expect(clock.requestedSleeps.isEmpty)
  }

  @Test("delays are fractional and spread, not whole seconds")
  func delaysAreFractional() async {
    let delays = await withTaskGroup(of: Double.self) { group in
      for _ in 0..<20 { group.addTask { await waitRandom(maxDelay: 1) } }
      return await group.reduce(into: []) { $0.append($1) }
    }
    let fractional = delays.filter { $0 != $0.rounded() }
    // Twenty uniform draws from [0, 1] are all whole only with probability 0.
    #expect(fractional.count == delays.count)
    #expect(Set(delays).count > 1)
  }

  @Test("sleeps once, on its clock, exactly the delay it returns")
  func sleepsTheReturnedDelay() async throws {
    let clock = ManualClock()
    let delay = try #require(
      await Timing.run(on: clock, expectingPendingSleeps: 1, advance: .seconds(1)) {
        await waitRandom(maxDelay: 1)
      })
    let sleeps = clock.requestedSleeps.map(Timing.seconds(of:))
    #expect(Timing.matches(sleeps, [delay]), "slept \(sleeps), returned \(delay)")
  }

  @Test("on the machine's clock, never wakes before the delay it returns")
  func neverWakesEarly() async {
    var delay = 0.0
    let seconds = await Timing.seconds { delay = await waitRandom(maxDelay: 1) }
    // Only a lower bound: how late a timer fires depends on the machine's load.
    #expect(seconds >= delay - 0.001)
  }

  @Test("a negative maxDelay stops the program")
  func negativeMaxDelayTraps() async {
    await #expect(processExitsWith: .failure) {
      _ = await waitRandom(maxDelay: -1)
    }
  }
}
