import Testing

@testable import CheckerCore

/// Time allowances against the control: what the harness's own sleeps say of the machine at
/// the moment of a call is added to the absolute tolerance, up to a limit.
extension JudgeTests {
  /// Task 0's calls, each returning half its maxDelay and taking `late` seconds longer, while
  /// the control's sleeps ended `control` late (`nil`: the harness sent no control).
  func lateSleeps(_ late: Double, control: Double?) -> TaskEvidence {
    var evidence = TaskEvidence(taskID: 0, calls: [], isInstrumented: true)
    evidence.calls = RunPlan(seed: 3).calls(forTask: 0).map { plan in
      var call = TaskEvidence.Call(plan: plan)
      let value = Double(plan.maxDelay) / 2
      call.started = 0
      call.values = [value]
      call.ended = value + (value > 0 ? late : 0)
      call.machineLateness = control
      return call
    }
    return evidence
  }

  @Test(
    "a sleep that ends late passes only when the control ended late at that moment, up to 0.5 s",
    arguments: [
      // The absolute tolerance alone: 0.25 s.
      (late: 0.4, control: nil, passes: false),
      (late: 0.2, control: nil, passes: true),
      // A calm machine adds next to nothing.
      (late: 0.4, control: 0.02, passes: false),
      // A busy one adds twice its lateness.
      (late: 0.4, control: 0.1, passes: true),
      // Never more than 0.5 s, however late the control (student code can slow it too).
      (late: 0.8, control: 3.0, passes: false),
      (late: 0.7, control: 3.0, passes: true),
    ] as [(late: Double, control: Double?, passes: Bool)])
  func sleepAgainstControl(late: Double, control: Double?, passes: Bool) throws {
    let check = try #require(
      verdict("sleeps-returned-delay", task: 0, lateSleeps(late, control: control)))
    #expect(check.status == (passes ? .passed : .failed), "\(check.message)")
    guard !passes else { return }
    #expect(check.failedOnTime == true)
    // The report says what the control saw, when there was one.
    #expect(check.details.contains { $0.contains("the checker's own sleeps") } == (control != nil))
  }

  @Test("a task handed back late is excused by a busy machine as much as a sleep is")
  func immediateReturnAgainstControl() throws {
    func evidence(control: Double?) -> TaskEvidence {
      var evidence = TaskEvidence(taskID: 3, calls: [], isInstrumented: true)
      evidence.calls = RunPlan(seed: 3).calls(forTask: 3).map { plan in
        var call = TaskEvidence.Call(plan: plan)
        let value = Double(plan.maxDelay) / 2
        (call.started, call.returned, call.ended, call.values) = (0, 0.4, 0.4 + value, [value])
        call.machineLateness = control
        // Its task's sleep starts as it is handed back, and lasts the value.
        evidence.sleeps.append(
          .init(
            context: plan.id, start: 0.4, end: 0.4 + value, value: value,
            maxDelayArgument: .given(plan.maxDelay)))
        evidence.spawnContexts.append(plan.id)
        return call
      }
      return evidence
    }
    let calm = try #require(verdict("returns-at-once", task: 3, evidence(control: 0.01)))
    #expect(calm.status == .failed && calm.failedOnTime == true)
    let busy = try #require(verdict("returns-at-once", task: 3, evidence(control: 0.1)))
    #expect(busy.status == .passed, "\(busy.message)")
  }
}
