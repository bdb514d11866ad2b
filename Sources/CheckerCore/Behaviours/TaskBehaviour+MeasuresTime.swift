extension TaskBehaviour {
  /// Times the function it builds on and returns the time per call (task 2, `measureTime`).
  public static let measuresTime = TaskBehaviour(
    name: "measures time",
    drawCalls: { task, drawing in
      // Small n, where total and total / n differ most in relative terms, and one large n.
      drawing.add(task, n: 1, maxDelay: 1)
      drawing.add(task, n: drawing.draw(2...5), maxDelay: 1)
      drawing.add(task, n: drawing.draw(2...5), maxDelay: 2)
      drawing.add(task, n: drawing.draw(10...20), maxDelay: 2)
      drawing.add(task, n: 3, maxDelay: 0)
    },
    checks: MeasureTimeChecks.all, builtOnCheck: MeasureTimeChecks.usesBuiltOn)
}
