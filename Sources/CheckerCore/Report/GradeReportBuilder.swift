/// Puts a grading's report together, in one place, from what the pipeline found: the judge's
/// verdicts; the checks the machine could not run, removed with a note (neither a pass nor a
/// lost point); each task's outcome; the grading's status; and the findings a person must read.
struct GradeReportBuilder {
  /// The submission graded.
  var submission: Submission
  /// Its build.
  var build: BuildResult
  /// What its runs saw, by task.
  var evidence: [Int: TaskEvidence]
  /// What its sources say.
  var facts: SourceFacts
  /// The tasks graded.
  var tasks: [ExerciseTask]
  /// The notes so far (the loader's, the runs').
  var notes: [String]

  /// The report.
  ///
  /// - Parameters:
  ///   - seed: The seed of the inputs.
  ///   - scoring: The grading policy.
  ///   - seconds: How long the grading took.
  /// - Returns: The report, with its outcomes, status and notes.
  func report(seed: UInt64, scoring: Scoring, seconds: Double) -> GradeReport {
    let protection = Sandbox.protection
    var notes = self.notes
    notes.insert(
      submission.language == .swift
        ? "Swift \(submission.languageMode) language mode" : "Python submission", at: 0)
    notes.append(protection)
    if let guardNote = Self.channelGuardNote(evidence.values) { notes.append(guardNote) }
    if build.launcher != nil, !build.isInstrumented {
      notes.append("sleeps could not be recorded: timelines and call counts are not shown")
    }
    var report = GradeReport(
      submission: submission.displayPath, seed: seed,
      tasks: Judge.grade(tasks, build: build, evidence: evidence, facts: facts), notes: notes,
      seconds: seconds)
    report.scoring = scoring
    report.sandbox = protection
    for (check, reason) in unavailableChecks() {
      // A check the machine cannot run is no check: it neither passes nor costs a point.
      for index in report.tasks.indices {
        report.tasks[index].checks.removeAll { $0.name == check }
      }
      report.notes.append("not checked: \(reason)")
    }
    for index in report.tasks.indices {
      let id = report.tasks[index].id
      report.tasks[index].outcome = Self.outcome(
        of: report.tasks[index], availability: build.availability[id], evidence: evidence[id])
    }
    report.status = Self.status(build: build, evidence: evidence, tasks: report.tasks)
    if case .unavailable(let reason) = build.compiledSymbols {
      report.notes.append("not checked: the compiled code's symbols (\(reason))")
    }
    let findings = reviewFindings()
    if !findings.isEmpty {
      report.notes += findings.map { StudentResult.reviewPrefix + $0 }
      // A person must look, whatever the grade; only forged records say more.
      if report.status != .tampered { report.status = .needsReview }
    }
    return report
  }

  /// The checks this machine could not run, by name, with why: `swift format` missing from
  /// the toolchain, pycodestyle from the Python that grades.
  func unavailableChecks() -> [(check: String, reason: String)] {
    var unavailable: [(String, String)] = []
    if case .unavailable(let reason) = facts.swiftFormat {
      unavailable.append(("swift-format", "swift format lint (\(reason))"))
    }
    if submission.language == .python, !facts.pythonFiles.isEmpty,
      facts.pythonFiles.values.allSatisfy({ $0.pycodestyle == nil })
    {
      unavailable.append(
        (
          "pycodestyle",
          "pycodestyle (not installed for the Python that grades: pip install pycodestyle)"
        ))
    }
    return unavailable
  }

  /// What a person should read the code for, each finding once.
  ///
  /// What the code did (the Python harness's audit hook; what the compiled Swift code defines or
  /// calls, whatever the spelling that produced it), then what its text says.
  func reviewFindings() -> [String] {
    var seen = Set<String>()
    return
      (build.harnessFindings + tasks.flatMap { evidence[$0.id]?.harnessFindings ?? [] }).filter {
        seen.insert($0).inserted
      }
      + (build.compiledSymbols?.findings.map(\.message) ?? [])
      + TamperingScan.findings(in: submission)
      + Self.unexpectedImports(facts)
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

  /// How the grading went as a whole: `tampered` when records were forged or the report
  /// channel taken over, else the worst of
  /// the tasks' outcomes.
  static func status(build: BuildResult, evidence: [Int: TaskEvidence], tasks: [TaskReport])
    -> GradingStatus
  {
    if evidence.values.contains(where: { $0.forgedLines > 0 || $0.tookOverChannel })
      || (build.facts?.forgedLines ?? 0) > 0
    {
      return .tampered
    }
    if !build.submissionErrors.isEmpty { return .compileError }
    return GradingStatus(worstOf: tasks.compactMap(\.outcome))
  }

  /// Whether the harness processes that ran had the channel guard (`SeccompFilter.channelGuard`)
  /// installed, as a report note; `nil` when none ran.
  static func channelGuardNote(_ evidence: some Collection<TaskEvidence>) -> String? {
    let processes = evidence.reduce(0) { $0 + $1.harnessProcesses }
    let guarded = evidence.reduce(0) { $0 + $1.guardedProcesses }
    guard processes > 0 else { return nil }
    if guarded == processes {
      return "channel guard: a seccomp filter in every harness process (descriptor 3 stays "
        + "the report channel)"
    }
    return "channel guard: not installed in \(processes - guarded) of \(processes) harness "
      + "processes (seccomp refused here): the harness's descriptor checks only"
  }

  /// The Python imports a solution never needs, as "needs review" findings.
  static func unexpectedImports(_ facts: SourceFacts) -> [String] {
    Exercise.tasks.flatMap { task in
      (facts.pythonFiles[task.id]?.unexpectedImports ?? []).map {
        "\(task.python.file):\($0.line): imports `\($0.module)` (a module this exercise never needs)"
      }
    }
  }
}
