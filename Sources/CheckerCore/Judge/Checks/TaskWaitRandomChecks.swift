/// Task 3's checks: `taskWaitRandom(maxDelay:)`.
///
/// The function ran against the checker's `waitRandom`, which recorded each sleep: the task must
/// really run it, and the function must hand the task back before the sleep ends.
enum TaskWaitRandomChecks {
  static let all: [Check] = [
    returnsAtOnce,
    // Once some task was seen to sleep: a value not drawn by a sleep proves nothing.
    SharedChecks.inBounds(title: "the task's value is within 0...\(parameter: "maxDelay")") {
      context, returned in
      guard returned.contains(where: { !context.sleeps(of: $0).isEmpty }) else {
        let builtOn = context.name(ofTask: context.task.builtOn ?? context.task.id)
        return .nothing(.skip("nothing to judge: no task ran \(builtOn)"))
      }
      return .calls(returned.sorted(by: CheckContext.smallerCall))
    },
    SharedChecks.sleepsReturnedDelay(title: "the task sleeps the delay it returns"),
  ]

  static let returnsAtOnce = Check(
    name: "returns-at-once", title: "returns the task at once, before the delay"
  ) { context in
    var shown = 0
    for call in context.evidence.calls.sorted(by: CheckContext.smallerCall) {
      guard let started = call.started, let returned = call.returned else {
        let reason = call.interruption?.description ?? "never returned"
        return .fail("`\(context.show(call.plan))` \(reason)")
      }
      if !call.returnedTask {
        return .fail(
          "`\(context.show(call.plan))` did not return an asyncio.Task: "
            + "wrap the coroutine with asyncio.create_task")
      }
      // A function that waits for its task's sleep returns after that sleep ended, however fast
      // the machine is; but a caller's thread paused by a busy machine can too (the task sleeps
      // on another thread), so it is a failure of time: run again, a function that waits fails
      // again, a paused thread does not.
      let sleeps = context.sleeps(of: call).filter { $0.end - $0.start >= 0.1 }
      if let awaited = sleeps.first(where: { $0.end <= returned }) {
        return .tooSlow(
          "`\(context.show(call.plan))` returned its task only after the task's "
            + "\(Format.seconds(awaited.end - awaited.start)) sleep ended; it must start the task "
            + "and return it without waiting")
      }
      if returned - started
        > Tolerances.immediateReturn + Tolerances.busyMachine(call.machineLateness)
      {
        // Slow but not waiting for the delay: a busy machine can do this once (a time failure,
        // run again), code that blocks before returning does it again.
        return .tooSlow(
          "`\(context.show(call.plan))` took \(Format.seconds(returned - started)) to return its "
            + "task; it must start the task and return it without waiting",
          details: context.machineDetails(call))
      }
      // Only a task that then sleeps shows that the function did not wait for it.
      if sleeps.contains(where: { $0.end > returned }) {
        shown += 1
      }
    }
    guard shown > 0 else {
      return .skip(
        "nothing to judge: no task slept after it was returned (see “the task runs waitRandom”)")
    }
    return .pass()
  }

  /// The task runs the function it builds on (`waitRandom`) once, with the call's `maxDelay`,
  /// and returns what it returned.
  ///
  /// - Parameters:
  ///   - builtOn: The task whose function the started task runs.
  ///   - name: The check's name (`ExerciseTask.builtOnCheckName`).
  /// - Returns: The check.
  static func usesBuiltOn(_ builtOn: ExerciseTask, named name: String) -> Check {
    Check(
      name: name,
      title: "the task runs \(function: builtOn)(\(parameter: "maxDelay")) and returns its value"
    ) { context in
      judgeUsesWaitRandom(context, builtOn: builtOn)
    }
  }

  private static func judgeUsesWaitRandom(_ context: CheckContext, builtOn: ExerciseTask)
    -> Verdict
  {
    let waitRandom = context.name(ofTask: builtOn.id)
    guard context.evidence.isInstrumented else {
      return .skip("calls to \(waitRandom) could not be recorded")
    }
    return context.judgeReturned(context.evidence.calls) { calls in
      for call in calls.sorted(by: CheckContext.smallerCall) {
        guard let value = call.values?.first else { continue }
        let sleeps = context.sleeps(of: call)
        let shown = "`\(context.show(call.plan))`"
        guard let sleep = sleeps.first else {
          return .fail("\(shown)'s task never called \(waitRandom)")
        }
        if sleeps.count > 1 {
          return .mismatch(
            Mismatch(
              "\(shown)'s task", "called \(waitRandom)", actual: "\(sleeps.count) times",
              expected: "once"))
        }
        if sleep.maxDelayArgument != .given(call.plan.maxDelay) {
          return .fail(
            "\(shown): \(Hints.passMaxDelay(context.language, called: ListChecks.called(sleep, context.language)))"
          )
        }
        if sleep.value != value {
          return .mismatch(
            Mismatch(
              "\(shown)'s task", actual: Format.value(value),
              expected: "\(Format.value(sleep.value)), what \(waitRandom) returned"),
            details: ["return what it gives back"])
        }
      }
      return .pass()
    }
  }
}
