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
        return .fail("`\(call.plan.description)` \(reason)")
      }
      if returned - started > Tolerances.immediateReturn {
        return .fail(
          "`\(call.plan.description)` took \(Format.seconds(returned - started)) to return its "
            + "task; it must start the task and return it without waiting")
      }
    }
    return .pass()
  }
}
