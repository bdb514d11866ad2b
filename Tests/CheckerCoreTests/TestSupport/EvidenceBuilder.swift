@testable import CheckerCore

/// Hand-made evidence for the judge's tests: the calls of a task as the plan makes them, with
/// the values, timings and recorded sleeps a test chooses.
struct EvidenceBuilder {
  /// How the sleeps of a list call are laid out in time.
  enum Layout {
    /// All start at 0; each lasts its value.
    case concurrent
    /// Each starts when the previous one ends.
    case sequential
  }

  let taskID: Int
  let plan: [PlannedCall]

  init(task taskID: Int, seed: UInt64 = 3) {
    self.taskID = taskID
    self.plan = RunPlan(seed: seed).calls(forTask: taskID)
  }

  /// n evenly spaced delays in 0...maxDelay, ascending (the probe's scheduled values for a
  /// probe call, in the order its sleeps end).
  static func ascending(_ call: PlannedCall) -> [Double] {
    if call.purpose == .probe { return completionOrder(call) }
    return (0..<call.n).map {
      Double(call.maxDelay) * (Double($0) + 0.5) / Double(max(call.n, 1))
    }
  }

  /// A probe call's scheduled values in the order the sleeps end.
  static func completionOrder(_ call: PlannedCall) -> [Double] {
    call.schedule.sorted { $0.duration < $1.duration }.map(\.value)
  }

  /// Evidence for a list task (1 or 4) whose calls return `values` and whose sleeps, recorded
  /// by the checker's `waitRandom`, are laid out as `layout`.
  func listEvidence(
    layout: Layout = .concurrent, values: (PlannedCall) -> [Double] = Self.ascending
  ) -> TaskEvidence {
    var evidence = TaskEvidence(taskID: taskID, calls: [], isInstrumented: true)
    for call in plan {
      var record = TaskEvidence.Call(plan: call)
      record.started = 0
      let returned = values(call)
      record.values = returned
      // Sleeps: the schedule for a probe, else one per value.
      let sleeps: [(duration: Double, value: Double)] =
        call.schedule.isEmpty
        ? Self.ascending(call).map { ($0, $0) } : call.schedule.map { ($0.duration, $0.value) }
      var clock = 0.0
      for sleep in sleeps {
        let start = layout == .concurrent ? 0 : clock
        let end = start + sleep.duration
        clock = end
        evidence.sleeps.append(
          .init(
            context: call.id, start: start, end: end, value: sleep.value,
            maxDelayArgument: .given(call.maxDelay)))
        if taskID == 4 { evidence.spawnContexts.append(call.id) }
      }
      record.ended = (evidence.sleeps(forCall: call.id).map(\.end).max() ?? 0) + 0.01
      evidence.calls.append(record)
    }
    return evidence
  }

  /// Evidence for a task whose every call returns at once with `value` and records nothing:
  /// the untouched starter.
  func starterEvidence(value: (PlannedCall) -> [Double]) -> TaskEvidence {
    var evidence = TaskEvidence(taskID: taskID, calls: [], isInstrumented: true)
    evidence.calls = plan.map { call in
      var record = TaskEvidence.Call(plan: call)
      record.started = 0
      record.returned = 0.0001
      record.values = value(call)
      record.ended = 0.0002
      return record
    }
    return evidence
  }
}
