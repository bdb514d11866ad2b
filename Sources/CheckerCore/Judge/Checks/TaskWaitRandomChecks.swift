/// Task 3's checks: `taskWaitRandom(maxDelay:)`.
enum TaskWaitRandomChecks {
  static let all: [Check] = [
    returnsAtOnce,
    SharedChecks.inBounds(title: "the task's value is within 0...maxDelay"),
    SharedChecks.sleepsReturnedDelay(title: "the task sleeps the delay it returns"),
  ]

  static let returnsAtOnce = Check(
    name: "returns-at-once", title: "returns the task at once, before the delay"
  ) { context in
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
      if returned - started > Tolerances.immediateReturn {
        return .fail(
          "`\(context.show(call.plan))` took \(Format.seconds(returned - started)) to return its "
            + "task; it must start the task and return it without waiting")
      }
    }
    return .pass()
  }
}
