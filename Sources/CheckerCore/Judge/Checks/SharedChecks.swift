/// Checks that several tasks ask in the same way.
enum SharedChecks {
  /// What the in-bounds check judges of a task's calls that returned: these calls, or nothing,
  /// with the verdict that says why.
  enum BoundsJudged {
    /// These calls, in the order their failures are reported.
    case calls([TaskEvidence.Call])
    /// Nothing: the verdict (a skip) says why.
    case nothing(Verdict)
  }

  /// Every value a call returned lies in `0...maxDelay`: the one in-bounds check, for every
  /// task that returns delays, each judging what its calls make judgeable.
  ///
  /// - Parameters:
  ///   - title: The check's title.
  ///   - purposes: The calls it judges.
  ///   - drawsDelays: Whether the function draws its delays itself (a random delay): returning
  ///     0 every time, whatever maxDelay, then fails too.
  ///   - judged: Which of the calls that returned are judged: by default all, smallest first.
  /// - Returns: The check.
  static func inBounds(
    title: CheckTitle = "returns delays within 0...\(parameter: "maxDelay")",
    purposes: Set<PlannedCall.Purpose> = [.sample], drawsDelays: Bool = false,
    judged: @escaping @Sendable (CheckContext, [TaskEvidence.Call]) -> BoundsJudged = {
      .calls($1.sorted(by: CheckContext.smallerCall))
    }
  ) -> Check {
    Check(name: "in-bounds", title: title) { context in
      let calls = context.evidence.calls.filter { purposes.contains($0.plan.purpose) }
      return context.judgeReturned(calls) { returned in
        let chosen: [TaskEvidence.Call]
        switch judged(context, returned) {
        case .calls(let calls): chosen = calls
        case .nothing(let verdict): return verdict
        }
        if let failure = chosen.lazy.compactMap({ outOfBounds($0, context) }).first {
          return failure
        }
        let drawn = chosen.filter { $0.plan.maxDelay > 0 }.compactMap(\.values).joined()
        if drawsDelays, !drawn.isEmpty, drawn.allSatisfy({ $0 == 0 }) {
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
