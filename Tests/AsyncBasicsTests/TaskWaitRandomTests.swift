import AsyncBasics
import Testing

@Suite("taskWaitRandom (task 3)")
struct TaskWaitRandomTests {
  @Test("returns a started task at once; its value is within bounds")
  func returnsImmediately() async {
    var task: Task<Double, Never>?
    let seconds = await Timing.seconds { task = taskWaitRandom(maxDelay: 1) }
    #expect(seconds < 0.05)
    let delay = await task?.value
    #expect(delay.map { (0...1).contains($0) } == true)
  }

  @Test("the task sleeps about its delay")
  func taskSleeps() async {
    var delay = 0.0
    let seconds = await Timing.seconds { delay = await taskWaitRandom(maxDelay: 1).value }
    #expect(seconds >= delay - 0.001)
    #expect(seconds < delay + 0.5)
  }
}
