import Foundation

/// Turns what the build found and what the harness saw into verdicts, task by task.
///
/// Every task opens with its signature check (from the build). When the task's function cannot
/// be called, or a task it builds on is broken, its other checks are skipped, not failed: the
/// student sees one failure to fix, not a wall of them.
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
    var failing: [Int: String] = [:]
    let language = facts.language
    return tasks.map { task in
      let availability = build.availability[task.id] ?? .missing
      var checks = [signatureCheck(task, availability, facts: facts)]
      let blocked = blockingReason(task, build: build, language: language)
      let taskEvidence = evidence[task.id]
      let catalog = CheckCatalog.checks(forTask: task.id, language: language)
      let timeoutsAreReported = catalog.contains(where: \.reportsTimeouts)
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
        // A crash or hang in code this task builds on is that task's failure, reported there.
        if case .slowedOrInterrupted = verdict,
          let cause = task.prerequisites.lazy.compactMap({ failing[$0] }).first
        {
          verdict = .skip(cause)
        }
        // Python names the parameter max_delay; the checks' titles are written once.
        let title =
          language == .python
          ? check.title.replacingOccurrences(of: "maxDelay", with: "max_delay") : check.title
        checks.append(report(check.name, title, verdict))
      }
      if let cause = task.prerequisites.lazy.compactMap({ failing[$0] }).first {
        failing[task.id] = cause
      } else if checks.contains(where: { $0.status != .passed }) {
        failing[task.id] =
          "needs \(task.functionName(in: language)) (task \(task.id)) to pass first: fix it, "
          + "then this runs"
      }
      let location = facts.declared[task.id]?.location
      for index in checks.indices where checks[index].status == .failed {
        checks[index].location = location
      }
      return TaskReport(
        id: task.id, title: task.title, function: task.declaration(in: language), checks: checks,
        printed: taskEvidence.flatMap(printed))
    }
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
          + (diagnostics.count > 8 ? ["… and \(diagnostics.count - 8) more errors"] : []),
        diagnostics: diagnostics)
    case .needsTask(let other):
      let used = Exercise.task(other)?.functionName(in: language) ?? "task \(other)"
      return CheckReport(
        name: "signature", title: title, status: .skipped,
        message: "cannot be loaded because it uses \(used) (task \(other)), which is broken")
    }
  }

  /// Why a task's behaviour cannot be checked, or `nil` when it can.
  static func blockingReason(_ task: ExerciseTask, build: BuildResult, language: Language)
    -> String?
  {
    let availability = build.availability[task.id] ?? .missing
    let name = task.functionName(in: language)
    guard availability.isCallable else {
      switch availability {
      case .compileError:
        return language == .swift ? "\(name) does not compile" : "\(name) does not load"
      case .needsTask(let other):
        let used = Exercise.task(other)?.functionName(in: language) ?? "?"
        return "needs \(used) (task \(other)), which is broken"
      default:
        return "no \(name) to call"
      }
    }
    for prerequisite in task.prerequisites {
      guard let needed = Exercise.task(prerequisite) else { continue }
      if let reason = blockingReason(needed, build: build, language: language) {
        return "needs \(needed.functionName(in: language)) (task \(needed.id)): \(reason)"
      }
    }
    return nil
  }

  static func report(_ name: String, _ title: String, _ verdict: Verdict) -> CheckReport {
    switch verdict {
    case .pass(let message, let timeline):
      CheckReport(name: name, title: title, status: .passed, message: message, timeline: timeline)
    case .fail(let message, let details, let timeline):
      CheckReport(
        name: name, title: title, status: .failed, message: message, details: details,
        timeline: timeline)
    case .slowedOrInterrupted(let message, let details, let timeline):
      CheckReport(
        name: name, title: title, status: .failed, message: message, details: details,
        timeline: timeline)
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
