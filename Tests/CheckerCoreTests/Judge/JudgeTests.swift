import Testing

@testable import CheckerCore

/// The judge on hand-made evidence: each tolerance and rule, without running anything.
@Suite("Judge turns evidence into verdicts")
struct JudgeTests {
  let facts: SourceFacts = {
    var facts = SourceFacts(
      submission: Submission(
        displayPath: "x", origin: .folder, languageMode: 6,
        files: [
          SourceFile(
            relativePath: "A.swift",
            text: """
              /// Sleeps a random delay.
              func waitRandom(maxDelay: Int = 10) async -> Double { 0 }
              /// Runs waitRandom n times at once.
              func waitN(n: Int, maxDelay: Int) async -> [Double] { waitRandom() }
              /// Times waitN.
              func measureTime(n: Int, maxDelay: Int) async -> Double { 0 }
              /// Starts waitRandom in a task.
              func taskWaitRandom(maxDelay: Int) -> Task<Double, Never> { Task { 0 } }
              /// Runs taskWaitRandom n times.
              func taskWaitN(n: Int, maxDelay: Int) async -> [Double] { [] }
              """)
        ]))
    facts.swiftFormat = .ran([], configuration: "default")
    return facts
  }()
  let callable: BuildResult = BuildResult(
    availability: Dictionary(
      uniqueKeysWithValues: Exercise.tasks.map { ($0.id, .callable(signatureProblem: nil)) }),
    launcher: ["x"], isInstrumented: true, submissionErrors: [],
    seconds: 0)
  let waitN = EvidenceBuilder(task: 1)

  func report(task: Int, _ evidence: TaskEvidence, build: BuildResult? = nil) -> TaskReport? {
    Judge.grade(
      [Exercise.tasks[task]], build: build ?? callable, evidence: [task: evidence], facts: facts
    ).first
  }

  func verdict(_ name: String, task: Int = 1, _ evidence: TaskEvidence, build: BuildResult? = nil)
    -> CheckReport?
  {
    report(task: task, evidence, build: build)?.checks.first { $0.name == name }
  }

  /// A task's behaviour checks: not its signature, not the requirements read from the sources.
  static func behaviour(_ report: TaskReport) -> [CheckReport] {
    let sourceOnly = Set(
      CheckCatalog.checks(forTask: report.id).filter(\.readsSourceOnly).map(\.name))
    return report.checks.dropFirst().filter { !sourceOnly.contains($0.name) }
  }

  @Test("a correct list function passes every check")
  func correctList() throws {
    let report = try #require(self.report(task: 1, waitN.listEvidence()))
    #expect(report.checks.allSatisfy { $0.status == .passed }, "\(report.checks)")
  }

  @Test("neighbours out of order by less than the tolerance still count as ascending")
  func orderTolerance() {
    func inverted(by gap: Double) -> TaskEvidence {
      waitN.listEvidence(values: { call in
        var values = EvidenceBuilder.ascending(call)
        if call.purpose == .sample, values.count >= 2 { values[1] = values[0] - gap }
        return values
      })
    }
    #expect(verdict("ascending", inverted(by: Tolerances.order / 2))?.status == .passed)
    let failed = verdict("ascending", inverted(by: Tolerances.order * 2))
    #expect(failed?.status == .failed)
    #expect(failed?.message.contains("comes before") == true)
  }

  @Test(
    "a list in ascending value order is ascending even when a late start made its sleeps end out of that order"
  )
  func sortedListUnderLoad() throws {
    var evidence = waitN.listEvidence()
    let call = try #require(
      evidence.calls.first { $0.plan.purpose == .sample && $0.plan.n >= 3 && $0.plan.maxDelay > 0 })
    // The smallest value's sleep started 0.3 s late (a paused process): it ended after the
    // next ones, while the list stays sorted by value.
    let smallest = try #require(
      evidence.sleeps.indices.filter {
        evidence.sleeps[$0].context == call.plan.id
      }.min { evidence.sleeps[$0].value < evidence.sleeps[$1].value })
    let late = evidence.sleeps[smallest]
    evidence.sleeps[smallest] = .init(
      context: late.context, start: late.start + 0.3, end: late.end + 0.3, value: late.value,
      maxDelayArgument: late.maxDelayArgument)
    #expect(verdict("ascending", evidence)?.status == .passed)
    // Neither by value nor by when the sleeps ended: spawn order, say.
    let shuffled = waitN.listEvidence(values: { call in
      let values = EvidenceBuilder.ascending(call)
      guard call.purpose == .sample, values.count >= 3 else { return values }
      return [values[2], values[0], values[1]] + values.dropFirst(3)
    })
    #expect(verdict("ascending", shuffled)?.status == .failed)
  }

  @Test("sleeps one after the other are not concurrent, whatever the wall time says")
  func concurrency() {
    #expect(verdict("concurrent", waitN.listEvidence(layout: .concurrent))?.status == .passed)
    let failed = verdict("concurrent", waitN.listEvidence(layout: .sequential))
    #expect(failed?.status == .failed)
    #expect(failed?.message.contains("at most 1 of its") == true)
    #expect(failed?.details.first?.contains("start all n calls first") == true)
  }

  @Test(
    "the probe tells sorting, descending and spawn order from completion order",
    arguments: [
      ("sorted", "it sorts;"), ("descending", "descending"), ("spawn", "the calls were started"),
    ])
  func probeOrder(kind: String, expected: String) {
    let evidence = waitN.listEvidence(values: { call in
      guard call.purpose == .probe else { return EvidenceBuilder.ascending(call) }
      switch kind {
      case "sorted": return call.schedule.map(\.value).sorted()
      case "descending": return call.schedule.map(\.value).sorted(by: >)
      default: return call.schedule.map(\.value)
      }
    })
    let failed = verdict("no-sort", evidence)
    #expect(failed?.status == .failed)
    #expect(failed?.message.contains(expected) == true, "\(failed?.message ?? "")")
  }

  @Test("the starter's empty lists pass nothing but the signature")
  func noVacuousPass() throws {
    let starter = try #require(self.report(task: 1, waitN.starterEvidence { _ in [] }))
    #expect(Self.behaviour(starter).allSatisfy { $0.status != .passed }, "\(starter.checks)")
    // Its tidy, documented stub earns no requirement points either: they count once it works.
    let requirements = starter.checks.filter { ["documented", "swift-format"].contains($0.name) }
    #expect(requirements.count == 2)
    #expect(
      requirements.allSatisfy {
        $0.status == .skipped && $0.message.hasPrefix("requirements count once")
      })
    let measure = try #require(
      self.report(task: 2, EvidenceBuilder(task: 2).starterEvidence { _ in [0] }))
    #expect(Self.behaviour(measure).allSatisfy { $0.status != .passed }, "\(measure.checks)")
    let task = try #require(
      self.report(task: 3, EvidenceBuilder(task: 3).starterEvidence { _ in [0] }))
    #expect(Self.behaviour(task).allSatisfy { $0.status != .passed }, "\(task.checks)")
    let random = try #require(
      self.report(task: 0, EvidenceBuilder(task: 0).starterEvidence { _ in [0] }))
    #expect(Self.behaviour(random).allSatisfy { $0.status != .passed }, "\(random.checks)")
  }

  @Test("measureTime is judged against its waitN's run, relatively; waitN must run")
  func measureTime() {
    let builder = EvidenceBuilder(task: 2)
    func evidence(total: (Double) -> Double, runsWaitN: Bool = true) -> TaskEvidence {
      var evidence = builder.starterEvidence { _ in [0] }
      for index in evidence.calls.indices {
        let call = evidence.calls[index].plan
        let inner = Double(call.maxDelay) * 0.9
        // Under load the harness's own measurement runs long: 0.3 s here.
        evidence.calls[index].ended = inner + 0.3
        evidence.calls[index].values = [total(inner) / Double(call.n)]
        if runsWaitN {
          evidence.waitNCalls.append(
            .init(
              context: call.id, start: 0.01, end: 0.01 + inner, n: call.n, maxDelay: call.maxDelay))
        }
      }
      return evidence
    }
    #expect(verdict("average", task: 2, evidence(total: { $0 * 1.1 }))?.status == .passed)
    #expect(verdict("uses-wait-n", task: 2, evidence(total: { $0 }))?.status == .passed)
    let total = verdict("average", task: 2, evidence(total: { $0 * 5 }))
    #expect(total?.status == .failed)
    let never = evidence(total: { $0 }, runsWaitN: false)
    #expect(verdict("uses-wait-n", task: 2, never)?.status == .failed)
    #expect(verdict("average", task: 2, never)?.status == .skipped)
  }

  @Test("a crash seen once counts, even when every call returned when run again alone")
  func crashSeenOnce() {
    var evidence = waitN.listEvidence()
    evidence.crashes = [.crashed(signal: 4)]
    let failed = verdict("count", evidence)
    #expect(failed?.status == .failed)
    #expect(failed?.message.contains("crashed with signal 4") == true)
  }

  @Test("a crash fails the checks it interrupted, naming the call and the signal")
  func crash() {
    var evidence = waitN.listEvidence()
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
    var evidence = waitN.listEvidence()
    let slow = evidence.calls.indices.first { evidence.calls[$0].plan.n >= 10 } ?? 0
    evidence.calls[slow].values = nil
    evidence.calls[slow].ended = nil
    evidence.calls[slow].interruption = .timedOut(seconds: 6.4)
    #expect(verdict("count", evidence)?.status == .passed)
    let timing = verdict("concurrent", evidence)
    #expect(timing?.status == .failed)
    #expect(timing?.message.contains("did not return within 6.4 s") == true)
  }

  @Test(
    "a timed-out call's sleeps one after another fail it for good; together, on time (run again)",
    arguments: [EvidenceBuilder.Layout.sequential, .concurrent])
  func timeoutWithSequentialSleeps(layout: EvidenceBuilder.Layout) throws {
    var evidence = waitN.listEvidence(layout: layout)
    let slow = try #require(evidence.calls.firstIndex { $0.plan.n >= 10 })
    let id = evidence.calls[slow].plan.id
    evidence.calls[slow].values = nil
    evidence.calls[slow].ended = nil
    evidence.calls[slow].interruption = .timedOut(seconds: 6)
    // Killed after its first four sleeps had ended.
    var kept = 0
    evidence.sleeps.removeAll { sleep in
      guard sleep.context == id else { return false }
      kept += 1
      return kept > 4
    }
    let timing = try #require(verdict("concurrent", evidence))
    #expect(timing.status == .failed)
    #expect(timing.message.contains("did not return within 6 s"))
    #expect(timing.failedOnTime == (layout == .sequential ? nil : true))
    if layout == .sequential {
      #expect(timing.details.first?.contains("start all n calls first") == true)
    }
  }

  @Test("two sleeps one after another prove nothing; three do", arguments: [2, 3])
  func oneAfterAnother(count: Int) {
    let sleeps = (0..<count).map {
      TaskEvidence.Sleep(
        context: 0, start: Double($0), end: Double($0) + 0.9, value: 0.9, maxDelayArgument: 2)
    }
    #expect(ListChecks.ranOneAfterAnother(sleeps) == (count >= 3))
    var overlapping = sleeps
    overlapping[count - 1] = TaskEvidence.Sleep(
      context: 0, start: 0.5, end: 1.4, value: 0.9, maxDelayArgument: 2)
    #expect(!ListChecks.ranOneAfterAnother(overlapping))
  }

  @Test("sleeps of no length (maxDelay 0) prove nothing: a child that never suspends ends first")
  func zeroSleeps() {
    let instant = (0..<5).map {
      TaskEvidence.Sleep(
        context: 0, start: Double($0) * 0.001, end: Double($0) * 0.001 + 0.0001, value: 0,
        maxDelayArgument: 0)
    }
    #expect(!ListChecks.ranOneAfterAnother(instant))
  }

  @Test("a broken prerequisite changes nothing: the task is judged on its own, with a note")
  func brokenPrerequisite() throws {
    var build = callable
    build.availability[0] = .missing
    #expect(verdict("count", waitN.listEvidence(), build: build)?.status == .passed)
    let reports = Judge.grade(
      [Exercise.tasks[0], Exercise.tasks[1]], build: callable,
      evidence: [
        0: EvidenceBuilder(task: 0).starterEvidence { _ in [0] }, 1: waitN.listEvidence(),
      ],
      facts: facts)
    let notes = try #require(reports.last?.notes)
    #expect(notes.first?.contains("your waitRandom (task 0) fails") == true, "\(notes)")
    #expect(reports.last?.checks.allSatisfy { $0.status == .passed } == true)
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
        == "expected `func taskWaitRandom(maxDelay: Int) -> Task<Double, Never>` (a plain function, not async), found `func taskWaitRandom(maxDelay: Int) async -> Task<Double, Never>` (A.swift:8)"
    )
    #expect(Self.behaviour(report).allSatisfy { $0.status == .skipped })
  }
}
