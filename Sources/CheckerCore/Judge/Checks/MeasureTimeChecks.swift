/// Task 2's checks: `measureTime(n:maxDelay:)`.
///
/// The function ran against the checker's `waitN`, which recorded when each of its calls ran
/// and with which arguments: the result is judged against that, relatively, so that load
/// (which stretches the harness's own measurement) cannot fail a correct function.
enum MeasureTimeChecks {
  static let all: [Check] = [average]

  /// The checker's `waitN` calls made for `call`: by the call each says it ran for or, when
  /// some say nothing (a detached task), those that ran within the call with its arguments.
  static func runs(of call: TaskEvidence.Call, in evidence: TaskEvidence) -> [TaskEvidence
    .WaitNCall]
  {
    let own = evidence.waitNCalls.filter { $0.context == call.plan.id }
    guard own.isEmpty, let started = call.started, let ended = call.ended else { return own }
    return evidence.waitNCalls.filter {
      $0.context < 0 && $0.start >= started && $0.end <= ended && $0.n == call.plan.n
        && $0.maxDelay == call.plan.maxDelay
    }
  }

  /// The result times n is the time the student's `waitN` call took, within a relative margin.
  static let average = Check(
    name: "average", title: "returns the total time divided by \(parameter: "n"), in seconds"
  ) { context in
    return context.judgeReturned(context.evidence.calls) { calls in
      var judged = 0
      for call in calls.sorted(by: CheckContext.smallerCall) {
        let runs = runs(of: call, in: context.evidence)
        guard let result = call.values?.first, let wall = call.duration,
          let first = runs.map(\.start).min(), let last = runs.map(\.end).max()
        else { continue }
        judged += 1
        let inner = last - first
        let n = Double(call.plan.n)
        func matches(_ total: Double) -> Bool {
          total >= inner * (1 - Tolerances.measuredRelative) - Tolerances.measuredAbsolute
            && total <= wall * (1 + Tolerances.measuredRelative) + Tolerances.measuredAbsolute
        }
        let total = result * n
        if matches(total) { continue }
        func mismatch(hint: String?) -> Verdict {
          .mismatch(
            Mismatch(
              "`\(context.show(call.plan))`", actual: Format.value(result),
              expected: "about \(Format.value(inner / n)) seconds (its waitN ran "
                + "\(Format.seconds(inner)), divided by n)",
              hint: hint))
        }
        if call.plan.n >= 2, matches(result) {
          return mismatch(hint: "that is the total")
        }
        if matches(total / 1000) || matches(result / 1000) {
          return mismatch(hint: "that looks like milliseconds")
        }
        if result == Double(call.plan.maxDelay) || total == Double(call.plan.maxDelay) {
          return mismatch(hint: "that is maxDelay, not a measurement")
        }
        return mismatch(hint: nil)
      }
      guard judged > 0 else {
        return .skip("nothing to judge: no call ran waitN (see the check below)")
      }
      return .pass()
    }
  }

  /// Each call runs the function it times (`waitN`) once, with its own `n` and `maxDelay`.
  ///
  /// - Parameters:
  ///   - timed: The task whose function it times.
  ///   - name: The check's name (`ExerciseTask.builtOnCheckName`).
  /// - Returns: The check.
  static func usesBuiltOn(_ timed: ExerciseTask, named name: String) -> Check {
    Check(
      name: name,
      title: "runs \(function: timed)(\(parameter: "n"), \(parameter: "maxDelay")) once per call"
    ) { context in
      judgeUsesTimed(context, timed: timed)
    }
  }

  private static func judgeUsesTimed(_ context: CheckContext, timed: ExerciseTask) -> Verdict {
    let waitN = context.name(ofTask: timed.id)
    guard context.evidence.isInstrumented else {
      return .skip("calls to \(waitN) could not be recorded")
    }
    // Arguments passed on wrongly show in any call that ran waitN, even when another call
    // then ran out of time (swapped, n and maxDelay can make a call sleep far too long).
    for call in context.evidence.calls.sorted(by: CheckContext.smallerCall) {
      guard
        let run = runs(of: call, in: context.evidence).first(where: {
          $0.n != call.plan.n || $0.maxDelay != call.plan.maxDelay
        })
      else { continue }
      // The function timed, as the task it builds on calls it.
      guard let timed = context.task.builtOnTask else { continue }
      let ran = PlannedCall(
        id: -1, taskID: timed.id, n: run.n,
        maxDelay: run.maxDelay, purpose: .sample)
      let asked = PlannedCall(
        id: -1, taskID: timed.id, n: call.plan.n,
        maxDelay: call.plan.maxDelay, purpose: .sample)
      return .mismatch(
        Mismatch(
          "`\(context.show(call.plan))`", "ran", actual: "`\(context.show(ran))`",
          expected: "`\(context.show(asked))`", hint: nil),
        details: ["pass n and maxDelay on, in that order"])
    }
    return context.judgeReturned(context.evidence.calls) { calls in
      for call in calls.sorted(by: CheckContext.smallerCall) {
        let runs = runs(of: call, in: context.evidence)
        let shown = "`\(context.show(call.plan))`"
        guard runs.first != nil else {
          return .fail("\(shown) never ran \(waitN)", details: [Hints.neverRan(context.language)])
        }
        if runs.count > 1 {
          return .mismatch(
            Mismatch(shown, "ran \(waitN)", actual: "\(runs.count) times", expected: "once"),
            details: ["run it once and time it"])
        }
      }
      return .pass()
    }
  }
}
