/// Runs a built harness: one process per task, all at the same time, each with its own time
/// limit, working folder and report channel.
///
/// Processes keep a crash, a hang or an `exit()` in one task from touching another. Running them
/// side by side is safe for timing: a correct submission only sleeps, and a blocking one blocks
/// the threads of its own process only.
public struct HarnessRunner: Sendable {
  /// The harness program.
  public let executable: String
  /// The temporary folder; each task runs in a folder of its own inside it.
  public let workspace: Workspace
  /// Whether the build recorded sleeps.
  public let isInstrumented: Bool

  /// Creates a runner.
  ///
  /// - Parameters:
  ///   - executable: The harness program built with the submission.
  ///   - workspace: The temporary folder to run in.
  ///   - isInstrumented: Whether the build recorded sleeps.
  public init(executable: String, workspace: Workspace, isInstrumented: Bool) {
    self.executable = executable
    self.workspace = workspace
    self.isInstrumented = isInstrumented
  }

  /// Runs the plan's calls for `taskIDs`.
  ///
  /// - Parameters:
  ///   - plan: The calls to make.
  ///   - taskIDs: The tasks to run.
  /// - Returns: Each task's evidence.
  /// - Throws: `BuildError.workspace` when a task's folder cannot be made.
  public func run(_ plan: RunPlan, taskIDs: [Int]) throws(BuildError) -> [Int: TaskEvidence] {
    var jobs: [ProcessSupervisor.Job] = []
    for taskID in taskIDs {
      let calls = plan.calls(forTask: taskID)
      let window =
        calls.contains { $0.kind == .waitRandomDefault } ? RunPlan.defaultArgumentWindow : 0
      jobs.append(
        ProcessSupervisor.Job(
          executable: executable,
          arguments: ["\(taskID)", "\(window)"] + calls.map(\.harnessArgument),
          workingDirectory: try workspace.makeFolder("run/task-\(taskID)"),
          timeLimit: plan.timeLimit(forTask: taskID), opensChannel: true))
    }
    let outcomes = ProcessSupervisor.run(jobs)
    var evidence: [Int: TaskEvidence] = [:]
    for (taskID, outcome) in zip(taskIDs, outcomes) {
      evidence[taskID] = HarnessReader.evidence(
        taskID: taskID, calls: plan.calls(forTask: taskID), outcome: outcome,
        instrumented: isInstrumented)
    }
    return evidence
  }
}
