import Testing

@testable import CheckerCore

@Suite(
  "ProcessSupervisor runs children under limits", .tags(.spawnsProcesses), .notInQuickRuns,
  .timeLimit(.minutes(5)))
struct ProcessSupervisorTests {
  func supervise(_ jobs: [ProcessSupervisor.Job]) async throws -> [ProcessSupervisor.Outcome] {
    await offPool { ProcessSupervisor.run(jobs) }
  }

  func run(_ script: String, timeLimit: Double = 5, channel: Bool = false) async throws
    -> ProcessSupervisor.Outcome
  {
    try await supervise([
      .init(
        executable: "/bin/sh", arguments: ["-c", script], timeLimit: timeLimit,
        opensChannel: channel)
    ])[0]
  }

  @Test("what a child prints and what it reports travel on separate pipes")
  func separateChannel() async throws {
    let outcome = try await run("echo printed; echo reported >&3; echo more >&2", channel: true)
    #expect(outcome.termination == .exited(0))
    #expect(String(decoding: outcome.output, as: UTF8.self) == "printed\nmore\n")
    #expect(String(decoding: outcome.channel, as: UTF8.self) == "reported\n")
  }

  @Test("the child cannot read its report channel back, not even by opening it again")
  func channelIsWriteOnly() async throws {
    // A pipe's end opens again through /proc for reading, and yields what was written; the
    // channel's end does not open, and reading it gives nothing.
    let outcome = try await run(
      """
      echo first >&3
      if (exec 5</proc/$$/fd/3) 2>/dev/null; then echo opened; else echo refused; fi
      if read line <&3 2>/dev/null; then echo "read $line"; else echo "nothing to read"; fi
      echo second >&3
      """, channel: true)
    let printed = String(decoding: outcome.output, as: UTF8.self)
    #expect(printed.contains("refused\n"), "\(printed)")
    #expect(printed.contains("nothing to read\n"), "\(printed)")
    #expect(String(decoding: outcome.channel, as: UTF8.self) == "first\nsecond\n")
  }

  @Test("exit status, signal, time limit and output limit are told apart")
  func terminations() async throws {
    #expect(try await run("exit 3").termination == .exited(3))
    #expect(try await run("kill -SEGV $$").termination == .signaled(11))
    let slow = try await run("sleep 10", timeLimit: 0.3)
    #expect(slow.termination == .timedOut(seconds: 0.3))
    #expect(slow.duration < 2)
    let chatty = try await run("yes")
    #expect(chatty.termination == .outputLimit(bytes: 1 << 20))
    #expect(chatty.output.count == 64 * 1024)
  }

  @Test("a program that cannot start is reported, not a crash")
  func missingProgram() async throws {
    let outcome = try await supervise([
      .init(executable: "/no/such/tool", arguments: [], timeLimit: 1)
    ])[0]
    guard case .failedToStart(let reason) = outcome.termination else {
      Issue.record("expected failedToStart, got \(outcome.termination)")
      return
    }
    #expect(reason.contains("/no/such/tool"))
  }

  @Test("jobs run side by side, not one after another")
  func concurrentJobs() async throws {
    // Each job prints when it started and ended: side by side, all four were running at one
    // moment (the latest start comes before the earliest end), however slow a busy machine
    // makes the starts. One after another, none would overlap.
    let outcomes = try await supervise(
      (0..<4).map { _ in
        .init(
          executable: "/bin/sh",
          arguments: ["-c", "cat /proc/uptime; sleep 2; cat /proc/uptime"], timeLimit: 60)
      })
    #expect(outcomes.allSatisfy { $0.termination == .exited(0) })
    let intervals = outcomes.map { outcome in
      String(decoding: outcome.output, as: UTF8.self).split(separator: "\n").compactMap {
        $0.split(separator: " ").first.flatMap { Double($0) }
      }
    }
    #expect(intervals.allSatisfy { $0.count == 2 })
    let latestStart = intervals.compactMap(\.first).max() ?? .infinity
    let earliestEnd = intervals.compactMap(\.last).min() ?? -.infinity
    #expect(latestStart < earliestEnd, "\(intervals)")
  }
}
