import Foundation

/// Runs jobs that `Sandbox.wrap` made as one sandbox: the checker's `__serve` mode
/// (`ProgramServer`) starts each program inside it, under the same supervisor and limits.
///
/// A sandbox costs two launcher starts (about 35 ms of CPU); a Swift grading's type-check,
/// compile and lint, started together, then pay them once. The shared sandbox shows every job
/// what any of them may read and write, so only jobs that run as one party share one: the
/// compiler's jobs, all the checker's own. A job the server does not report, or that a signal
/// ended, runs alone as it was.
public enum SharedSandbox {
  /// Runs `jobs`, each made by `sandbox.wrap` with the same `asChecker`, in one sandbox.
  ///
  /// - Parameters:
  ///   - jobs: Sandboxed jobs.
  ///   - sandbox: The sandbox they were made for.
  ///   - workspace: Where to make the shared sandbox's folders.
  /// - Returns: One outcome per job, in order.
  public static func run(
    _ jobs: [ProcessSupervisor.Job], sandbox: Sandbox, workspace: Workspace
  ) -> [ProcessSupervisor.Outcome] {
    let requests = jobs.map { job in
      job.executable == sandbox.launcher
        ? SandboxLauncher.parse(Array(job.arguments.dropFirst())) : nil
    }
    let key = ChannelKey()
    var serverJob: ProcessSupervisor.Job?
    if jobs.count > 1, requests.allSatisfy({ $0 != nil }),
      let asChecker = requests.first??.asChecker,
      requests.allSatisfy({ $0?.asChecker == asChecker }),
      let folder = try? workspace.makeFolder("shared-sandbox/\(UUID().uuidString)")
    {
      let server = HarnessServer.programs(checker: sandbox.launcher)
      var runs: [HarnessServer.Run] = []
      for (job, request) in zip(jobs, requests.compactMap { $0 }) {
        var plain = job
        plain.executable = request.program.first ?? "/nonexistent"
        plain.arguments = Array(request.program.dropFirst())
        plain.workingDirectory = request.writable
        runs.append(HarnessServer.Run(job: plain, mode: "run", arguments: []))
      }
      var readable: [String] = server.readablePaths
      var writable: [String] = []
      for request in requests.compactMap({ $0 }) {
        writable += request.writableFolders
        readable += request.readable
      }
      let runtime = Set(Sandbox.runtimeFolders)
      serverJob = try? sandbox.wrap(
        server.job(running: runs, key: key, folder: folder),
        readable: unique(readable.filter { !runtime.contains($0) }),
        writable: unique(writable), asChecker: asChecker, workspace: workspace)
    }
    return HarnessServer.run(jobs.count, server: serverJob, key: key) { jobs[$0] }.outcomes
  }

  private static func unique(_ paths: [String]) -> [String] {
    var seen: Set<String> = []
    return paths.filter { seen.insert($0).inserted }
  }
}
