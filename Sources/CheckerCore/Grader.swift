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

  /// What the runs of a grading saw, and which tasks ran twice.
  struct Attempts {
    /// Each task's evidence: its second run's, for a task that ran twice.
    var evidence: [Int: TaskEvidence]
    /// The tasks that ran a second time.
    var ranAgain: [Int]
  }

  /// Runs the callable tasks at most twice.
  ///
  /// Once, then once more for each task whose only failures are of time (a sleep that ended
  /// late, a call that ran out of time): a busy machine can slow correct code once; code that is
  /// too slow is too slow again. The second run's evidence stands. Decided on the behaviour
  /// checks alone: a missing docstring must not make a late sleep stand.
  ///
  /// - Parameters:
  ///   - runner: The runner of the build.
  ///   - plan: The calls.
  ///   - tasks: The tasks graded.
  ///   - build: The build (which tasks are callable).
  ///   - facts: The sources' facts, for the judge.
  ///   - first: The first run's evidence, when it was made already (Python's, beside its probe).
  /// - Returns: The evidence, and the tasks run again.
  /// - Throws: `RunError` when a run's folder cannot be made.
  static func run(
    _ runner: HarnessRunner, plan: RunPlan, tasks: [ExerciseTask], build: BuildResult,
    facts: SourceFacts, first: [Int: TaskEvidence]?
  ) throws(RunError) -> Attempts {
    let callable = tasks.filter { build.availability[$0.id]?.isCallable == true }.map(\.id)
    var evidence: [Int: TaskEvidence]
    if let first {
      evidence = first.filter { callable.contains($0.key) }
    } else {
      evidence = try runner.run(plan, taskIDs: callable)
    }
    let again = Judge.grade(tasks, build: build, evidence: evidence, facts: facts).filter {
      report in
      let failed = report.checks.filter {
        $0.status == .failed && !CheckCatalog.requirementNames.contains($0.name)
      }
      return !failed.isEmpty && failed.allSatisfy { $0.failedOnTime == true }
    }.map(\.id)
    if !again.isEmpty {
      for (taskID, rerun) in try runner.run(plan, taskIDs: again) {
        evidence[taskID] = rerun
      }
    }
    return Attempts(evidence: evidence, ranAgain: again)
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
      let facts = build.completeFacts(of: submission)
      var notes = submission.notes
      var evidence: [Int: TaskEvidence] = [:]
      if let runner = HarnessRunner(for: build, workspace: workspace) {
        let attempts = try Self.run(
          runner, plan: plan, tasks: tasks, build: build, facts: facts, first: speculative)
        evidence = attempts.evidence
        if !attempts.ranAgain.isEmpty {
          notes.append(
            "run again, as their only failures were of time: task "
              + attempts.ranAgain.map(String.init).joined(separator: ", "))
        }
      }
      let runSeconds = max(0, running.seconds - build.seconds)
      var report = GradeReportBuilder(
        submission: submission, build: build, evidence: evidence, facts: facts, tasks: tasks,
        notes: notes
      ).report(seed: request.seed, scoring: request.scoring, seconds: stopwatch.seconds)
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
