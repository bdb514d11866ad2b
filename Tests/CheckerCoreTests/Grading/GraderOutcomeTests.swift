import Testing

@testable import CheckerCore

/// How a task's outcome is named from its calls: `hang` is a call that should have ended at
/// once and did not, not a call that blocking code never let start.
@Suite("A task's outcome tells a hang from code that blocks")
struct GraderOutcomeTests {
  func call(n: Int, maxDelay: Int, started: Double?, timedOut: Bool) -> TaskEvidence.Call {
    var call = TaskEvidence.Call(
      plan: PlannedCall(
        id: 0, taskID: 0, n: n, maxDelay: maxDelay, purpose: .sample))
    call.started = started
    if timedOut {
      call.interruption = .timedOut(seconds: 6)
    } else {
      call.ended = (started ?? 0) + Double(maxDelay)
      call.values = [Double(maxDelay) / 2]
    }
    return call
  }

  func outcome(_ calls: [TaskEvidence.Call]) -> TaskOutcome {
    var evidence = TaskEvidence(taskID: 0, calls: [], isInstrumented: true)
    evidence.calls = calls
    let report = TaskReport(
      id: 0, title: "0", function: "waitRandom",
      checks: [CheckReport(name: "non-blocking", title: "t", status: .failed)], printed: nil)
    return GradeReportBuilder.outcome(
      of: report, availability: .callable(signatureProblem: nil), evidence: evidence)
  }

  @Test("a short call that started and never ended hung")
  func hung() {
    #expect(outcome([call(n: 0, maxDelay: 1, started: 0.01, timedOut: true)]) == .hang)
  }

  @Test("short calls held up by blocking ones (started late, or never) are not a hang")
  func blocked() {
    let calls = [
      call(n: 0, maxDelay: 1, started: 0.01, timedOut: false),
      call(n: 0, maxDelay: 1, started: 5.6, timedOut: true),
      call(n: 0, maxDelay: 1, started: nil, timedOut: true),
    ]
    #expect(outcome(calls) == .failingChecks)
  }

  @Test("nothing started at all (the code hung before any call): a hang")
  func nothingStarted() {
    #expect(outcome([call(n: 0, maxDelay: 0, started: nil, timedOut: true)]) == .hang)
  }
}
