import AsyncBasics
import Testing

@Suite("measureTime (task 2)")
struct MeasureTimeTests {
  @Test("returns the elapsed time divided by n")
  func averageOfTotal() async {
    var average = 0.0
    let seconds = await Timing.seconds { average = await measureTime(n: 4, maxDelay: 1) }
    #expect(average > 0)
    // The caller's own measurement includes the callee's: average × n cannot exceed it.
    #expect(average * 4 <= seconds + 0.001)
    #expect(average * 4 > seconds - 0.25)
  }

  @Test("concurrent calls keep the total near maxDelay, so the average is well under it")
  func averageIsBelowMaxDelay() async {
    let average = await measureTime(n: 10, maxDelay: 1)
    #expect(average < 0.5)
  }

  @Test("n 0 returns 0 and does not crash")
  func zeroCalls() async {
    #expect(await measureTime(n: 0, maxDelay: 1) == 0)
  }
}
