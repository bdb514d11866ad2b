import Foundation

/// Turns what the build found and what the harness saw into verdicts, task by task.
///
/// Every task opens with its signature check (from the build). Each task is judged on its own
/// function: the harness ran it against the checker's versions of the functions it builds on,
/// so a broken prerequisite neither fails nor skips it; what the student's prerequisite does is
/// added as a note. When the task's own function cannot be called, its other checks are
/// skipped, not failed: the student sees one failure to fix, not a wall of them.
public enum Judge {
  /// Grades `tasks`.
  ///
  /// - Parameters:
  ///   - tasks: The tasks to grade, in order.
  ///   - build: What the build found.
  ///   - evidence: What the harness saw, per task that ran.
  ///   - facts: What the sources say.
  /// - Returns: One report per task.
  public static func grade(
    _ tasks: [ExerciseTask], build: BuildResult, evidence: [Int: TaskEvidence], facts: SourceFacts
  ) -> [TaskReport] {
    let language = facts.language
    var reports = tasks.map { task in
      let availability = build.availability[task.id] ?? .missing
      var checks = [signatureCheck(task, availability, facts: facts)]
      let blocked = blockingReason(task, build: build, language: language)
      let taskEvidence = evidence[task.id]
      let catalog = CheckCatalog.checks(forTask: task.id, language: language)
      let timeoutsAreReported = catalog.contains(where: \.reportsTimeouts)
      var crash = taskEvidence.flatMap(unexplainedCrash)
      let forged = (taskEvidence?.forgedLines ?? 0) + facts.forgedLines
      for check in catalog {
        var verdict: Verdict
        if let blocked, !check.readsSourceOnly {
          verdict = .skip(blocked)
        } else if let taskEvidence {
          verdict = check.evaluate(
            CheckContext(
              task: task, evidence: taskEvidence, facts: facts,
              timeoutsAreReported: timeoutsAreReported))
        } else if check.readsSourceOnly {
          verdict = check.evaluate(
            CheckContext(
              task: task, evidence: TaskEvidence(taskID: task.id, calls: [], isInstrumented: false),
              facts: facts, timeoutsAreReported: false))
        } else {
          verdict = .skip("not run")
        }
        // Records the harness did not write, or a channel taken over: nothing the channel said
        // about this task counts.
        if taskEvidence?.tookOverChannel == true, !check.readsSourceOnly {
          verdict = .fail(
            "tampered: the submission took over the checker's report channel (descriptor 3): "
              + "nothing its run reported is accepted")
        } else if forged > 0, !check.readsSourceOnly {
          verdict = .fail(
            "tampered: \(forged) line\(forged == 1 ? "" : "s") on the checker's report channel "
              + "did not come from the checker's harness (no key, or out of sequence): results "
              + "written by the submission itself are not accepted")
        }
        // A crash seen once counts, even when every call returned when run again alone.
        if let message = crash, !check.readsSourceOnly {
          verdict = .fail(message)
          crash = nil
        }
        checks.append(report(check.name, check.title.text(in: language), verdict))
      }
      // Requirements count for a function that does something: the untouched starter's tidy,
      // documented stubs earn nothing but their signatures.
      let worksAtAll = zip(catalog, checks.dropFirst()).contains {
        !$0.0.readsSourceOnly && $0.1.status == .passed
      }
      if !worksAtAll {
        for (check, index) in zip(catalog, checks.indices.dropFirst())
        where check.readsSourceOnly && checks[index].status == .passed {
          checks[index].status = .skipped
          checks[index].message =
            "requirements count once the function works: none of its behaviour checks passes yet"
        }
      }
      let location = facts.declared[task.id]?.location
      for index in checks.indices where checks[index].status == .failed {
        checks[index].location = checks[index].location ?? location
      }
      return TaskReport(
        id: task.id, title: task.title, function: task.declaration(in: language), checks: checks,
        printed: taskEvidence.flatMap(printed))
    }
    // Errors outside every task function fail every task: shown once, under the first.
    let shared = build.submissionErrors
    if !shared.isEmpty,
      let first = reports.firstIndex(where: { $0.checks.first?.diagnostics == shared })
    {
      reports[first].checks[0].message += ": the errors below are outside every task function"
      for index in reports.indices
      where index != first && reports[index].checks.first?.diagnostics == shared {
        reports[index].checks[0].message +=
          ": see the compile errors under task \(reports[first].id)"
        reports[index].checks[0].details = []
        reports[index].checks[0].diagnostics = []
      }
    }
    for index in reports.indices {
      reports[index].notes = prerequisiteNotes(
        for: reports[index], among: reports, build: build, language: language)
    }
    return reports
  }

  /// What the student's own versions of the functions a task builds on do, when they fail:
  /// information, since the task ran against the checker's versions.
  static func prerequisiteNotes(
    for report: TaskReport, among reports: [TaskReport], build: BuildResult, language: Language
  ) -> [String] {
    guard let task = Exercise.task(report.id), build.availability[task.id]?.isCallable == true
    else { return [] }
    return task.prerequisites.compactMap { prerequisite in
      guard let needed = Exercise.task(prerequisite) else { return nil }
      let name = needed.functionName(in: language)
      let own = task.functionName(in: language)
      if let other = reports.first(where: { $0.id == prerequisite }) {
        let failed = other.checks.filter { $0.status == .failed }.map(\.name)
        guard !failed.isEmpty else { return nil }
        return "\(own) was judged with the checker's \(name); your \(name) (task "
          + "\(prerequisite)) fails: \(failed.joined(separator: ", "))"
      }
      return nil
    }
  }

  /// The message for a crash, an exit or a limit that ended a run of the task's calls while no
  /// call's verdict shows it (each returned when run again alone), or `nil`.
  static func unexplainedCrash(_ evidence: TaskEvidence) -> String? {
    guard let crash = evidence.crashes.first else { return nil }
    let shown = evidence.calls.contains { $0.interruption?.endsEveryCall == true }
    guard !shown else { return nil }
    return "the program \(crash.description) while the calls ran together; run again one by "
      + "one, each returned: it fails only sometimes, or on a later call (a counter, a shared "
      + "variable, a race)"
  }

  static func signatureCheck(
    _ task: ExerciseTask, _ availability: TaskAvailability, facts: SourceFacts
  ) -> CheckReport {
    let language = facts.language
    let name = task.functionName(in: language)
    let expected = "`\(task.declaration(in: language))`"
    let title =
      "declares \(expected)" + (language == .python ? " in \(task.python.file)" : "")
    let located = facts.declared[task.id]
    let found = located.map { "`\($0.header)` (\($0.location))" }
    switch availability {
    case .callable(nil):
      return CheckReport(name: "signature", title: title, status: .passed)
    case .callable(let problem?):
      return CheckReport(
        name: "signature", title: title, status: .failed,
        message: "expected \(expected), found \(found ?? name): \(problem)")
    case .missing where language == .python && facts.pythonFiles[task.id] == nil:
      return CheckReport(
        name: "signature", title: title, status: .failed,
        message: "expected \(expected) in \(task.python.file): there is no file \(task.python.file)"
      )
    case .missing:
      return CheckReport(
        name: "signature", title: title, status: .failed,
        message: "expected \(expected): no function named \(name) was found")
    case .wrongSignature(let header):
      let plain = task.signature.plainFunctionType == nil ? " (a plain function, not async)" : ""
      return CheckReport(
        name: "signature", title: title, status: .failed,
        message: "expected \(expected)\(plain), found `\(header)`"
          + (located.map { " (\($0.location))" } ?? ""))
    case .compileError(let diagnostics):
      return CheckReport(
        name: "signature", title: title, status: .failed,
        message: language == .swift
          ? "\(name) does not compile" : "\(task.python.file) does not import",
        details: diagnostics.prefix(8).map(\.description)
          + (diagnostics.count > 8 ? ["… and \(diagnostics.count - 8) more errors"] : [])
          + (diagnostics.contains { $0.message.contains("unavailable from asynchronous contexts") }
            ? [Hints.blockingSleep(language)] : []),
        diagnostics: diagnostics)
    case .needsTask(let other):
      let used = Exercise.task(other)?.functionName(in: language) ?? "task \(other)"
      return CheckReport(
        name: "signature", title: title, status: .skipped,
        message: "cannot be loaded because it uses \(used) (task \(other)), which is broken")
    case .incompatible(let diagnostics):
      let used = task.prerequisites.compactMap { Exercise.task($0) }.map {
        "`\($0.declaration(in: language))`"
      }
      return CheckReport(
        name: "signature", title: title, status: .skipped,
        message: "\(name) cannot be graded on its own: it does not compile with the exercise's "
          + (used.isEmpty ? "functions" : used.joined(separator: " and "))
          + " (it calls your own version, declared differently)",
        details: diagnostics.prefix(8).map(\.description), diagnostics: diagnostics)
    }
  }

  /// Why a task's behaviour cannot be checked, or `nil` when it can.
  static func blockingReason(_ task: ExerciseTask, build: BuildResult, language: Language)
    -> String?
  {
    let availability = build.availability[task.id] ?? .missing
    let name = task.functionName(in: language)
    switch availability {
    case .callable:
      return nil
    case .compileError:
      return language == .swift ? "\(name) does not compile" : "\(name) does not load"
    case .needsTask(let other):
      let used = Exercise.task(other)?.functionName(in: language) ?? "?"
      return "needs \(used) (task \(other)), which is broken"
    case .incompatible:
      return "\(name) does not compile with the exercise's versions of the functions it calls"
    case .missing, .wrongSignature:
      return "no \(name) to call"
    }
  }

  static func report(_ name: String, _ title: String, _ verdict: Verdict) -> CheckReport {
    switch verdict {
    case .pass(let message, let timeline):
      CheckReport(name: name, title: title, status: .passed, message: message, timeline: timeline)
    case .fail(let message, let details, let timeline, let location, let mismatch):
      CheckReport(
        name: name, title: title, status: .failed, message: message, details: details,
        timeline: timeline, location: location, mismatch: mismatch)
    case .tooSlow(let message, let details, let timeline):
      CheckReport(
        name: name, title: title, status: .failed, message: message, details: details,
        timeline: timeline, failedOnTime: true)
    case .skip(let reason):
      CheckReport(name: name, title: title, status: .skipped, message: reason)
    }
  }

  static func printed(_ evidence: TaskEvidence) -> String? {
    guard evidence.printedByteCount > 0 else { return nil }
    let limit = 600
    let text = String(evidence.printed.prefix(limit))
    return evidence.printedByteCount > text.utf8.count
      ? text + "… (\(evidence.printedByteCount) bytes in all)" : text
  }
}
