import Testing

@testable import CheckerCore

@Suite("HarnessReader turns channel lines into evidence")
struct HarnessReaderTests {
  let calls = RunPlan(seed: 1).calls(forTask: 1)

  func outcome(_ channel: String, _ termination: ProcessSupervisor.Termination = .exited(0))
    -> ProcessSupervisor.Outcome
  {
    ProcessSupervisor.Outcome(
      termination: termination, output: Array("hi\n".utf8), outputByteCount: 3,
      channel: Array(channel.utf8), duration: 1)
  }

  @Test("events fill in the calls; sleeps are kept; nothing is interrupted after D")
  func completeRun() throws {
    let first = calls[0].id
    let lines = [
      "H\t0", "S\t\(first)\t0.01", "W\t\(first)\t0.02\t0.52\t0.5", "E\t\(first)\t0.53\t0.5,0.25",
      "D\t0.6",
    ]
    let evidence = HarnessReader.evidence(
      taskID: 1, calls: calls, outcome: outcome(lines.joined(separator: "\n")), instrumented: true)
    let call = try #require(evidence.calls.first)
    #expect(call.values == [0.5, 0.25])
    #expect(call.duration.map { abs($0 - 0.52) < 1e-9 } == true)
    #expect(evidence.sleeps(forCall: first).map(\.value) == [0.5])
    #expect(evidence.interruption == nil)
    #expect(evidence.printed == "hi\n")
    #expect(evidence.calls.dropFirst().allSatisfy { $0.values == nil && $0.interruption == nil })
  }

  @Test("a call ends once: a second end is forged, and the first one's values stand")
  func secondEndIsForged() throws {
    let first = calls[0].id
    let lines = [
      "", "H\t\(HarnessProtocol.version)\t0.0\t1", "", "S\t\(first)\t0.01", "",
      "E\t\(first)\t0.53\t0.25,0.5", "",
      "E\t\(first)\t0.6\t0.5,0.25", "", "D\t0.6",
    ]
    let evidence = HarnessReader.evidence(
      taskID: 1, calls: calls, outcome: outcome(lines.joined(separator: "\n")), instrumented: true)
    #expect(try #require(evidence.calls.first).values == [0.25, 0.5])
    #expect(evidence.forgedLines == 1)
    #expect(evidence.malformedLines == 0)
  }

  @Test("bytes written to the channel without a new line stand alone before a record")
  func partialLineStandsAlone() throws {
    // The harness starts each record on a new line (`\nRECORD\tSEQ\tKEY\n`): a student's
    // unterminated `R\t<id>\t0.1\t` cannot head the harness's next record.
    let key = ChannelKey(text: "k")
    let first = calls[0].id
    let channel =
      "\nH\t\(HarnessProtocol.version)\t0.0\t1\t0\tk\n" + "R\t\(first)\t0.1\t"
      + "\nS\t\(first)\t0.01\t1\tk\n"
    let evidence = HarnessReader.evidence(
      taskID: 1, calls: calls, outcome: outcome(channel), instrumented: true, key: key)
    #expect(evidence.forgedLines == 1)
    let call = try #require(evidence.calls.first)
    #expect(call.started == 0.01 && call.returned == nil)
  }

  @Test("a recorded waitRandom's maxDelay: an integer, the default, or not an integer")
  func maxDelayArguments() {
    let first = calls[0].id
    let lines = ["H\t0"] + ["2", "-1", "-2", "-7"].map { "W\t\(first)\t0.1\t0.2\t0.1\t\($0)" }
    let evidence = HarnessReader.evidence(
      taskID: 1, calls: calls, outcome: outcome(lines.joined(separator: "\n")), instrumented: true)
    #expect(
      evidence.sleeps.map(\.maxDelayArgument) == [.given(2), .defaulted, .notAnInteger, nil])
    let shown = evidence.sleeps.map { ListChecks.called($0, .python) }
    #expect(shown[0] == "wait_random(2)")
    #expect(shown[1] == "wait_random() (max_delay 10)")
    #expect(shown[2] == "wait_random(…) (a max_delay that is not an integer)")
  }

  @Test("exit(0) before D interrupts the calls still running; junk lines are counted")
  func exitWithoutDone() {
    let evidence = HarnessReader.evidence(
      taskID: 1, calls: calls, outcome: outcome("S\t\(calls[0].id)\t0\n[OK] fake\nE\tnope"),
      instrumented: false)
    #expect(evidence.interruption == .exited(status: 0))
    #expect(evidence.calls.allSatisfy { $0.interruption == .exited(status: 0) })
    #expect(evidence.malformedLines == 2)
  }

  @Test("a call's machine lateness is the latest of the control sleeps that overlapped it")
  func control() throws {
    let (first, second, third) = (calls[0].id, calls[1].id, calls[2].id)
    let lines = [
      "H\t\(HarnessProtocol.version)\t0", "S\t\(first)\t0.0", "S\t\(second)\t0.0",
      "S\t\(third)\t0.0",
      // 20 ms sleeps: 1 ms, 30 ms and 5 ms late; the last starts after the first call ended.
      "C\t0.0\t0.021\t0.02", "C\t0.021\t0.071\t0.02", "C\t0.5\t0.525\t0.02",
      "E\t\(first)\t0.05\t0.1", "E\t\(second)\t0.6\t0.1",
      // Nonsense is malformed, not lateness.
      "C\t0.3\t0.2\t0.02", "C\tx\t0.2\t0.02", "D\t0.7",
    ]
    let evidence = HarnessReader.evidence(
      taskID: 1, calls: calls, outcome: outcome(lines.joined(separator: "\n")), instrumented: true)
    let late = try #require(evidence.calls[0].machineLateness)
    #expect(abs(late - 0.03) < 1e-9)
    #expect(abs((evidence.calls[1].machineLateness ?? 0) - 0.03) < 1e-9)
    // A call that never ended has no moment to judge.
    #expect(evidence.calls[2].machineLateness == nil)
    #expect(evidence.malformedLines == 2)
    // A harness that sends no control gets none: the absolute tolerances alone.
    let silent = HarnessReader.evidence(
      taskID: 1, calls: calls, outcome: outcome("S\t\(first)\t0\nE\t\(first)\t0.5\t0.1\nD\t1"),
      instrumented: true)
    #expect(silent.calls[0].machineLateness == nil)
  }

  @Test("a crash interrupts every call that had not returned")
  func crash() {
    let evidence = HarnessReader.evidence(
      taskID: 1, calls: calls, outcome: outcome("", .signaled(4)), instrumented: false)
    #expect(evidence.calls.allSatisfy { $0.interruption == .crashed(signal: 4) })
    #expect(
      Interruption.crashed(signal: 4).description.hasPrefix(
        "crashed with signal 4 (illegal instruction"))
  }
}

@Suite("The channel's key")
struct ChannelKeyTests {
  @Test("only records with the key, in sequence, are read; the others are counted as forged")
  func authenticate() {
    let key = ChannelKey(text: "k3y")
    let channel = [
      "H\t0.0\t0\tk3y", "S\t1\t0.1\t1\tk3y", "E\t1\t0.5\t0.4\t9\tk3y", "E\t1\t0.5\t0.4",
      "E\t1\t0.6\t0.1\t2\tkey", "E\t1\t0.5\t0.4\t2\tk3y",
    ].joined(separator: "\n")
    let (records, forged) = key.authenticate(channel)
    #expect(records.map { $0.joined(separator: " ") } == ["H 0.0", "S 1 0.1", "E 1 0.5 0.4"])
    #expect(forged == 3)
    #expect(ChannelKey().text.count == 32)
    #expect(ChannelKey() != ChannelKey())
  }
}
