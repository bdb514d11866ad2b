import AsyncBasics
import Testing

@Suite("taskWaitRandom (task 3)")
struct TaskWaitRandomTests {
  @Test("returns the task while its sleep is still pending; the task sleeps exactly its value")
  func returnsBeforeTheSleepEnds() async {
    let clock = ManualClock()
    let task = ReferenceClock.$current.withValue(clock) { taskWaitRandom(maxDelay: 1) }
    // The clock has not moved: a sleep pending now began inside a task that outlived the call.
    #expect(await clock.waitForPendingSleeps(1))
    clock.advance(by: .seconds(1))
    let delay = await task.value
    #expect((0...1).contains(delay))
    let sleeps = clock.requestedSleeps.map(Timing.seconds(of:))
    #expect(Timing.matches(sleeps, [delay]), "slept \(sleeps), returned \(delay)")
  }

  @Test("on the machine's clock, the task never finishes before its delay")
  func taskNeverEarly() async {
    var delay = 0.0
    let seconds = await Timing.seconds { delay = await taskWaitRandom(maxDelay: 1).value }
    #expect(seconds >= delay - 0.001)
  }
}
