extension TaskBehaviour {
  /// Sleeps a random delay in `0...maxDelay` and returns it (task 0, `waitRandom`): the
  /// function the others build on, directly or not.
  public static let sleepsRandomDelay = TaskBehaviour(
    name: "sleeps a random delay", hasDefaultArgument: true,
    drawCalls: { task, drawing in
      // Varied inputs, 100 concurrent calls for the distribution and for blocking, and 30
      // calls with the default argument.
      for maxDelay in [0, 0, 2, drawing.draw(1...2), 1, 1] {
        drawing.add(task, maxDelay: maxDelay)
      }
      for _ in 0..<100 { drawing.add(task, maxDelay: 1, .batch) }
      for _ in 0..<30 {
        drawing.add(task, maxDelay: Exercise.defaultMaxDelay, .defaultArgument, usesDefault: true)
      }
    },
    recording: { usingDefault in
      // Every sleep, the student's among them: its start, end, value and argument.
      HarnessRecording(
        before: ["let start = AsyncCheckChannel.now()"],
        after: [
          "AsyncCheckRecord.sleep(start: start, value: result, maxDelay: "
            + (usingDefault ? "nil" : "maxDelay") + ")"
        ])
    },
    checks: WaitRandomChecks.all)
}
