import Testing

@testable import CheckerCore

/// The judge on hand-made evidence: each tolerance and rule, without running anything.
@Suite("Judge turns evidence into verdicts")
struct JudgeTests {
  let facts = SourceFacts(
    submission: Submission(
      displayPath: "x", origin: .folder, languageMode: 6,
      files: [
        SourceFile(
          relativePath: "A.swift",
          text: "func waitN(n: Int, maxDelay: Int) async -> [Double] { waitRandom() }")
      ]))
  let callable: BuildResult = BuildResult(
    availability: Dictionary(
      uniqueKeysWithValues: (0...4).map { ($0, .callable(signatureProblem: nil)) }),
    launcher: ["x"], isInstrumented: false, submissionErrors: [],
    seconds: 0)

  /// Task 1 evidence where every call returns `values(n)` and takes `duration(n)` seconds.
  func waitNEvidence(values: (PlannedCall) -> [Double], duration: (PlannedCall) -> Double)
    -> TaskEvidence
  {
    let plan = RunPlan(seed: 3).calls(forTask: 1)
    var evidence = TaskEvidence(taskID: 1, calls: [], isInstrumented: false)
    evidence.calls = plan.map { call in
      var record = TaskEvidence.Call(plan: call)
      record.started = 0
      record.values = values(call)
      record.ended = duration(call)
      return record
    }
    return evidence
  }

  func verdict(_ name: String, task: Int = 1, _ evidence: TaskEvidence, build: BuildResult? = nil)
    -> CheckReport?
  {
    let tasks = [Exercise.tasks[task]]
    return Judge.grade(tasks, build: build ?? callable, evidence: [task: evidence], facts: facts)
      .first?.checks.first { $0.name == name }
  }

  /// n evenly spaced delays in 0...maxDelay, ascending.
  static func ascending(_ call: PlannedCall) -> [Double] {
    (0..<call.n).map { Double(call.maxDelay) * (Double($0) + 0.5) / Double(max(call.n, 1)) }
  }

  @Test("neighbours out of order by less than the tolerance still count as ascending")
  func orderTolerance() {
    func inverted(by gap: Double) -> TaskEvidence {
      waitNEvidence(
        values: { call in
          var values = Self.ascending(call)
          if values.count >= 2 { values[1] = values[0] - gap }
          return values
        }, duration: { Double($0.maxDelay) })
    }
    #expect(verdict("ascending", inverted(by: Tolerances.order / 2))?.status == .passed)
    let failed = verdict("ascending", inverted(by: Tolerances.order * 2))
    #expect(failed?.status == .failed)
    #expect(failed?.message.contains("comes before") == true)
  }

  @Test("a call that takes the sum of its delays is not concurrent; about the longest one is")
  func concurrency() {
    let concurrent = waitNEvidence(
      values: Self.ascending, duration: { (Self.ascending($0).max() ?? 0) + 0.01 })
    #expect(verdict("concurrent", concurrent)?.status == .passed)
    let sequential = waitNEvidence(
      values: Self.ascending, duration: { Self.ascending($0).reduce(0, +) + 0.01 })
    let failed = verdict("concurrent", sequential)
    #expect(failed?.status == .failed)
    #expect(failed?.message.contains("concurrent calls finish in about the longest delay") == true)
  }

  @Test("a crash fails the checks it interrupted, naming the call and the signal")
  func crash() {
    var evidence = waitNEvidence(values: Self.ascending, duration: { Double($0.maxDelay) })
    let crashed = evidence.calls.indices.first { evidence.calls[$0].plan.n >= 10 } ?? 0
    evidence.calls[crashed].values = nil
    evidence.calls[crashed].ended = nil
    evidence.calls[crashed].interruption = .crashed(signal: 4)
    let failed = verdict("count", evidence)
    #expect(failed?.status == .failed)
    #expect(failed?.message.contains("crashed with signal 4") == true)
  }

  @Test("a timeout is reported by the timing check; the others judge the calls that returned")
  func timeoutOwnedByTimingCheck() {
    var evidence = waitNEvidence(values: Self.ascending, duration: { Double($0.maxDelay) })
    let slow = evidence.calls.indices.first { evidence.calls[$0].plan.n >= 10 } ?? 0
    evidence.calls[slow].values = nil
    evidence.calls[slow].ended = nil
    evidence.calls[slow].interruption = .timedOut(seconds: 6.4)
    #expect(verdict("count", evidence)?.status == .passed)
    let timing = verdict("concurrent", evidence)
    #expect(timing?.status == .failed)
    #expect(timing?.message.contains("did not return within 6.4 s") == true)
  }

  @Test("a missing prerequisite skips the behaviour checks, with the reason")
  func missingPrerequisite() {
    var build = callable
    build.availability[0] = .missing
    let evidence = waitNEvidence(values: Self.ascending, duration: { Double($0.maxDelay) })
    let skipped = verdict("count", evidence, build: build)
    #expect(skipped?.status == .skipped)
    #expect(skipped?.message == "needs waitRandom (task 0): no waitRandom to call")
  }

  @Test("a wrong signature fails the signature check with what was expected and found")
  func wrongSignature() {
    var build = callable
    build.availability[3] = .wrongSignature(
      found: "func taskWaitRandom(maxDelay: Int) async -> Task<Double, Never>")
    let report = Judge.grade([Exercise.tasks[3]], build: build, evidence: [:], facts: facts)[0]
    #expect(report.checks[0].status == .failed)
    #expect(
      report.checks[0].message
        == "expected `func taskWaitRandom(maxDelay: Int) -> Task<Double, Never>` (a plain function, not async), found `func taskWaitRandom(maxDelay: Int) async -> Task<Double, Never>`"
    )
    #expect(report.checks.dropFirst().allSatisfy { $0.status == .skipped })
  }
}
