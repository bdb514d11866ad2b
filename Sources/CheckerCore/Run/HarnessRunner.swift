import Foundation

/// Runs a built harness: one process per task, all at the same time, each with its own time
/// limit, working folder and report channel; started one by one, or forked from one serving
/// process when the harness has one (`HarnessServer`).
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
  /// The server that makes the runs in processes forked from one (see `HarnessServer`), or
  /// `nil` to start a process per run.
  public var server: HarnessServer?

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

  /// A runner for what `build` built, sandboxed when this machine can, with the build's
  /// server when it has one; `nil` when nothing was built.
  ///
  /// - Parameters:
  ///   - build: The build.
  ///   - workspace: The temporary folder to run in.
  public init?(for build: BuildResult, workspace: Workspace) {
    guard let launcher = build.launcher else { return nil }
    self.init(launcher: launcher, workspace: workspace, isInstrumented: build.isInstrumented)
    sandbox = try? Sandbox.current.get()
    readablePaths = build.readablePaths
    // Python forks its runs from one interpreter; other runs share one sandbox through the
    // checker's own server (nothing to share without a sandbox).
    server =
      build.serverCommand.map(HarnessServer.init(command:))
      ?? sandbox.map { HarnessServer.programs(checker: $0.launcher) }
  }

  /// Runs the plan's calls for `taskIDs`.
  ///
  /// - Parameters:
  ///   - plan: The calls to make.
  ///   - taskIDs: The tasks to run.
  /// - Returns: Each task's evidence.
  /// - Throws: `RunError` when a task's folder cannot be made.
  public func run(_ plan: RunPlan, taskIDs: [Int]) throws(RunError) -> [Int: TaskEvidence] {
    try run(plan, taskIDs: taskIDs, alongside: []).evidence
  }

  /// Runs the plan's calls for `taskIDs`, and `companions` at the same time.
  ///
  /// - Parameters:
  ///   - plan: The calls to make.
  ///   - taskIDs: The tasks to run.
  ///   - companions: Other harness processes to run beside them, in the same server when there
  ///     is one (the Python probe, which then costs no interpreter of its own).
  /// - Returns: Each task's evidence, and each companion's outcome.
  /// - Throws: `RunError` when a task's folder cannot be made.
  public func run(_ plan: RunPlan, taskIDs: [Int], alongside companions: [HarnessServer.Run])
    throws(RunError) -> (evidence: [Int: TaskEvidence], companions: [ProcessSupervisor.Outcome])
  {
    var evidence: [Int: TaskEvidence] = [:]
    let groups = taskIDs.flatMap { taskID in
      plan.processes(forTask: taskID).map { (taskID: taskID, calls: $0) }
    }
    let launched = try launch(groups, plan: plan, folder: "run", companions: companions)
    for (group, (outcome, key, forged)) in zip(groups, launched) {
      var read = HarnessReader.evidence(
        taskID: group.taskID, calls: group.calls, outcome: outcome, instrumented: isInstrumented,
        key: key)
      read.forgedLines += forged
      if let earlier = evidence[group.taskID] {
        evidence[group.taskID] = earlier.merged(with: read)
      } else {
        evidence[group.taskID] = read
      }
    }
    try isolateCulprits(in: &evidence, plan: plan)
    return (evidence, launched.dropFirst(groups.count).map(\.0))
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
    for (single, (outcome, key, forged)) in zip(singles, outcomes) {
      var alone = HarnessReader.evidence(
        taskID: single.taskID, calls: single.calls, outcome: outcome, instrumented: isInstrumented,
        key: key)
      alone.forgedLines += forged
      evidence[single.taskID] = evidence[single.taskID]?.replacingCall(with: alone)
    }
  }

  /// Starts a process per group, then each companion; returns their outcomes in that order.
  private func launch(
    _ groups: [(taskID: Int, calls: [PlannedCall])], plan: RunPlan, folder: String,
    companions: [HarnessServer.Run] = []
  ) throws(RunError) -> [(ProcessSupervisor.Outcome, ChannelKey, forged: Int)] {
    var runs: [HarnessServer.Run] = []
    var keys: [ChannelKey] = []
    for (index, group) in groups.enumerated() {
      let window =
        group.calls.contains(where: \.usesDefault) ? RunPlan.defaultArgumentWindow : 0
      let arguments = ["\(group.taskID)", "\(window)"] + group.calls.map(\.harnessArgument)
      var job = ProcessSupervisor.Job(
        executable: launcher.first ?? "/nonexistent",
        arguments: launcher.dropFirst() + arguments,
        workingDirectory: try RunError.preparing(
          workspace.makeFolder("\(folder)/\(index)-task-\(group.taskID)")),
        timeLimit: plan.timeLimit(forTask: group.taskID), opensChannel: true,
        // A crash prints its message; the runtime's backtrace (kilobytes) would bury it.
        environment: ["SWIFT_BACKTRACE": "enable=no"])
      // Its own folder as its home and temporary folder, as a sandbox or a server gives it:
      // without a sandbox, student code would otherwise write the checker's user's home.
      if let folder = job.workingDirectory {
        job.environment["HOME"] = folder
        job.environment["TMPDIR"] = folder
      }
      let key = ChannelKey()
      job.secret = key.text
      runs.append(HarnessServer.Run(job: job, mode: "run", arguments: arguments))
      keys.append(key)
    }
    runs += companions
    keys += companions.map { ChannelKey(text: $0.job.secret ?? "") }
    let key = ChannelKey()
    var serverJob: ProcessSupervisor.Job?
    if let server, !runs.isEmpty {
      let serverFolder = try RunError.preparing(workspace.makeFolder("\(folder)/server"))
      let folders = runs.compactMap(\.job.workingDirectory)
      // Each run writes its own folder, as it would as the sandbox's only writable one.
      for folder in folders {
        try? FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: folder)
      }
      serverJob = try sandboxed(
        server.job(running: runs, key: key, folder: serverFolder), writable: folders,
        readable: server.readablePaths)
    }
    // Alone: every run without a server, and any run the server did not report.
    let (outcomes, forged) = try HarnessServer.run(runs.count, server: serverJob, key: key) {
      index throws(RunError) in try sandboxed(runs[index].job)
    }
    // The server's forged lines belong to no run in particular: counted once, with the first.
    return outcomes.indices.map { index in
      (outcomes[index], keys[index], forged: index == 0 ? forged : 0)
    }
  }

  /// `job` in the sandbox, when there is one, writing only its working folder and `writable`.
  private func sandboxed(
    _ job: ProcessSupervisor.Job, writable: [String] = [], readable: [String] = []
  ) throws(RunError) -> ProcessSupervisor.Job {
    guard let sandbox else { return job }
    return try RunError.preparing(
      sandbox.wrap(
        job, readable: readablePaths + readable, writable: writable, workspace: workspace))
  }
}
