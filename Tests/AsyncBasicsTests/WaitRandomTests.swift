import AsyncBasics
import Testing

@Suite("waitRandom (task 0)")
struct WaitRandomTests {
  @Test("returns a delay within 0...maxDelay", arguments: [0, 1])
  func delayIsInBounds(maxDelay: Int) async {
    let delay = await waitRandom(maxDelay: maxDelay)
    #expect((0...Double(maxDelay)).contains(delay))
  }

  @Test("maxDelay 0 returns 0 at once")
  func zeroMaxDelayReturnsZero() async {
    var delay = -1.0
    let seconds = await Timing.seconds { delay = await waitRandom(maxDelay: 0) }
    #expect(delay == 0)
    #expect(seconds < 0.5)
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

  @Test("sleeps about as long as the delay it returns")
  func sleepsTheReturnedDelay() async {
    var delay = 0.0
    let seconds = await Timing.seconds { delay = await waitRandom(maxDelay: 1) }
    // Never early; late by at most a generous scheduling margin.
    #expect(seconds >= delay - 0.001)
    #expect(seconds < delay + 0.5)
  }

  @Test("a negative maxDelay stops the program")
  func negativeMaxDelayTraps() async {
    await #expect(processExitsWith: .failure) {
      _ = await waitRandom(maxDelay: -1)
    }
  }
}
