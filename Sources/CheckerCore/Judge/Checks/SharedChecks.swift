/// Checks that several tasks ask in the same way.
enum SharedChecks {
  /// Every value a call returned lies in `0...maxDelay`.
  static func inBounds(_ purposes: Set<PlannedCall.Purpose> = [.sample], title: CheckTitle)
    -> Check
  {
    Check(name: "in-bounds", title: title) { context in
      let calls = context.evidence.calls.filter { purposes.contains($0.plan.purpose) }
      return context.judgeReturned(calls) { calls in
        if let failure = calls.sorted(by: CheckContext.smallerCall).lazy.compactMap({
          outOfBounds($0, context)
        }).first {
          return failure
        }
        let drawn = calls.filter { $0.plan.maxDelay > 0 }.compactMap(\.values).joined()
        if !drawn.isEmpty, drawn.allSatisfy({ $0 == 0 }) {
          return .fail(
            "returned 0 every time, whatever maxDelay: a delay drawn from 0...maxDelay is "
              + "almost never 0")
        }
        return .pass()
      }
    }
  }

  /// The failure for the values of `call` outside `0...maxDelay`, or `nil` when there are none.
  static func outOfBounds(_ call: TaskEvidence.Call, _ context: CheckContext) -> Verdict? {
    let outside = (call.values ?? []).filter { !(0...Double(call.plan.maxDelay)).contains($0) }
    guard !outside.isEmpty else { return nil }
    return .mismatch(
      Mismatch(
        "`\(context.show(call.plan))`", actual: Format.values(outside),
        expected: "values within 0...\(call.plan.maxDelay)"),
      details: outside.contains { $0 > 100 }
        ? ["a value that large looks like milliseconds: the delay is in seconds"] : [])
  }

  /// A call that returns one delay takes about that long: never less, and not much more.
  static func sleepsReturnedDelay(
    _ purposes: Set<PlannedCall.Purpose> = [.sample], title: CheckTitle
  ) -> Check {
    Check(name: "sleeps-returned-delay", title: title) { context in
      let calls = context.evidence.calls.filter { purposes.contains($0.plan.purpose) }
      return context.judgeReturned(calls) { calls in
        // A function that returns 0 at once sleeps "the delay it returns": that shows nothing.
        guard calls.contains(where: { ($0.values?.first ?? 0) >= Tolerances.shortestJudgedSleep })
        else {
          return .skip(
            "nothing to judge: no call returned a delay of "
              + "\(Format.seconds(Tolerances.shortestJudgedSleep)) or more")
        }
        for call in calls.sorted(by: CheckContext.smallerCall) {
          guard let value = call.values?.first, let duration = call.duration else { continue }
          if duration < value - Tolerances.earliness {
            return .fail(
              "`\(context.show(call.plan))` returned \(Format.value(value)) but took only "
                + "\(Format.seconds(duration)): it must sleep the delay it returns")
          }
          if duration > value + Tolerances.lateness + Tolerances.busyMachine(call.machineLateness) {
            return .tooSlow(
              "`\(context.show(call.plan))` returned \(Format.value(value)) but took "
                + "\(Format.seconds(duration)): it must sleep the delay it returns, no longer",
              details: context.machineDetails(call))
          }
        }
        return .pass()
      }
    }
  }
}
