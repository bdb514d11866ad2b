import Foundation

/// Grades one submission end to end: submission → build → run → judge, into a `GradeReport`.
public struct Grader: Sendable {
  /// What to grade, and how.
  public struct Request: Sendable {
    /// The submission's path, or `nil` for the bundled reference.
    public var path: String?
    /// The package target to read, when the package has several.
    public var target: String?
    /// A Swift language mode to force (5 or 6), or `nil` for the submission's own.
    public var languageMode: Int?
    /// The submission's language, or `nil` to detect it.
    public var language: Language?
    /// The seed for the inputs.
    public var seed: UInt64
    /// The tasks to grade.
    public var taskIDs: [Int]
    /// Whether to keep the temporary build folder (its path is returned) instead of deleting it.
    public var keepsBuild: Bool
    /// How checks turn into points.
    public var scoring: Scoring = .perCheck
    /// The gate a batch's gradings compile through, one per core; `nil` alone.
    public var cpuGate: CPUGate?

    /// Creates a request.
    ///
    /// - Parameters:
    ///   - path: The submission's path, or `nil` for the reference.
    ///   - target: The package target to read.
    ///   - languageMode: A language mode to force.
    ///   - language: The submission's language, or `nil` to detect it.
    ///   - seed: The seed for the inputs.
    ///   - taskIDs: The tasks to grade.
    ///   - keepsBuild: Whether to keep the build folder.
    public init(
      path: String?, target: String? = nil, languageMode: Int? = nil, language: Language? = nil,
      seed: UInt64,
      taskIDs: [Int] = Exercise.tasks.map(\.id), keepsBuild: Bool = false
    ) {
      self.path = path
      self.target = target
      self.languageMode = languageMode
      self.language = language
      self.seed = seed
      self.taskIDs = taskIDs
      self.keepsBuild = keepsBuild
    }
  }

  /// What grading produced.
  public struct Result: Sendable {
    /// The report.
    public var report: GradeReport
    /// The build folder, when it was kept.
    public var keptBuildFolder: String?
  }

  /// The clock gradings are timed on (the report's seconds); the harness's own timings are
  /// the child processes'.
  public var clock: any Clock<Duration>

  /// Creates a grader.
  ///
  /// - Parameter clock: The clock to time gradings on (default: `ContinuousClock()`).
  public init(clock: any Clock<Duration> = ContinuousClock()) {
    self.clock = clock
  }

  /// Grades a submission without holding a thread of Swift's cooperative pool.
  ///
  /// Grading blocks for seconds (compiling, waiting for child processes), so it runs `offPool`.
  ///
  /// - Parameter request: What to grade.
  /// - Returns: The report (and the build folder, if kept).
  /// - Throws: `GradingError` when the submission cannot be read or built at all.
  public func grade(_ request: Request) async throws(GradingError) -> Result {
    try await offPool { () throws(GradingError) -> Result in try self.grade(request) }
  }

  /// What happened to one task, in a word (see `TaskReport.outcome`).
  ///
  /// A call that ran out of time is a `hang` when even one sleep after another would have
  /// ended long before (n = 0, maxDelay 0, or n × maxDelay within a second) and it started (or
  /// nothing started); otherwise the code is too slow or blocks the others, which its timing
  /// checks report: `failing-checks`.
  static func outcome(of task: TaskReport, availability: TaskAvailability?, evidence: TaskEvidence?)
    -> TaskOutcome
  {
    switch availability {
    case .compileError?: return .compileError
    case .missing?, .wrongSignature?: return .missing
    case .needsTask?, .incompatible?: return .notGraded
    default: break
    }
    let calls = evidence?.calls ?? []
    if calls.contains(where: {
      guard let interruption = $0.interruption else { return false }
      if case .timedOut = interruption { return false }
      return true
    }) {
      return .crash
    }
    // A short call hung when it ran a second longer than all its sleeps one after another;
    // one that started late, or never, was held up by the others (code that blocks:
    // time.sleep, Thread.sleep), which the timing checks report. With no call started at all,
    // the code hung before any call (at import, say).
    let anyStarted = calls.contains { $0.started != nil }
    if calls.contains(where: {
      guard case .timedOut(let limit)? = $0.interruption else { return false }
      let bound = Double($0.plan.n * $0.plan.maxDelay)
      guard bound <= 1 else { return false }
      guard let started = $0.started else { return !anyStarted }
      return limit - started > bound + 1
    }) {
      return .hang
    }
    return task.passed ? .ok : .failingChecks
  }

  /// How the grading went as a whole: `tampered` when records were forged, else the worst of
  /// the tasks' outcomes.
  static func status(build: BuildResult, evidence: [Int: TaskEvidence], tasks: [TaskReport])
    -> GradingStatus
  {
    if evidence.values.contains(where: { $0.forgedLines > 0 })
      || (build.facts?.forgedLines ?? 0) > 0
    {
      return .tampered
    }
    if !build.submissionErrors.isEmpty { return .compileError }
    return GradingStatus(worstOf: tasks.compactMap(\.outcome))
  }

  /// The Python imports a solution never needs, as "needs review" findings.
  static func unexpectedImports(_ facts: SourceFacts) -> [String] {
    Exercise.tasks.flatMap { task in
      (facts.pythonFiles[task.id]?.unexpectedImports ?? []).map {
        "\(task.python.file):\($0.line): imports `\($0.module)` (a module this exercise never needs)"
      }
    }
  }

  /// Grades a submission, blocking the calling thread until it is done.
  ///
  /// - Parameter request: What to grade.
  /// - Returns: The report (and the build folder, if kept).
  /// - Throws: `GradingError` when the submission cannot be read or built at all; a student's
  ///   compile error is a verdict in the report, not an error.
  public func grade(_ request: Request) throws(GradingError) -> Result {
    let stopwatch = Stopwatch(clock: clock)
    let submission: Submission
    if let path = request.path {
      do {
        submission = try SubmissionLoader(
          target: request.target, languageMode: request.languageMode, language: request.language
        )
        .load(path: path)
      } catch {
        throw .submission(error)
      }
    } else {
      submission = ReferenceSubmission.submission
    }
    let tasks = Exercise.tasks.filter { request.taskIDs.contains($0.id) }
    let workspace: Workspace
    do {
      workspace = try Workspace.make()
      defer { if !request.keepsBuild { workspace.remove() } }
      let plan = RunPlan(seed: request.seed)
      // Run time is what the grading took besides building (Python's probe overlaps its runs).
      let running = Stopwatch(clock: clock)
      let build: BuildResult
      // Python's runs start with its probe, in the same process (see `PythonBuilder`).
      var speculative: [Int: TaskEvidence]?
      switch submission.language {
      case .swift:
        var builder = SubmissionBuilder(toolchain: try Toolchain.find(), workspace: workspace)
        builder.clock = clock
        let compiling = { () throws(BuildError) -> BuildResult in
          try builder.build(submission, tasks: tasks)
        }
        build =
          try request.cpuGate.map { gate throws(BuildError) in try gate.run(compiling) }
          ?? compiling()
      case .python:
        // Not through the gate: the probe is a tenth of a second of CPU in a process that
        // then sleeps through the runs.
        var builder = PythonBuilder(python: try Toolchain.python(), workspace: workspace)
        builder.clock = clock
        (build, speculative) = try builder.build(
          submission, speculating: (plan, tasks.map(\.id)))
      }
      // Nothing of the exercise at all: one sentence, not five "missing" tasks and their skips.
      if let path = request.path,
        Exercise.tasks.allSatisfy({ build.availability[$0.id] == .missing })
      {
        throw GradingError.submission(
          .notTheExercise(
            path: path,
            expected: Exercise.tasks.map {
              submission.language == .python ? $0.python.name : $0.signature.name
            },
            read: submission.files.map(\.relativePath)))
      }
      var facts = build.facts ?? SourceFacts(submission: submission)
      // One decision on the default argument: the compiler's, when it got that far (the text
      // only says what the default's literal value is).
      if let hasDefault = build.hasDefaultArgument { facts.waitRandomHasDefault = hasDefault }
      if submission.language == .swift {
        facts.swiftFormat = build.swiftFormat
      }
      var evidence: [Int: TaskEvidence] = [:]
      var notes = submission.notes
      if let runner = HarnessRunner(for: build, workspace: workspace) {
        let runnable = tasks.filter {
          Judge.blockingReason($0, build: build, language: submission.language) == nil
        }.map(\.id)
        evidence =
          try speculative?.filter { runnable.contains($0.key) }
          ?? runner.run(plan, taskIDs: runnable)
        // A task whose only failures are of time (a sleep that ended late, a call that ran out
        // of time) runs once more: a busy machine can slow correct code once, while code that
        // is too slow is too slow again. The second run's verdicts stand.
        // Decided on the behaviour checks alone: a missing docstring must not make a late
        // sleep stand.
        let first = Judge.grade(tasks, build: build, evidence: evidence, facts: facts)
        let requirements = Set(
          CheckCatalog.requirements(language: submission.language).map(\.name))
        let again = first.filter { report in
          let failed = report.checks.filter {
            $0.status == .failed && !requirements.contains($0.name)
          }
          return !failed.isEmpty && failed.allSatisfy { $0.failedOnTime == true }
        }.map(\.id)
        if !again.isEmpty {
          for (taskID, rerun) in try runner.run(plan, taskIDs: again) {
            evidence[taskID] = rerun
          }
          notes.append(
            "run again, as their only failures were of time: task "
              + again.map(String.init).joined(separator: ", "))
        }
      }
      let runSeconds = max(0, running.seconds - build.seconds)
      notes.insert(
        submission.language == .swift
          ? "Swift \(submission.languageMode) language mode" : "Python submission", at: 0)
      notes.append(Sandbox.protection)
      if build.launcher != nil, !build.isInstrumented {
        notes.append("sleeps could not be recorded: timelines and call counts are not shown")
      }
      var report = GradeReport(
        submission: submission.displayPath, seed: request.seed,
        tasks: Judge.grade(tasks, build: build, evidence: evidence, facts: facts), notes: notes,
        seconds: stopwatch.seconds)
      report.scoring = request.scoring
      report.sandbox = Sandbox.protection
      if case .unavailable(let reason) = facts.swiftFormat {
        // A check the machine cannot run is no check: it neither passes nor costs a point.
        for index in report.tasks.indices {
          report.tasks[index].checks.removeAll { $0.name == "swift-format" }
        }
        report.notes.append("not checked: swift format lint (\(reason))")
      }
      if submission.language == .python, !facts.pythonFiles.isEmpty,
        facts.pythonFiles.values.allSatisfy({ $0.pycodestyle == nil })
      {
        // The same for pycodestyle, missing from the Python that grades: the machine's lack,
        // not the student's.
        for index in report.tasks.indices {
          report.tasks[index].checks.removeAll { $0.name == "pycodestyle" }
        }
        report.notes.append(
          "not checked: pycodestyle (not installed for the Python that grades: "
            + "pip install pycodestyle)")
      }
      for index in report.tasks.indices {
        let id = report.tasks[index].id
        report.tasks[index].outcome = Self.outcome(
          of: report.tasks[index], availability: build.availability[id], evidence: evidence[id])
      }
      report.status = Self.status(build: build, evidence: evidence, tasks: report.tasks)
      // What the code did (the Python harness's audit hook; what the compiled Swift code
      // defines or calls, whatever the spelling that produced it), then what its text says.
      var seen = Set<String>()
      let suspicious =
        (build.harnessFindings
        + tasks.flatMap { evidence[$0.id]?.harnessFindings ?? [] }).filter {
          seen.insert($0).inserted
        }
        + (build.compiledSymbols?.findings.map(\.message) ?? [])
        + TamperingScan.findings(in: submission)
        + Self.unexpectedImports(facts)
      if case .unavailable(let reason) = build.compiledSymbols {
        report.notes.append("not checked: the compiled code's symbols (\(reason))")
      }
      if !suspicious.isEmpty {
        report.notes += suspicious.map { StudentResult.reviewPrefix + $0 }
        // A person must look, whatever the grade; only forged records say more.
        if report.status != .tampered { report.status = .needsReview }
      }
      report.buildSeconds = build.seconds
      report.runSeconds = runSeconds
      if !request.keepsBuild, !workspace.remove() {
        report.notes.append(
          "not removed: \(workspace.root) (what the grading left could not be deleted)")
      }
      return Result(report: report, keptBuildFolder: request.keepsBuild ? workspace.root : nil)
    } catch let error as GradingError {
      throw error
    } catch let error as BuildError {
      throw .build(error)
    } catch let error as RunError {
      throw .run(error)
    } catch {
      throw .build(.workspace("\(error)"))
    }
  }
}
