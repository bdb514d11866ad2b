/// Everything the harness saw while running one task's calls: the judge's only input about
/// behaviour.
public struct TaskEvidence: Sendable {
  /// One call and what became of it.
  public struct Call: Sendable {
    /// The call.
    public let plan: PlannedCall
    /// When it started, in seconds since the harness started.
    public var started: Double?
    /// For `taskWaitRandom`: when the plain function returned its task.
    public var returned: Double?
    /// For `task_wait_random` (Python): whether what it returned is an `asyncio.Task`.
    public var returnedTask = true
    /// When it returned (for `taskWaitRandom`, when the task's value arrived).
    public var ended: Double?
    /// What it returned: one value, or the array.
    public var values: [Double]?
    /// Why it never returned, when it did not.
    public var interruption: Interruption?
    /// Whether this record comes from running the call alone, after a crash cut it short among
    /// others: its interruption, if any, is then its own.
    public var ranAlone = false
    /// How late the harness's control sleeps ended while the call ran, at worst, in seconds:
    /// the machine's lateness at that moment, or `nil` when no control sleep overlapped it.
    public var machineLateness: Double?

    /// Seconds from start to end, when both are known.
    public var duration: Double? {
      guard let started, let ended else { return nil }
      return ended - started
    }
  }

  /// One `waitRandom` call recorded by the instrumentation.
  public struct Sleep: Sendable, Hashable {
    /// The plan call it ran for, or -1 when it ran outside one (a detached task, say).
    public let context: Int
    /// When it started.
    public let start: Double
    /// When it returned.
    public let end: Double
    /// What it returned.
    public let value: Double
    /// The `maxDelay` it was called with; `nil` when the record did not say.
    public var maxDelayArgument: HarnessProtocol.MaxDelayArgument?

    /// Creates a recorded sleep.
    ///
    /// - Parameters:
    ///   - context: The plan call it ran for, or -1.
    ///   - start: When it started.
    ///   - end: When it returned.
    ///   - value: What it returned.
    ///   - maxDelayArgument: The `maxDelay` it was called with, `nil` when unknown.
    public init(
      context: Int, start: Double, end: Double, value: Double,
      maxDelayArgument: HarnessProtocol.MaxDelayArgument? = nil
    ) {
      self.context = context
      self.start = start
      self.end = end
      self.value = value
      self.maxDelayArgument = maxDelayArgument
    }
  }

  /// One call of the checker's `waitN`, recorded while grading `measureTime`.
  public struct WaitNCall: Sendable, Hashable {
    /// The plan call it ran for, or -1 when it ran outside one.
    public let context: Int
    /// When it started.
    public let start: Double
    /// When it returned.
    public let end: Double
    /// Its `n` argument.
    public let n: Int
    /// Its `maxDelay` argument.
    public let maxDelay: Int
  }

  /// The task.
  public let taskID: Int
  /// Its calls, in plan order.
  public var calls: [Call]
  /// Every `waitRandom` call, when the build was instrumented.
  public var sleeps: [Sleep] = []
  /// The plan call each recorded `taskWaitRandom` call ran for (-1 when outside one).
  public var spawnContexts: [Int] = []
  /// Every call of the checker's `waitN` (while grading `measureTime`).
  public var waitNCalls: [WaitNCall] = []
  /// Whether `sleeps`, `spawnContexts` and `waitNCalls` were recorded: the task's function ran
  /// against the checker's own versions of the functions it builds on.
  public var isInstrumented: Bool
  /// The start of what the student's code printed.
  public var printed: String = ""
  /// How many bytes it printed in all.
  public var printedByteCount = 0
  /// How the harness process ended, when it did not end normally.
  public var interruption: Interruption?
  /// Every crash, exit or limit that ended a harness process of the task, including those whose
  /// calls returned when run again alone: a crash seen once is a crash.
  public var crashes: [Interruption] = []
  /// Lines the harness sent that the checker did not understand (a sign of tampering).
  public var malformedLines = 0
  /// Lines on the channel without the harness's key or out of its sequence: written by the
  /// submission itself.
  public var forgedLines = 0
  /// Whether the submission took over the harness's report channel in some process of the task.
  ///
  /// The channel guard killed the process, or the harness saw descriptor 3 changed (see
  /// `Interruption.tookOverChannel`). Nothing that process wrote counts.
  public var tookOverChannel = false
  /// How many harness processes of the task said they started (`H`), and how many of them
  /// had installed the channel guard (`SeccompFilter.channelGuard`) before student code ran.
  public var harnessProcesses = 0
  /// See `harnessProcesses`.
  public var guardedProcesses = 0
  /// What the harness's audit hook saw student code do to reach the harness, as
  /// `file:line: detail`: a person should look at the code.
  public var harnessFindings: [String] = []

  /// This evidence and that of another process of the same task, together.
  ///
  /// - Parameter other: What another process of the task saw.
  /// - Returns: Both.
  public func merged(with other: TaskEvidence) -> TaskEvidence {
    var merged = adding(recordsOf: other)
    merged.calls += other.calls
    merged.printed += other.printed
    merged.printedByteCount += other.printedByteCount
    merged.interruption = interruption ?? other.interruption
    return merged
  }

  /// This evidence with one call's record, and everything recorded for it, taken from `alone`.
  ///
  /// `alone` is a process that ran only that call; what it saw of crashes and forged lines is
  /// kept.
  ///
  /// - Parameter alone: What a process running one call of this task saw.
  /// - Returns: The evidence, with that call's record marked as run alone.
  public func replacingCall(with alone: TaskEvidence) -> TaskEvidence {
    guard var call = alone.calls.first,
      let index = calls.firstIndex(where: { $0.plan.id == call.plan.id })
    else { return self }
    let id = call.plan.id
    call.ranAlone = true
    var replaced = self
    replaced.calls[index] = call
    replaced.sleeps.removeAll { $0.context == id }
    replaced.spawnContexts.removeAll { $0 == id }
    replaced.waitNCalls.removeAll { $0.context == id }
    return replaced.adding(recordsOf: alone)
  }

  /// This evidence with what `other` recorded added.
  ///
  /// Sleeps, spawns, `waitN` runs, crashes and bad lines: one list of the record kinds, for
  /// merging and for replacing a call.
  private func adding(recordsOf other: TaskEvidence) -> TaskEvidence {
    var result = self
    result.sleeps += other.sleeps
    result.spawnContexts += other.spawnContexts
    result.waitNCalls += other.waitNCalls
    result.crashes += other.crashes
    result.malformedLines += other.malformedLines
    result.forgedLines += other.forgedLines
    result.tookOverChannel = result.tookOverChannel || other.tookOverChannel
    result.harnessProcesses += other.harnessProcesses
    result.guardedProcesses += other.guardedProcesses
    result.harnessFindings += other.harnessFindings
    return result
  }

  /// The calls made for a purpose.
  ///
  /// - Parameter purpose: Which calls to take.
  /// - Returns: Those calls, in plan order.
  public func calls(for purpose: PlannedCall.Purpose) -> [Call] {
    calls.filter { $0.plan.purpose == purpose }
  }

  /// The recorded sleeps that ran for the call `id`.
  ///
  /// - Parameter id: A plan call's id.
  /// - Returns: Its sleeps, by start time.
  public func sleeps(forCall id: Int) -> [Sleep] {
    sleeps.filter { $0.context == id }.sorted { $0.start < $1.start }
  }

  /// Whether every recorded sleep and spawn says which call it ran for (task-local values do
  /// not reach detached tasks).
  public var isAttributed: Bool {
    !sleeps.contains { $0.context < 0 } && !spawnContexts.contains { $0 < 0 }
      && !waitNCalls.contains { $0.context < 0 }
  }
}
