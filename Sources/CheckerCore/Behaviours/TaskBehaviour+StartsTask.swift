extension TaskBehaviour {
  /// Starts the function it builds on in a task and returns the task at once (task 3,
  /// `taskWaitRandom`).
  public static let startsTask = TaskBehaviour(
    name: "starts a task",
    drawCalls: { task, drawing in
      for maxDelay in [0, 1, 2, drawing.draw(1...2), 1, 2] {
        drawing.add(task, maxDelay: maxDelay)
      }
    },
    recording: { _ in
      // Each start: what the list built on it counts.
      HarnessRecording(before: ["AsyncCheckRecord.taskStarted()"])
    },
    checks: TaskWaitRandomChecks.all, builtOnCheck: TaskWaitRandomChecks.usesBuiltOn)
}
