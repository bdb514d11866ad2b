extension TaskBehaviour {
  /// Collects n delays of the function it builds on, run concurrently, in completion order
  /// (tasks 1 and 4, `waitN` and `taskWaitN`).
  public static let collectsDelays = TaskBehaviour(
    name: "collects delays",
    drawCalls: { task, drawing in
      // n 0, 1, small and large (maxDelay 1 and 2), and maxDelay 0; then a probe, in a
      // process of its own.
      drawing.add(task, n: 0, maxDelay: drawing.draw(1...2))
      drawing.add(task, n: 1, maxDelay: drawing.draw(1...2))
      drawing.add(task, n: drawing.draw(2...9), maxDelay: 1)
      drawing.add(task, n: drawing.draw(10...40), maxDelay: 1)
      drawing.add(task, n: drawing.draw(10...40), maxDelay: 2)
      drawing.add(task, n: drawing.draw(2...5), maxDelay: 0)
      drawing.add(
        task, n: RunPlan.probeSchedule.count, maxDelay: 1, .probe, schedule: RunPlan.probeSchedule)
    },
    recording: { _ in
      // The reference's lists only: the one a timed function builds on.
      HarnessRecording(
        beforeReference: ["let start = AsyncCheckChannel.now()"],
        afterReference: ["AsyncCheckRecord.collected(start: start, n: n, maxDelay: maxDelay)"])
    },
    checks: ListChecks.all, builtOnCheck: ListChecks.usesBuiltOn)
}
