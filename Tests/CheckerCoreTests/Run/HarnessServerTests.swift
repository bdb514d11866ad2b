import Foundation
import Testing

@testable import CheckerCore

/// The Python harness's server: runs forked from one process, each under its own limits, each
/// reported in a `J` record; a run that a signal ended, or that was not reported, is left for
/// the runner to make again alone.
@Suite("The harness server reports each run as if it had run alone")
struct HarnessServerTests {
  /// A `J` record's fields for run `index`.
  static func record(
    _ index: Int, _ kind: String, _ value: String, channel: String = "", output: String = ""
  ) -> String {
    [
      "J", "\(index)", kind, value, "0.5", "\(output.utf8.count)",
      Data(output.utf8).base64EncodedString(), Data(channel.utf8).base64EncodedString(),
    ].joined(separator: "\t")
  }

  /// A server's channel: `lines`, each with its sequence number and `key`, after a hello.
  static func channel(_ lines: [String], key: ChannelKey, version: Int = HarnessProtocol.version)
    -> [UInt8]
  {
    let all = ["H\t\(version)\t0.0"] + lines
    return Array(
      all.enumerated().map { "\($1)\t\($0)\t\(key.text)\n" }.joined().utf8)
  }

  static func outcome(channel: [UInt8]) -> ProcessSupervisor.Outcome {
    ProcessSupervisor.Outcome(
      termination: .exited(0), output: [], outputByteCount: 0, channel: channel, duration: 1)
  }

  @Test("each reported run gets its outcome; a signal's or a missing one gets none")
  func readsReports() throws {
    let key = ChannelKey()
    var channel = Self.channel(
      [
        Self.record(0, "exited", "0", channel: "H\t1\t0.0\t0\tk\n", output: "hello\n"),
        Self.record(1, "signaled", "9"),
        Self.record(2, "timedOut", "6.0"),
        Self.record(4, "memoryLimit", "1073741824"),
      ], key: key)
    // A line the server did not write: refused and counted.
    channel += Array(Self.record(3, "exited", "0").utf8) + [10]
    let (outcomes, forged) = HarnessServer.outcomes(
      from: Self.outcome(channel: channel), key: key, count: 5)
    #expect(forged == 1)
    let first = try #require(outcomes[0])
    #expect(first.termination == .exited(0))
    #expect(String(decoding: first.channel, as: UTF8.self) == "H\t1\t0.0\t0\tk\n")
    #expect(String(decoding: first.output, as: UTF8.self) == "hello\n")
    #expect(first.outputByteCount == 6)
    #expect(outcomes[1] == nil, "a signal may have come from another task: run it again alone")
    #expect(outcomes[2]?.termination == .timedOut(seconds: 6))
    #expect(outcomes[3] == nil, "not reported by the server")
    #expect(outcomes[4]?.termination == .memoryLimit(bytes: 1 << 30))
  }

  @Test("a server of another protocol version is not read")
  func otherVersion() {
    let key = ChannelKey()
    let channel = Self.channel([Self.record(0, "exited", "0")], key: key, version: 99)
    let (outcomes, _) = HarnessServer.outcomes(
      from: Self.outcome(channel: channel), key: key, count: 1)
    #expect(outcomes[0] == nil)
  }

  /// The real server, with a student file whose `wait_random(max_delay)` returns at once (0),
  /// hangs (1), kills itself (2) or prints without end (3): four runs at once, each stopped at
  /// its own limit, none costing the others theirs.
  @Test(
    "the real server runs each under its own limits", .tags(.spawnsProcesses), .notInQuickRuns,
    .timeLimit(.minutes(2)))
  func realServer() async throws {
    let workspace = try Workspace.make()
    defer { workspace.remove() }
    try workspace.write(
      """
      import asyncio
      import os
      import signal
      import sys


      async def wait_random(max_delay=10):
          if max_delay == 1:
              await asyncio.sleep(1000)
          if max_delay == 2:
              os.kill(os.getpid(), signal.SIGKILL)
          if max_delay == 3:
              while True:
                  sys.stdout.write("x" * 4096)
          return 0.0

      """, to: "src/0-basic_async_syntax.py")
    let harness = try PythonBuilder.writeHarness(into: workspace).harness
    let server = HarnessServer(
      command: [try Toolchain.python(), "-B", "-S", "-u", harness, "serve", workspace.path("src")])
    var runs: [HarnessServer.Run] = []
    var keys: [ChannelKey] = []
    for maxDelay in 0...3 {
      let call = PlannedCall(
        id: maxDelay, taskID: 0, n: 0, maxDelay: maxDelay, purpose: .sample)
      let arguments = ["0", "0", call.harnessArgument]
      var job = ProcessSupervisor.Job(
        executable: "/unused", arguments: arguments,
        workingDirectory: try workspace.makeFolder("run/\(maxDelay)"), timeLimit: 1,
        opensChannel: true)
      job.outputLimit = 64 * 1024
      let key = ChannelKey()
      job.secret = key.text
      runs.append(HarnessServer.Run(job: job, mode: "run", arguments: arguments))
      keys.append(key)
    }
    let key = ChannelKey()
    let serverJob = server.job(running: runs, key: key, folder: try workspace.makeFolder("server"))
    let served = try #require(await offPool { ProcessSupervisor.run([serverJob]).first })
    let (outcomes, forged) = HarnessServer.outcomes(from: served, key: key, count: runs.count)
    #expect(forged == 0)
    #expect(served.termination == .exited(0), "\(String(decoding: served.output, as: UTF8.self))")
    // Returned at once: its own records, under its own key, in full.
    let quick = try #require(outcomes[0])
    #expect(quick.termination == .exited(0))
    let (records, forgedInRun) = keys[0].authenticate(
      String(decoding: quick.channel, as: UTF8.self))
    #expect(forgedInRun == 0)
    #expect(records.contains { $0.first == "E" && $0.last == "0.0" })
    #expect(records.contains { $0.first == "D" })
    #expect(outcomes[1]?.termination == .timedOut(seconds: 1))
    #expect(outcomes[2] == nil, "killed by a signal: left to run again alone")
    #expect(outcomes[3]?.termination == .outputLimit(bytes: 64 * 1024))
    #expect((outcomes[3]?.output.count ?? 0) <= ProcessSupervisor.keptOutputBytes)
  }
}
