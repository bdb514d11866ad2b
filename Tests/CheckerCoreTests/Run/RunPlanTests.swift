import CheckerCore
import Testing

@Suite("RunPlan draws reproducible inputs that cover the edges")
struct RunPlanTests {
  @Test("the same seed gives the same calls; another seed, others")
  func reproducible() {
    #expect(RunPlan(seed: 42).calls == RunPlan(seed: 42).calls)
    let variants = Set((1...20).map { RunPlan(seed: $0).calls(forTask: 1).map(\.n) })
    #expect(variants.count > 1)
  }

  /// Seed 7's inputs, as the plan drew them when behaviours moved to files of their own: a
  /// report's `--seed` must replay what it graded, whatever the code's layout.
  @Test("a seed draws the inputs it always has")
  func pinnedSeed() {
    // The original five tasks: a task added after them draws after them.
    let drawn = RunPlan(seed: 7).calls.filter {
      $0.taskID < 5 && ($0.purpose == .sample || $0.purpose == .probe)
    }
    let inputs = drawn.map { "\($0.taskID):\($0.n):\($0.maxDelay)" }.joined(separator: " ")
    #expect(
      inputs
        == "0:0:0 0:0:0 0:0:2 0:0:1 0:0:1 0:0:1 1:0:1 1:1:2 1:6:1 1:24:1 1:17:2 1:3:0 1:6:1 "
        + "2:1:1 2:5:1 2:5:2 2:16:2 2:3:0 3:0:0 3:0:1 3:0:2 3:0:2 3:0:1 3:0:2 "
        + "4:0:1 4:1:1 4:5:1 4:13:1 4:39:2 4:5:0 4:6:1")
    #expect(RunPlan(seed: 7).calls(forTask: 0).filter { $0.purpose == .batch }.count == 100)
  }

  @Test("list tasks always include n 0, n 1, some n ≥ 10 and maxDelay 2", arguments: [1, 4])
  func coverage(task: Int) {
    for seed in UInt64(0)..<50 {
      let calls = RunPlan(seed: seed).calls(forTask: task)
      #expect(calls.contains { $0.n == 0 })
      #expect(calls.contains { $0.n == 1 })
      #expect(calls.contains { $0.n >= 10 })
      #expect(calls.contains { $0.maxDelay == 2 })
      #expect(calls.allSatisfy { (0...40).contains($0.n) && (0...2).contains($0.maxDelay) })
    }
  }

  @Test("ids are unique; the time limit is a few times the longest sleep")
  func limits() {
    let plan = RunPlan(seed: 7)
    #expect(Set(plan.calls.map(\.id)).count == plan.calls.count)
    for task in Exercise.tasks.map(\.id) {
      #expect(plan.timeLimit(forTask: task) == 2 * RunPlan.defaultArgumentWindow + 2)
    }
  }
}
