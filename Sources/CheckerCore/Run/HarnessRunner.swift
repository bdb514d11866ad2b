/// Runs a built harness: one process per task, all at the same time, each with its own time
/// limit, working folder and report channel.
///
/// Processes keep a crash, a hang or an `exit()` in one task from touching another. Running them
/// side by side is safe for timing: a correct submission only sleeps, and a blocking one blocks
/// the threads of its own process only.
public struct HarnessRunner: Sendable {
  /// The command that starts the harness: the program built with the submission, or `python3`
  /// and the Python harness with its first arguments.
  public let launcher: [String]
  /// The temporary folder; each task runs in a folder of its own inside it.
  public let workspace: Workspace
  /// Whether the build recorded sleeps.
  public let isInstrumented: Bool
  /// The sandbox to run the harness in, or `nil` to run it as the checker's own child.
  public var sandbox: Sandbox?
  /// What a sandboxed harness may read (see `BuildResult.readablePaths`).
  public var readablePaths: [String] = []

  /// Creates a runner.
  ///
  /// - Parameters:
  ///   - launcher: The command that starts the harness.
  ///   - workspace: The temporary folder to run in.
  ///   - isInstrumented: Whether the build recorded sleeps.
  public init(launcher: [String], workspace: Workspace, isInstrumented: Bool) {
    self.launcher = launcher
    self.workspace = workspace
    self.isInstrumented = isInstrumented
  }

  /// Runs the plan's calls for `taskIDs`.
  ///
  /// - Parameters:
  ///   - plan: The calls to make.
  ///   - taskIDs: The tasks to run.
  /// - Returns: Each task's evidence.
  /// - Throws: `RunError` when a task's folder cannot be made.
  public func run(_ plan: RunPlan, taskIDs: [Int]) throws(RunError) -> [Int: TaskEvidence] {
    var evidence: [Int: TaskEvidence] = [:]
    let groups = taskIDs.flatMap { taskID in
      plan.processes(forTask: taskID).map { (taskID: taskID, calls: $0) }
    }
    for (group, (outcome, key)) in zip(groups, try launch(groups, plan: plan, folder: "run")) {
      let read = HarnessReader.evidence(
        taskID: group.taskID, calls: group.calls, outcome: outcome, instrumented: isInstrumented,
        key: key)
      if let earlier = evidence[group.taskID] {
        evidence[group.taskID] = earlier.merged(with: read)
      } else {
        evidence[group.taskID] = read
      }
    }
    try isolateCulprits(in: &evidence, plan: plan)
    return evidence
  }

  /// Re-runs, one per process, the calls that a crash or an `exit()` cut short together, so that
  /// each gets its own verdict: the call that crashes alone is named, the others are judged on
  /// what they return alone.
  private func isolateCulprits(in evidence: inout [Int: TaskEvidence], plan: RunPlan)
    throws(RunError)
  {
    var singles: [(taskID: Int, calls: [PlannedCall])] = []
    for (taskID, taskEvidence) in evidence.sorted(by: { $0.key < $1.key }) {
      guard taskEvidence.interruption?.endsEveryCall == true else { continue }
      let cut = taskEvidence.calls.filter { $0.values == nil && $0.plan.purpose == .sample }
      guard cut.count > 1 else { continue }
      singles += cut.map { (taskID, [$0.plan]) }
    }
    guard !singles.isEmpty else { return }
    let outcomes = try launch(singles, plan: plan, folder: "isolate")
    for (single, (outcome, key)) in zip(singles, outcomes) {
      let alone = HarnessReader.evidence(
        taskID: single.taskID, calls: single.calls, outcome: outcome, instrumented: isInstrumented,
        key: key)
      evidence[single.taskID] = evidence[single.taskID]?.replacingCall(with: alone)
    }
  }

  private func launch(
    _ groups: [(taskID: Int, calls: [PlannedCall])], plan: RunPlan, folder: String
  ) throws(RunError) -> [(ProcessSupervisor.Outcome, ChannelKey)] {
    var jobs: [ProcessSupervisor.Job] = []
    var keys: [ChannelKey] = []
    for (index, group) in groups.enumerated() {
      let window =
        group.calls.contains { $0.kind == .waitRandomDefault } ? RunPlan.defaultArgumentWindow : 0
      var job = ProcessSupervisor.Job(
        executable: launcher.first ?? "/nonexistent",
        arguments: launcher.dropFirst() + ["\(group.taskID)", "\(window)"]
          + group.calls.map(\.harnessArgument),
        workingDirectory: try prepared { () throws(BuildError) -> String in
          try workspace.makeFolder("\(folder)/\(index)-task-\(group.taskID)")
        },
        timeLimit: plan.timeLimit(forTask: group.taskID), opensChannel: true,
        // A crash prints its message; the runtime's backtrace (kilobytes) would bury it.
        environment: ["SWIFT_BACKTRACE": "enable=no"])
      let key = ChannelKey()
      job.secret = key.text
      if let sandbox {
        let plain = job
        job = try prepared { () throws(BuildError) -> ProcessSupervisor.Job in
          try sandbox.wrap(plain, readable: readablePaths, workspace: workspace)
        }
      }
      jobs.append(job)
      keys.append(key)
    }
    return Array(zip(ProcessSupervisor.run(jobs), keys))
  }

  /// What `make` made; the workspace's error, if any, as the Run layer's.
  private func prepared<Value>(_ make: () throws(BuildError) -> Value) throws(RunError) -> Value {
    do {
      return try make()
    } catch {
      throw .cannotPrepare(error.errorDescription ?? "\(error)")
    }
  }
}
