// The checker's own overhead as n in waitN grows: reading the harness's channel and judging a
// task whose calls made n sleeps each, on synthetic evidence (no process, no sleeping), so the
// figure is the checker's work alone. Prints the median over repeats for n = 10, 100, 1000.
import CheckerCore
import Foundation

let clock = ContinuousClock()

func seconds(_ duration: Duration) -> Double {
  Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
}

/// A task-1 channel where each of six calls returns n ascending delays, with n recorded sleeps.
func channel(for calls: [PlannedCall]) -> String {
  var lines = ["H\t0"]
  for call in calls {
    lines.append("S\t\(call.id)\t0.001")
    var values: [Double] = []
    for index in 0..<call.n {
      let value = Double(call.maxDelay) * Double(index + 1) / Double(call.n + 1)
      values.append(value)
      lines.append("W\t\(call.id)\t0.002\t\(value + 0.002)\t\(value)")
    }
    lines.append(
      "E\t\(call.id)\t\((values.last ?? 0) + 0.003)\t"
        + values.map { "\($0)" }.joined(separator: ","))
  }
  lines.append("D\t2.1")
  return lines.joined(separator: "\n") + "\n"
}

var table: [(Int, Double, Double)] = []
for n in [10, 100, 1000] {
  let calls = [0, 1, n, n, n, n].enumerated().map { index, size in
    PlannedCall(id: index, taskID: 1, kind: .waitN, n: size, maxDelay: 2, purpose: .sample)
  }
  let outcome = ProcessSupervisor.Outcome(
    termination: .exited(0), output: [], outputByteCount: 0,
    channel: Array(channel(for: calls).utf8),
    duration: 2.1)
  let build = BuildResult(
    availability: Dictionary(
      uniqueKeysWithValues: (0...4).map { ($0, .callable(signatureProblem: nil)) }),
    launcher: ["x"], isInstrumented: true, submissionErrors: [],
    seconds: 0)
  var times: [Double] = []
  for _ in 0..<9 {
    let start = clock.now
    let evidence = HarnessReader.evidence(
      taskID: 1, calls: calls, outcome: outcome, instrumented: true)
    let reports = Judge.grade(
      [Exercise.tasks[1]], build: build, evidence: [1: evidence],
      facts: SourceFacts(language: .swift))
    precondition(reports[0].checks.count == 7)
    times.append(seconds(clock.now - start))
  }
  let median = times.sorted()[times.count / 2]
  let sleeps = calls.reduce(0) { $0 + $1.n }
  table.append((n, median, median / Double(sleeps) * 1e6))
}
print("n      read + judge (median of 9)   per sleep")
for (n, median, perSleep) in table {
  print(
    "\(n)".padding(toLength: 7, withPad: " ", startingAt: 0)
      + String(format: "%8.2f ms", median * 1000).padding(toLength: 29, withPad: " ", startingAt: 0)
      + String(format: "%.1f µs", perSleep))
}
