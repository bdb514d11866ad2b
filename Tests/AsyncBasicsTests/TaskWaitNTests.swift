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

  @Test("runs the tasks concurrently")
  func runsConcurrently() async {
    var delays: [Double] = []
    let seconds = await Timing.seconds { delays = await taskWaitN(n: 50, maxDelay: 1) }
    #expect(delays.count == 50)
    #expect(seconds < 2)
  }

  @Test("a negative n stops the program")
  func negativeNTraps() async {
    await #expect(processExitsWith: .failure) {
      _ = await taskWaitN(n: -1, maxDelay: 1)
    }
  }
}
