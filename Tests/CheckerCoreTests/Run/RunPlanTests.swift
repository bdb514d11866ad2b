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
