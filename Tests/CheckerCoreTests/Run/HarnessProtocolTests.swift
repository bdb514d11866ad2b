import Foundation
import Testing

@testable import CheckerCore

/// Feeds what each real harness writes through `HarnessReader`: both speak `HarnessProtocol`,
/// every record is read (none malformed or forged), and each record type reaches the evidence.
@Suite(
  "Both harnesses speak the harness protocol", .serialized, .tags(.spawnsProcesses),
  .notInQuickRuns, .timeLimit(.minutes(5)))
struct HarnessProtocolTests {
  /// Builds `submission`, runs the whole plan for every task, and returns the evidence.
  static func evidence(of submission: Submission, served: Bool = true) throws -> [Int: TaskEvidence]
  {
    let workspace = try Workspace.make()
    defer { workspace.remove() }
    let build: BuildResult
    switch submission.language {
    case .swift:
      build = try SubmissionBuilder(toolchain: try Toolchain.find(), workspace: workspace)
        .build(submission, tasks: Exercise.tasks)
    case .python:
      build = try PythonBuilder(python: try Toolchain.python(), workspace: workspace)
        .build(submission)
    }
    var runner = try #require(
      HarnessRunner(for: build, workspace: workspace),
      "nothing was built: \(build.submissionErrors)")
    if !served { runner.server = nil }
    return try runner.run(RunPlan(seed: 5), taskIDs: Exercise.tasks.map(\.id))
  }

  /// Python's runs are checked both ways: forked from the harness's server, and one process
  /// each (as a run the server did not report is made).
  @Test(
    "every record is read and each type reaches the evidence",
    arguments: [(Language.swift, false), (.python, true), (.python, false)])
  func everyRecordIsRead(language: Language, served: Bool) async throws {
    let evidence = try await offPool { () throws -> [Int: TaskEvidence] in
      switch language {
      case .swift:
        return try Self.evidence(of: ReferenceSubmission.submission)
      case .python:
        let sample = SampleCatalog.folder.appendingPathComponent("python/correct-as-completed")
        return try Self.evidence(
          of: try SubmissionLoader().load(path: sample.path), served: served)
      }
    }
    #expect(evidence.keys.sorted() == Exercise.tasks.map(\.id))
    for (taskID, task) in evidence {
      #expect(task.malformedLines == 0, "task \(taskID): \(task.malformedLines) malformed")
      #expect(task.forgedLines == 0, "task \(taskID): \(task.forgedLines) forged")
      #expect(task.isInstrumented)
      // A process the loaded machine made run out of time says nothing about the protocol
      // (grading runs such a task again); anything else that stopped it does.
      if case .timedOut? = task.interruption { continue }
      #expect(task.interruption == nil, "task \(taskID): \(String(describing: task.interruption))")
      // S and E: every awaited call started and ended with its values.
      for call in task.calls where !call.plan.usesDefault {
        #expect(call.started != nil && call.ended != nil && call.values != nil, "\(call.plan)")
      }
      // W: the tasks built on waitRandom record its calls (task 0's own function is timed by
      // its S and E records).
      if taskID != 0 { #expect(!task.sleeps.isEmpty, "task \(taskID): no W record") }
      // H: every process said it started with its channel guard installed.
      #expect(
        task.harnessProcesses > 0 && task.guardedProcesses == task.harnessProcesses,
        "task \(taskID): \(task.guardedProcesses) of \(task.harnessProcesses) guarded")
    }
    // R: taskWaitRandom returned a task; T: it was recorded, in task 3 and under task 4.
    let taskCalls = try #require(evidence[3]).calls
    #expect(!taskCalls.isEmpty && taskCalls.allSatisfy { $0.returned != nil && $0.returnedTask })
    #expect(!(try #require(evidence[4]).spawnContexts.isEmpty), "no T record under taskWaitN")
    // N: measureTime's waitN was recorded.
    #expect(!(try #require(evidence[2]).waitNCalls.isEmpty), "no N record under measureTime")
    // C: the control slept beside the calls; every call that slept was timed against it.
    let slept = evidence.values.flatMap(\.calls).filter { ($0.duration ?? 0) >= 0.05 }
    #expect(!slept.isEmpty && slept.allSatisfy { $0.machineLateness != nil }, "no C record")
  }

  /// The text of a harness file, read from the sources the checker embeds.
  static func harness(_ name: String) throws -> String {
    try String(
      contentsOf: SampleCatalog.folder.deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources/CheckerCore/Resources/Harness/\(name)"),
      encoding: .utf8)
  }

  /// The text of a Python function of a harness file, up to the next top-level definition.
  static func python(_ function: String, in text: String) throws -> Substring {
    let start = try #require(
      text.range(of: "\ndef \(function)(") ?? text.range(of: "\nasync def \(function)("))
    let rest = text[start.upperBound...]
    let end = rest.firstMatch(of: #/\n(async )?def\s/#)?.range.lowerBound ?? rest.endIndex
    return rest[..<end]
  }

  @Test("every value of the protocol is one the harnesses use: probe statuses, records")
  func everyValueIsUsed() throws {
    let swift =
      try Self.harness("AsyncCheckHarness.swift") + HarnessExerciseSource.text
    let python = try [
      "asynccheck_harness.py", "asynccheck_channel.py", "asynccheck_runner.py",
      "asynccheck_probe.py", "asynccheck_server.py",
    ].map(Self.harness).joined(separator: "\n")
    let facts = try Self.harness("asynccheck_facts.py")
    // Each way a served run ends is one the Python server writes (ProgramServer writes them
    // from the supervisor's terminations: see `jobEnds`).
    for end in HarnessProtocol.JobEnd.allCases {
      #expect(python.contains("(\"\(end.rawValue)\""), "the Python server never says \(end)")
    }
    // Each probe status is one the Python probe sends.
    let probe = try Self.python("probe", in: python)
    for status in HarnessProtocol.ProbeStatus.allCases {
      #expect(probe.contains("\"\(status.rawValue)\""), "the probe never says \(status)")
    }
    // Each record is written by a harness (or, J, by a serving one).
    for record in HarnessProtocol.Record.allCases {
      let type = record.rawValue
      let written =
        swift.contains("\"\(type)\\t") || python.contains("emit(\"\(type)\"")
        || python.contains("send(\"\(type)\"") || facts.contains("\"\(type)\\t")
      #expect(written, "no harness writes \(record) records")
    }
  }

  @Test(
    "a served run's end is read back as it was written",
    arguments: [
      ProcessSupervisor.Termination.exited(3), .signaled(9), .timedOut(seconds: 2.5),
      .outputLimit(bytes: 1024), .memoryLimit(bytes: 1 << 20),
    ])
  func jobEnds(termination: ProcessSupervisor.Termination) throws {
    let (kind, value) = try #require(HarnessProtocol.JobEnd.record(of: termination))
    #expect(
      HarnessProtocol.JobEnd.termination(kind: kind.rawValue[...], value: value[...])
        == termination)
    #expect(HarnessProtocol.JobEnd.termination(kind: "exited", value: "x") == nil)
    #expect(HarnessProtocol.JobEnd.termination(kind: "vanished", value: "0") == nil)
  }

  @Test("the report says whether every harness process had its channel guard")
  func channelGuardNote() {
    var guarded = TaskEvidence(taskID: 0, calls: [], isInstrumented: true)
    guarded.harnessProcesses = 3
    guarded.guardedProcesses = 3
    var unguarded = guarded
    unguarded.guardedProcesses = 1
    #expect(GradeReportBuilder.channelGuardNote([guarded])?.contains("in every") == true)
    #expect(
      GradeReportBuilder.channelGuardNote([guarded, unguarded])?.contains("not installed in 2 of 6")
        == true)
    #expect(GradeReportBuilder.channelGuardNote([]) == nil)
  }

  @Test("a harness of another protocol version has its results refused, saying why")
  func otherVersion() {
    let call = RunPlan(seed: 1).processes(forTask: 0)[0][0]
    func evidence(hello version: Int) -> TaskEvidence {
      let channel = "H\t\(version)\t0.0\nS\t\(call.id)\t0.1\nE\t\(call.id)\t0.2\t0.1\nD\t0.3\n"
      return HarnessReader.evidence(
        taskID: 0, calls: [call],
        outcome: ProcessSupervisor.Outcome(
          termination: .exited(0), output: [], outputByteCount: 0, channel: Array(channel.utf8),
          duration: 0.3),
        instrumented: true)
    }
    let current = evidence(hello: HarnessProtocol.version)
    #expect(current.malformedLines == 0 && current.calls.first?.values == [0.1])
    let other = evidence(hello: HarnessProtocol.version + 1)
    #expect(other.calls.first?.values == nil)
    #expect(other.interruption?.description.contains("protocol version") == true)
  }
}
