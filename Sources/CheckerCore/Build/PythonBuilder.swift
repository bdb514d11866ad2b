import Foundation

/// Prepares a Python submission: the same role as `SubmissionBuilder`, without a compiler.
///
/// Copies the project's files into the workspace, reads what they say (first line, mode,
/// docstrings, annotations and calls with `ast`, and what pycodestyle says of each file when it
/// is installed) in a process that imports none of them (`asynccheck_facts.py`), before any
/// student code runs; then runs the Python harness in probe mode: it imports each file in
/// order, so that an error in `3-tasks.py` fails tasks 3 and 4 only, and reports each
/// function's signature.
public struct PythonBuilder: Sendable {
  /// The `python3` to run.
  public let python: String
  /// Where the files and the harness go.
  public let workspace: Workspace
  /// The clock the probe is timed on.
  public var clock: any Clock<Duration> = ContinuousClock()

  /// Creates a builder.
  ///
  /// - Parameters:
  ///   - python: The `python3` to run.
  ///   - workspace: The temporary folder to work in.
  public init(python: String, workspace: Workspace) {
    self.python = python
    self.workspace = workspace
  }

  /// Probes `submission`.
  ///
  /// - Parameter submission: A Python submission.
  /// - Returns: Each task's availability, the facts of its file, and the harness command.
  /// - Throws: `BuildError` when the workspace cannot be written or Python cannot be run.
  public func build(_ submission: Submission) throws(BuildError) -> BuildResult {
    try build(submission, speculating: nil).build
  }

  /// Probes `submission` and, with `speculating`, runs the plan's calls for those tasks.
  ///
  /// The runs start with the probe, forked from the same harness server: one interpreter for
  /// the whole grading, and no wait for the probe before the runs. The runs of tasks the probe
  /// finds not runnable are the caller's to drop.
  ///
  /// - Parameters:
  ///   - submission: A Python submission.
  ///   - speculating: The plan and the tasks to run with the probe, or `nil` to probe only.
  /// - Returns: The build, and the runs' evidence when there were runs.
  /// - Throws: `BuildError` when the workspace cannot be written or Python cannot be run.
  public func build(
    _ submission: Submission, speculating: (plan: RunPlan, taskIDs: [Int])?
  ) throws(BuildError) -> (build: BuildResult, evidence: [Int: TaskEvidence]?) {
    let stopwatch = Stopwatch(clock: clock)
    for file in submission.files {
      try BuildError.preparing(
        workspace.write(file.text, to: "src/" + file.relativePath, executable: file.isExecutable))
    }
    let (harness, factsScript) = try Self.writeHarness(into: workspace)
    let sources = workspace.path("src")
    // pycodestyle may be installed for the user or in a virtual environment, outside the
    // interpreter's own folder: the facts process imports it from there.
    let style = Toolchain.pycodestyleFolder.map { [$0] } ?? []
    let harnessFiles = [sources, workspace.path("harness")]
    let factsJob = try self.factsJob(script: factsScript, sources: sources, style: style)
    // `-S`: no site-packages, whose start-up hooks cost as much CPU as the rest of starting
    // Python; the harness and the exercise need only the standard library.
    var probe = ProcessSupervisor.Job(
      executable: python, arguments: ["-B", "-S", harness, "probe", sources],
      workingDirectory: try BuildError.preparing(workspace.makeFolder("probe")), timeLimit: 30,
      opensChannel: true)
    // Its own folder as its home, as for a run: without a sandbox, a student's file imported
    // by the probe would otherwise write the checker's user's home.
    if let folder = probe.workingDirectory {
      probe.environment = ["HOME": folder, "TMPDIR": folder, "XDG_CONFIG_HOME": folder]
    }
    let key = ChannelKey()
    probe.secret = key.text
    var result = BuildResult(
      availability: [:], launcher: [python, "-B", "-S", "-u", harness, "run", sources],
      isInstrumented: true, submissionErrors: [], seconds: 0)
    result.readablePaths = harnessFiles
    result.serverCommand = [python, "-B", "-S", "-u", harness, "serve", sources]
    let probed: ProcessSupervisor.Outcome
    let factsRead: ProcessSupervisor.Outcome
    var evidence: [Int: TaskEvidence]?
    // Importing the student's files runs their code: in the sandbox, as every harness run.
    if let speculating, var runner = HarnessRunner(for: result, workspace: workspace) {
      runner.readablePaths += style
      do {
        // The facts are read in a process of their own, forked like the runs from the server
        // (which never imports student code) without an interpreter of its own to start.
        let ran = try runner.run(
          speculating.plan, taskIDs: speculating.taskIDs,
          alongside: [
            HarnessServer.Run(job: probe, mode: "probe", arguments: []),
            HarnessServer.Run(job: factsJob, mode: "facts", arguments: style),
          ])
        evidence = ran.evidence
        probed = ran.companions[0]
        factsRead = ran.companions[1]
      } catch {
        throw .workspace(error.errorDescription ?? "\(error)")
      }
    } else {
      if case .success(let sandbox) = Sandbox.current {
        probe = try BuildError.preparing(
          sandbox.wrap(probe, readable: harnessFiles, workspace: workspace))
      }
      // Before the probe: no student code has run when the facts are read.
      factsRead = ProcessSupervisor.run([factsJob])[0]
      probed = ProcessSupervisor.run([probe])[0]
    }
    if case .failedToStart(let reason) = factsRead.termination {
      throw .toolFailed(tool: python, reason: reason)
    }
    let fileFacts = Self.readFacts(String(decoding: factsRead.output, as: UTF8.self))
    if case .failedToStart(let reason) = probed.termination {
      throw .toolFailed(tool: python, reason: reason)
    }
    var facts: SourceFacts
    (result.availability, facts, result.harnessFindings) = Self.read(probe: probed, key: key)
    facts.pythonFiles = fileFacts.pythonFiles
    facts.sorting = fileFacts.sorting
    result.facts = facts
    // With runs beside it, the build is the probe's own time.
    result.seconds = evidence == nil ? stopwatch.seconds : probed.duration
    return (result, evidence)
  }

  /// Writes the Python harness's three files into `workspace`'s `harness` folder.
  ///
  /// - Parameter workspace: The grading's temporary folder.
  /// - Returns: The paths of the harness and of the facts script.
  /// - Throws: `BuildError.workspace` when a file cannot be written.
  static func writeHarness(into workspace: Workspace) throws(BuildError) -> (
    harness: String, facts: String
  ) {
    let files = [
      ("asynccheck_harness.py", PackageResources.asynccheck_harness_py),
      ("asynccheck_reference.py", PackageResources.asynccheck_reference_py),
      ("asynccheck_facts.py", PackageResources.asynccheck_facts_py),
      ("asynccheck_channel.py", PackageResources.asynccheck_channel_py),
      ("asynccheck_runner.py", PackageResources.asynccheck_runner_py),
      ("asynccheck_probe.py", PackageResources.asynccheck_probe_py),
      ("asynccheck_server.py", PackageResources.asynccheck_server_py),
    ]
    var paths: [String] = []
    for (name, bytes) in files {
      paths.append(
        try BuildError.preparing(
          workspace.write(String(decoding: bytes, as: UTF8.self), to: "harness/" + name)))
    }
    _ = try BuildError.preparing(
      workspace.write(exerciseDescription, to: "harness/asynccheck_exercise.json"))
    return (paths[0], paths[2])
  }

  /// The exercise's tasks as the Python harness reads them (`asynccheck_exercise.json`), and
  /// the filter each of its runs installs on itself (`channel_guard`, the hex of
  /// `SeccompFilter.channelGuard`'s program; empty where there is none).
  ///
  /// Its only task table, made from `Exercise.tasks`, in task order. `returns` says how a
  /// call's result is read: `value` (one number), `values` (a list) or `task` (a task handed
  /// back at once, then awaited).
  static var exerciseDescription: String {
    struct Task: Encodable {
      var module: String
      var function: String
      var coroutine: Bool
      var parameters: [String]
      var returns: String
      var hasDefault: Bool
      var builtOn: Int?

      enum CodingKeys: String, CodingKey {
        case module, function, coroutine, parameters, returns
        case hasDefault = "has_default"
        case builtOn = "built_on"
      }
    }
    struct Description: Encodable {
      var tasks: [Task]
      var channelGuard: String

      enum CodingKeys: String, CodingKey {
        case tasks
        case channelGuard = "channel_guard"
      }
    }
    let tasks = Exercise.tasks.map { task in
      Task(
        module: String(task.python.file.dropLast(".py".count)), function: task.python.name,
        coroutine: task.python.isCoroutine, parameters: task.python.parameterNames,
        returns: (task.signature.resultShape ?? .value).rawValue,
        hasDefault: task.hasDefaultArgument, builtOn: task.builtOn)
    }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    let program = SeccompFilter.channelGuard.programBytes
    let description = Description(
      tasks: tasks, channelGuard: program.map { String(format: "%02x", $0) }.joined())
    let data = (try? encoder.encode(description)) ?? Data()
    return String(decoding: data, as: UTF8.self)
  }

  /// The process that reads what the files say.
  ///
  /// It imports none of them (`asynccheck_facts.py`, or the harness server's `facts` mode,
  /// forked before any run), so no file can change what is said of it; pycodestyle reads no
  /// configuration file. Alone, it runs with `-E` (no `PYTHON*` variables) and a home folder
  /// of its own.
  ///
  /// - Parameters:
  ///   - script: The facts script's path.
  ///   - sources: The folder of the student's files.
  ///   - style: The folder pycodestyle is imported from, if it is installed.
  /// - Returns: The job; it prints `F` lines (see `readFacts(_:)`).
  /// - Throws: `BuildError` when its folder cannot be made.
  func factsJob(script: String, sources: String, style: [String]) throws(BuildError)
    -> ProcessSupervisor.Job
  {
    let home = try BuildError.preparing(workspace.makeFolder("facts"))
    var job = ProcessSupervisor.Job(
      executable: python, arguments: ["-E", "-B", "-S", script, sources] + style,
      workingDirectory: home, timeLimit: 60)
    job.environment = ["HOME": home, "XDG_CONFIG_HOME": home]
    return job
  }

  /// Reads the facts process's `F` lines (`F task json`, on its standard output: it runs no
  /// student code, so its lines carry no key).
  ///
  /// - Parameter output: What the facts process printed.
  /// - Returns: The files' facts (`pythonFiles`, `sorting`).
  static func readFacts(_ output: String) -> SourceFacts {
    var facts = SourceFacts(language: .python)
    for line in output.split(separator: "\n") {
      let fields = line.split(separator: "\t", maxSplits: 2, omittingEmptySubsequences: false)
      guard fields.count == 3, fields[0] == HarnessProtocol.Record.facts.rawValue,
        let taskID = Int(fields[1]), let task = Exercise.task(taskID),
        let file = try? JSONDecoder().decode(PythonFileFacts.self, from: Data(fields[2].utf8))
      else { continue }
      facts.pythonFiles[taskID] = file
      facts.sorting[taskID] = (file.sortingLines ?? []).map {
        SourceLocation(file: task.python.file, line: $0)
      }
    }
    return facts
  }

  /// Reads the probe's `P` (signature) and `A` (audit) lines.
  ///
  /// - Parameters:
  ///   - probe: How the probe ended, and what it wrote.
  ///   - key: The probe's channel key, or `nil` for lines without sequence and key.
  /// - Returns: Each task's availability, what the files say (`forgedLines` counts the lines
  ///   the submission wrote itself), and what the audit hook saw.
  static func read(probe: ProcessSupervisor.Outcome, key: ChannelKey? = nil) -> (
    [Int: TaskAvailability], SourceFacts, [String]
  ) {
    var availability: [Int: TaskAvailability] = [:]
    var findings: [String] = []
    var facts = SourceFacts(language: .python)
    let text = String(decoding: probe.channel, as: UTF8.self)
    let lines: [Substring]
    if let key {
      let (records, forged) = key.authenticate(text)
      lines = records.map { $0.joined(separator: "\t")[...] }
      facts.forgedLines = forged
    } else {
      lines = text.split(separator: "\n")
    }
    for line in lines {
      if line.hasPrefix(HarnessProtocol.Record.audit.rawValue + "\t"),
        let finding = HarnessFinding(line.split(separator: "\t", omittingEmptySubsequences: false))
      {
        if finding.isForgery { facts.forgedLines += 1 }
        findings.append(finding.description)
        continue
      }
      let fields = line.split(separator: "\t", maxSplits: 3, omittingEmptySubsequences: false)
      guard fields.count >= 3, let taskID = Int(fields[1]), let task = Exercise.task(taskID) else {
        continue
      }
      let payload = fields.count > 3 ? String(fields[3]) : ""
      guard HarnessProtocol.Record(rawValue: String(fields[0])) == .probe,
        let status = HarnessProtocol.ProbeStatus(rawValue: String(fields[2]))
      else { continue }
      switch status {
      case .ok:
        availability[taskID] = .callable(signatureProblem: nil)
        facts.declared[taskID] = .init(
          header: payload, location: SourceLocation(file: task.python.file))
      case .renamed:
        availability[taskID] = .callable(
          signatureProblem: "its parameters are not named "
            + "(\(task.python.parameterNames.joined(separator: ", "))) as the project says")
        facts.declared[taskID] = .init(
          header: payload, location: SourceLocation(file: task.python.file))
      case .wrong:
        availability[taskID] = .wrongSignature(found: payload)
        facts.declared[taskID] = .init(
          header: payload, location: SourceLocation(file: task.python.file))
      case .missing, .missingFile:
        availability[taskID] = .missing
      case .needs:
        availability[taskID] = .needsTask(Int(payload) ?? 0)
      case .error, .incompatible:
        let error = try? JSONDecoder().decode(ProbeError.self, from: Data(payload.utf8))
        let diagnostic = Diagnostic(
          file: error?.file ?? task.python.file, line: error?.line ?? 0, severity: .error,
          message: error?.message ?? payload)
        availability[taskID] =
          status == .error ? .compileError([diagnostic]) : .incompatible([diagnostic])
      case .default:
        facts.waitRandomHasDefault = payload != "None"
        facts.waitRandomDefaultLiteral = Int(payload)
      }
    }
    if !availability.isEmpty,
      !lines.contains(where: {
        $0.split(separator: "\t").first.map(String.init) == HarnessProtocol.Record.done.rawValue
      })
    {
      // The probe stopped part way (a file called exit() or os._exit() on import): the files it
      // never reached are not missing, they were not read.
      for task in Exercise.tasks where availability[task.id] == nil {
        availability[task.id] = .compileError([
          Diagnostic(
            file: task.python.file, line: 0, severity: .error,
            message: "the program ended while this file or an earlier one was imported "
              + "(exit() or os._exit() at import time)")
        ])
      }
    }
    if availability.isEmpty {
      // The probe itself failed (a file that hangs or exits on import): every task fails.
      let reason = Interruption(probe.termination).description
      for task in Exercise.tasks {
        availability[task.id] = .compileError([
          Diagnostic(
            file: task.python.file, line: 0, severity: .error, message: "importing \(reason)")
        ])
      }
    }
    return (availability, facts, findings)
  }

  private struct ProbeError: Decodable {
    var file: String
    var line: Int
    var message: String
  }
}
