/// What a check reads: the task, what its calls did, and the submission's sources.
public struct CheckContext: Sendable {
  /// The task being graded.
  public let task: ExerciseTask
  /// What the harness saw.
  public let evidence: TaskEvidence
  /// What the sources say.
  public let facts: SourceFacts
  /// The submission's language.
  public var language: Language { facts.language }

  /// A call as source in the submission's language: `waitN(n: 12, maxDelay: 1)`, `wait_n(12, 1)`.
  ///
  /// - Parameter plan: The call.
  /// - Returns: Its text.
  public func show(_ plan: PlannedCall) -> String {
    plan.description(in: language)
  }

  /// The name of task `taskID`'s function in the submission's language.
  ///
  /// - Parameter taskID: A task number.
  /// - Returns: Its function's name.
  public func name(ofTask taskID: Int) -> String {
    Exercise.task(taskID)?.functionName(in: language) ?? "task \(taskID)"
  }

  /// Whether another check of the task reports calls that ran out of time.
  public let timeoutsAreReported: Bool

  /// Creates a context.
  ///
  /// - Parameters:
  ///   - task: The task being graded.
  ///   - evidence: What the harness saw.
  ///   - facts: What the sources say.
  ///   - timeoutsAreReported: Whether a timing check of the task reports calls that ran out of
  ///     time.
  public init(
    task: ExerciseTask, evidence: TaskEvidence, facts: SourceFacts, timeoutsAreReported: Bool
  ) {
    self.task = task
    self.evidence = evidence
    self.facts = facts
    self.timeoutsAreReported = timeoutsAreReported
  }

  /// What a time failure's report says of the machine while `call` ran: how late the harness's
  /// own control sleeps ended, and what was allowed for it (see `Tolerances.busyMachine`).
  ///
  /// - Parameter call: A call that took too long.
  /// - Returns: One line, or none when the harness sent no control sleep for that moment.
  public func machineDetails(_ call: TaskEvidence.Call) -> [String] {
    Self.machineDetails(call.machineLateness)
  }

  /// What a time failure's report says of a machine whose control sleeps ended up to
  /// `lateness` late (`nil`: no control sleep).
  ///
  /// - Parameter lateness: The control's worst lateness, in seconds.
  /// - Returns: One line, or none.
  public static func machineDetails(_ lateness: Double?) -> [String] {
    guard let lateness else { return [] }
    return [
      "the checker's own sleeps, timed beside it, ended up to \(Format.milliseconds(lateness)) "
        + "late: \(Format.milliseconds(Tolerances.busyMachine(lateness))) more was allowed for "
        + "a busy machine"
    ]
  }

  /// The calls of `calls` that returned, or the failure that explains the first one (by size)
  /// that did not.
  ///
  /// A call that ran out of time is left out rather than failed when the task has a timing check
  /// (`concurrent`, `non-blocking`): that check reports it, with the reason, and one slow call
  /// should not fail every check. A crash or an `exit()` fails the check; so does having nothing
  /// left to judge.
  ///
  /// - Parameter calls: The calls a check needs.
  /// - Returns: The returned calls, or the verdict to report.
  public func returned(_ calls: [TaskEvidence.Call]) -> Result<[TaskEvidence.Call], CheckFailure> {
    let unfinished = calls.filter { $0.values == nil }.sorted(by: Self.smallerCall)
    let returned = calls.filter { $0.values != nil }
    let unexcused = unfinished.first { call in
      guard timeoutsAreReported, case .timedOut = call.interruption else { return true }
      return false
    }
    guard let first = unexcused ?? (returned.isEmpty ? unfinished.first : nil) else {
      return .success(returned)
    }
    return .failure(
      CheckFailure(
        verdict: .unfinished(describe(first, among: unfinished), by: first.interruption)))
  }

  /// Judges with `judge` the calls of `calls` that returned, or reports why nothing can be
  /// judged (see `returned(_:)`).
  ///
  /// - Parameters:
  ///   - calls: The calls a check needs.
  ///   - judge: The check's verdict on the calls that returned.
  /// - Returns: The verdict.
  public func judgeReturned(
    _ calls: [TaskEvidence.Call], _ judge: ([TaskEvidence.Call]) -> Verdict
  ) -> Verdict {
    switch returned(calls) {
    case .failure(let failure): failure.verdict
    case .success(let returned): judge(returned)
    }
  }

  /// The calls of `calls` that returned their n values with n ≥ 2: only those can show range,
  /// order and concurrency (an empty list is in bounds, ascending and concurrent by accident).
  ///
  /// - Parameter calls: Calls of a list function.
  /// - Returns: Those that can be judged, smallest first.
  public func judgeable(_ calls: [TaskEvidence.Call]) -> [TaskEvidence.Call] {
    calls.filter { $0.plan.n >= 2 && $0.values?.count == $0.plan.n }.sorted(by: Self.smallerCall)
  }

  /// The verdict for a list check that has no call to judge.
  ///
  /// - Parameter calls: The calls it could have judged.
  /// - Returns: A failure naming why the calls gave nothing, or a skip.
  public func nothingToJudge(_ calls: [TaskEvidence.Call]) -> Verdict {
    if case .failure(let failure) = returned(calls) { return failure.verdict }
    // Point at the check that says why: calls that never returned are the concurrency
    // check's to report, lists of the wrong length the count check's.
    let unreturned = calls.contains { $0.plan.n >= 2 && $0.values == nil }
    let see = unreturned ? "runs the calls concurrently" : "returns n delays"
    return .skip("nothing to judge: no call with n ≥ 2 returned n delays (see “\(see)”)")
  }

  /// The recorded `waitRandom` calls made for `call`: by the call each says it ran for or,
  /// when some say nothing (a detached task), by the value the call returned.
  ///
  /// - Parameter call: A call that returns one value (`taskWaitRandom`).
  /// - Returns: Its sleeps.
  public func sleeps(of call: TaskEvidence.Call) -> [TaskEvidence.Sleep] {
    let own = evidence.sleeps(forCall: call.plan.id)
    guard own.isEmpty, let value = call.values?.first else { return own }
    return evidence.sleeps.filter { $0.context < 0 && $0.value == value }
  }

  /// The most of `intervals` that were running at the same moment.
  ///
  /// - Parameter intervals: Start and end times.
  /// - Returns: The largest overlap: 1 for intervals one after the other.
  public static func mostAtOnce(_ intervals: [(start: Double, end: Double)]) -> Int {
    let events =
      intervals.map { ($0.start, 1) } + intervals.map { ($0.end, -1) }
    var running = 0
    var most = 0
    // Ends first at equal times: a sleep that starts as another ends does not overlap it.
    for (_, change) in events.sorted(by: { ($0.0, $0.1) < ($1.0, $1.1) }) {
      running += change
      most = max(most, running)
    }
    return most
  }

  /// Says why `call` never returned.
  ///
  /// A crash or an `exit()` ends every call running at the time; when re-running them one by
  /// one (see `HarnessRunner`) could not single out the cause, the message says so.
  func describe(_ call: TaskEvidence.Call, among unfinished: [TaskEvidence.Call]) -> String {
    let reason = call.interruption?.description ?? "never returned"
    let running =
      call.ranAlone ? 1 : unfinished.filter { $0.interruption == call.interruption }.count
    switch call.interruption {
    case .timedOut, nil, .failedToStart:
      return "`\(show(call.plan))` \(reason)"
    default:
      return running > 1
        ? "`\(show(call.plan))` or one of the \(running - 1) calls running beside it \(reason)"
        : "`\(show(call.plan))` \(reason)"
    }
  }

  /// Orders calls smallest first, so failures name the simplest call that shows them.
  public static func smallerCall(_ left: TaskEvidence.Call, _ right: TaskEvidence.Call) -> Bool {
    (left.plan.n, left.plan.maxDelay, left.plan.id) < (
      right.plan.n, right.plan.maxDelay, right.plan.id
    )
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
      call: show(call.plan), maxDelay: call.plan.maxDelay, duration: call.duration,
      bars: sleeps.map { .init(start: $0.start - started, end: $0.end - started, value: $0.value) })
  }
}

/// A failure verdict carried through a `Result`.
public struct CheckFailure: Error, Sendable {
  /// The verdict to report.
  public let verdict: Verdict
}
