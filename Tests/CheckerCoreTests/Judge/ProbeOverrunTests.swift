import Testing

@testable import CheckerCore

/// A probe's sleeps last what their schedule gave them, up to a late timer on the machine of
/// the moment; one stretched longer means the event loop was changed to reorder them.
@Suite("A probe sleep stretched past its schedule")
struct ProbeOverrunTests {
  static let probe = RunPlan(seed: 1).calls.first { $0.purpose == .probe && $0.taskID == 1 }

  /// The probe's sleeps, each lasting its scheduled duration plus `extra(index)`.
  static func sleeps(_ plan: PlannedCall, extra: (Int) -> Double) -> [TaskEvidence.Sleep] {
    plan.schedule.enumerated().map { index, planned in
      TaskEvidence.Sleep(
        context: plan.id, start: 0.01, end: 0.01 + planned.duration + extra(index),
        value: planned.value)
    }
  }

  @Test("sleeps about as long as given, late timers included, are not stretched")
  func honest() throws {
    let plan = try #require(Self.probe)
    var call = TaskEvidence.Call(plan: plan)
    #expect(ListChecks.overrun(Self.sleeps(plan) { _ in 0.2 }, of: call) == nil)
    // A busy machine: the control's sleeps ended 0.3 s late, so 0.6 s more is allowed (capped
    // at 0.5).
    call.machineLateness = 0.3
    #expect(ListChecks.overrun(Self.sleeps(plan) { _ in 0.7 }, of: call) == nil)
  }

  @Test("a sleep stretched by more than a late timer is found, the longest overrun named")
  func stretched() throws {
    let plan = try #require(Self.probe)
    let call = TaskEvidence.Call(plan: plan)
    let found = try #require(
      ListChecks.overrun(Self.sleeps(plan) { $0 == 2 ? 1.2 : ($0 == 4 ? 0.6 : 0) }, of: call))
    #expect(found.given == plan.schedule[2].duration)
    #expect(abs(found.lasted - (plan.schedule[2].duration + 1.2)) < 1e-9)
    // Even on a busy machine, the allowance is capped.
    var busy = call
    busy.machineLateness = 3
    #expect(ListChecks.overrun(Self.sleeps(plan) { _ in 1.0 }, of: busy) != nil)
  }
}
