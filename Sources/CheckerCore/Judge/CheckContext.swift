/// What a check reads: the task, what its calls did, and the submission's sources.
public struct CheckContext: Sendable {
  /// The task being graded.
  public let task: ExerciseTask
  /// What the harness saw.
  public let evidence: TaskEvidence
  /// What the sources say.
  public let facts: SourceFacts

  /// Creates a context.
  ///
  /// - Parameters:
  ///   - task: The task being graded.
  ///   - evidence: What the harness saw.
  ///   - facts: What the sources say.
  public init(task: ExerciseTask, evidence: TaskEvidence, facts: SourceFacts) {
    self.task = task
    self.evidence = evidence
    self.facts = facts
  }

  /// The calls that returned, when all of `calls` did; otherwise the failure that explains the
  /// first one (by size) that did not.
  ///
  /// - Parameter calls: The calls a check needs.
  /// - Returns: The returned calls, or the failure to report.
  public func returned(_ calls: [TaskEvidence.Call]) -> Result<[TaskEvidence.Call], CheckFailure> {
    let unfinished = calls.filter { $0.values == nil }.sorted(by: Self.smallerCall)
    guard let first = unfinished.first else { return .success(calls) }
    let reason = first.interruption?.description ?? "never returned"
    let others = unfinished.count > 1 ? " (and \(unfinished.count - 1) more calls)" : ""
    return .failure(CheckFailure(verdict: .fail("`\(first.plan.description)` \(reason)\(others)")))
  }

  /// Orders calls smallest first, so failures name the simplest call that shows them.
  public static func smallerCall(_ left: TaskEvidence.Call, _ right: TaskEvidence.Call) -> Bool {
    (left.plan.n, left.plan.maxDelay, left.plan.id) < (right.plan.n, right.plan.maxDelay, right.plan.id)
  }

  /// The sleeps of `call` as a timeline, relative to the call's start.
  ///
  /// - Parameter call: A `waitN` or `taskWaitN` call.
  /// - Returns: The timeline, or `nil` when sleeps were not recorded.
  public func timeline(for call: TaskEvidence.Call) -> Timeline? {
    guard evidence.isInstrumented, let started = call.started else { return nil }
    let sleeps = evidence.sleeps(forCall: call.plan.id)
    guard !sleeps.isEmpty else { return nil }
    return Timeline(
      call: call.plan.description, maxDelay: call.plan.maxDelay, duration: call.duration,
      bars: sleeps.map { .init(start: $0.start - started, end: $0.end - started, value: $0.value) })
  }
}

/// A failure verdict carried through a `Result`.
public struct CheckFailure: Error, Sendable {
  /// The verdict to report.
  public let verdict: Verdict
}
