import Foundation
import Testing

@testable import CheckerCore

/// The Python harness's own unit tests (`Tests/PythonHarness`), run with python3 beside the
/// harness as a grading writes it: its files and the exercise's description.
@Suite(
  "The Python harness's unit tests", .tags(.spawnsProcesses), .notInQuickRuns,
  .timeLimit(.minutes(2)))
struct PythonHarnessTests {
  @Test("python3 -m unittest passes on the written harness")
  func unitTests() async throws {
    let workspace = try Workspace.make()
    defer { workspace.remove() }
    let harness = try PythonBuilder.writeHarness(into: workspace).harness
    let tests = SampleCatalog.folder.deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("Tests/PythonHarness").path
    var job = ProcessSupervisor.Job(
      executable: try Toolchain.python(),
      arguments: ["-B", "-m", "unittest", "discover", "-s", tests, "-p", "test_*.py"],
      workingDirectory: try workspace.makeFolder("scratch"), timeLimit: 90)
    job.environment = ["PYTHONPATH": (harness as NSString).deletingLastPathComponent]
    let made = job
    let outcome = try #require(await offPool { ProcessSupervisor.run([made]).first })
    let output = String(decoding: outcome.output, as: UTF8.self)
    #expect(outcome.termination == .exited(0), "\(output)")
    // Each test class ran: a discovery that found nothing would pass as well.
    let ran = output.firstMatch(of: #/Ran (\d+) tests?/#).flatMap { Int($0.1) } ?? 0
    #expect(ran >= 12, "\(output)")
  }
}
