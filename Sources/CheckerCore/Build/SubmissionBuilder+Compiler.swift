import Foundation

// The compiler invocation: the jobs that run it (without the driver, in the sandbox), and how
// its output and its end are read.
extension SubmissionBuilder {
  /// What the submission's module, compiled into `executable`, defines and calls: read from the
  /// object file the compile left in its `temporary` folder (see `compilerJob`).
  static func compiledSymbols(of executable: String) -> CompiledSymbols {
    CompiledSymbols.inspect(
      objectsIn: URL(fileURLWithPath: executable).deletingLastPathComponent()
        .appendingPathComponent("temporary").path)
  }

  /// The compiler's errors about files below `prefix`, their paths made relative to it.
  static func errors(in output: String, under prefix: String) -> [Diagnostic] {
    Diagnostic.parse(output).filter { $0.severity == .error && $0.file.hasPrefix(prefix) }.map {
      var located = $0
      located.file = String($0.file.dropFirst(prefix.count))
      return located
    }
  }

  /// The linker's errors, as the submission's: its code compiles but does not make a program
  /// with the harness (most often an entry point of its own, which the harness provides).
  static func linkErrors(in output: String, sources: [SourceFile]) -> [Diagnostic] {
    let messages = output.split(separator: "\n").compactMap { line -> String? in
      guard let range = line.range(of: "error: "), !line.contains("command failed") else {
        return nil
      }
      return String(line[range.upperBound...])
    }
    guard !messages.isEmpty else { return [] }
    var file = sources.first?.relativePath ?? "?"
    var line = 0
    var message = "the program does not link: " + messages.prefix(3).joined(separator: "; ")
    if messages.contains(where: { $0.contains("'main'") || $0.contains("`main'") }) {
      message =
        "the program does not link: it has an entry point (`main`) of its own, and the "
        + "checker's harness is the program's entry point: remove `@main`, or move the code "
        + "that runs at start-up into a function"
      for source in sources {
        let lines = source.text.split(separator: "\n", omittingEmptySubsequences: false)
        if let index = lines.firstIndex(where: { $0.contains("@main") }) {
          (file, line) = (source.relativePath, index + 1)
          break
        }
      }
    }
    return [Diagnostic(file: file, line: line, severity: .error, message: message)]
  }

  /// Whether an error is one that only code generation reports (the function's own fault), as
  /// opposed to one that calling the exercise's functions causes.
  static func isCodeGenerationError(_ error: Diagnostic) -> Bool {
    ["missing return", "before being initialized", "used before", "never mutated"].contains {
      error.message.contains($0)
    }
  }

  /// Runs `jobs` together and waits for them: in one sandbox when there is one (they are all
  /// the compiler's, run as the checker's own user), else each as it is.
  func runContained(_ jobs: [ProcessSupervisor.Job]) -> [ProcessSupervisor.Outcome] {
    (try? Sandbox.current.get()).map {
      SharedSandbox.run(jobs, sandbox: $0, workspace: workspace)
    } ?? ProcessSupervisor.run(jobs)
  }

  /// The job that runs `swiftc` with `flags` on `sources`, writing the program `output` when
  /// there is one, in the workspace's `folder`: the commands the driver would run, without the
  /// driver, when it has told them (`DriverPlan`); else the driver.
  func compilerJob(
    flags: [String], sources: [String], output: String?, folder: String, timeLimit: Double
  ) throws(BuildError) -> ProcessSupervisor.Job {
    let outputFlags = output.map { ["-o", $0] } ?? []
    // Without the shared module cache the flags name this workspace's own: a plan would be
    // asked for every build, and serve none other.
    guard Toolchain.sharedModuleCache != nil,
      let plan = DriverPlan.plan(
        swiftc: toolchain.swiftc, flags: flags, writesProgram: output != nil)
    else {
      return ProcessSupervisor.Job(
        executable: toolchain.swiftc, arguments: flags + sources + outputFlags,
        workingDirectory: workspace.path(folder), timeLimit: timeLimit)
    }
    let (executable, arguments) = plan.invocation(
      sources: sources, output: output,
      temporary: try BuildError.preparing(workspace.makeFolder("\(folder)/temporary")))
    return ProcessSupervisor.Job(
      executable: executable, arguments: arguments, workingDirectory: workspace.path(folder),
      timeLimit: timeLimit)
  }

  /// `job`, a compiler run on the student's sources, in the sandbox when there is one: the
  /// compiler reads the toolchain, the harness and the sources, writes its own folder and the
  /// module cache, and sees nothing else (no other submission, no network).
  func contained(
    _ job: ProcessSupervisor.Job, library: HarnessLibrary? = nil, reading: [String] = []
  ) throws(BuildError) -> ProcessSupervisor.Job {
    guard let sandbox = try? Sandbox.current.get() else { return job }
    let cache = Toolchain.moduleCacheFlags(workspace: workspace)[1]
    try? FileManager.default.createDirectory(atPath: cache, withIntermediateDirectories: true)
    let toolchainFolder = URL(fileURLWithPath: toolchain.swiftc).resolvingSymlinksInPath()
      .deletingLastPathComponent().deletingLastPathComponent().path
    return try BuildError.preparing(
      sandbox.wrap(
        job,
        readable: [
          toolchainFolder, URL(fileURLWithPath: job.executable).deletingLastPathComponent().path,
        ]
          + (library.map { [$0.folder] } ?? []) + reading,
        writable: [cache], asChecker: true, workspace: workspace))
  }

  func commonFlags(_ submission: Submission) -> [String] {
    [
      "-wmo", "-parse-as-library", "-swift-version", "\(submission.languageMode)",
      "-module-name", Self.moduleName, "-diagnostic-style", "llvm",
    ] + Toolchain.moduleCacheFlags(workspace: workspace)
  }

  /// The compile error to report when the compiler ran out of time or memory on the submission,
  /// or `nil` when it did not.
  ///
  /// A compile of a few small files that runs out of time or memory is the student's code (a
  /// huge literal, an expression the type checker explores for ever): a compile error.
  static func limitError(_ termination: ProcessSupervisor.Termination, _ sources: [SourceFile])
    -> Diagnostic?
  {
    switch termination {
    case .timedOut(let seconds):
      return limitError(sources, "more than \(Int(seconds)) s")
    case .memoryLimit(let bytes):
      return limitError(sources, "more than \(bytes >> 20) MiB of memory")
    default:
      return nil
    }
  }

  /// The compile error to report when the compiler ran out of `what` on the submission.
  static func limitError(_ sources: [SourceFile], _ what: String) -> Diagnostic {
    Diagnostic(
      file: sources.first?.relativePath ?? "?", line: 0, severity: .error,
      message: "the compiler needed \(what) to type-check this submission and was stopped: "
        + "look for a very large literal or a long expression mixing literals and operators")
  }

  /// Whether the compiler's output blames its module cache rather than the sources.
  static func blamesModuleCache(_ text: String) -> Bool {
    guard let cache = Toolchain.sharedModuleCache else { return false }
    return text.contains(cache)
      || ["malformed or corrupted", "could not build module", "module file", "PCH file"].contains {
        text.contains($0)
      }
  }

  /// The compiler's exit status and output, or the error when it could not run or was stopped.
  static func compilerResult(_ outcome: ProcessSupervisor.Outcome) throws(BuildError)
    -> (status: Int32, text: String)
  {
    let text = String(decoding: outcome.output, as: UTF8.self)
    switch outcome.termination {
    case .exited(let status):
      return (status, text)
    case .failedToStart(let reason):
      throw .compilerFailed(reason)
    default:
      throw .compilerFailed("swiftc ended with \(outcome.termination): \(text.prefix(500))")
    }
  }
}
