import AsyncBasics
import Testing

@Suite("measureTime (task 2)")
struct MeasureTimeTests {
  @Test(
    "returns the time waitN took on its clock divided by n: concurrent calls take maxDelay in all",
    arguments: [1, 4, 10])
  func averageOfTotal(n: Int) async throws {
    let clock = ManualClock()
    let average = try #require(
      await Timing.run(on: clock, expectingPendingSleeps: n, advance: .seconds(1)) {
        await measureTime(n: n, maxDelay: 1)
      })
    // The clock moved exactly 1 s while the n sleeps were pending together.
    #expect(abs(average - 1.0 / Double(n)) < 1e-12)
  }

  @Test("n 0 returns 0 and does not crash")
  func zeroCalls() async {
    #expect(await measureTime(n: 0, maxDelay: 1) == 0)
  }
}
