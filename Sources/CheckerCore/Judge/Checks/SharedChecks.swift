/// Checks that several tasks ask in the same way.
enum SharedChecks {
  /// Every value a call returned lies in `0...maxDelay`: the one in-bounds check, for every
  /// task that returns delays, judging what the task's `behaviour` makes judgeable.
  ///
  /// - A random delay: every call (the batch's too); and never 0 every time.
  /// - A list: the calls that returned n ≥ 2 delays (an empty list is in bounds by accident).
  /// - A started task: its value, once some task was seen to sleep (a value not drawn by a
  ///   sleep proves nothing).
  ///
  /// - Parameter behaviour: What the task's function does.
  /// - Returns: The check.
  static func inBounds(_ behaviour: ExerciseTask.Behaviour) -> Check {
    let title: CheckTitle =
      switch behaviour {
      case .sleepsRandomDelay: "returns a delay within 0...\(parameter: "maxDelay")"
      case .startsTask: "the task's value is within 0...\(parameter: "maxDelay")"
      case .collectsDelays, .measuresTime: "returns delays within 0...\(parameter: "maxDelay")"
      }
    let purposes: Set<PlannedCall.Purpose> =
      behaviour == .sleepsRandomDelay ? [.sample, .batch] : [.sample]
    return Check(name: "in-bounds", title: title) { context in
      let calls = context.evidence.calls.filter { purposes.contains($0.plan.purpose) }
      return context.judgeReturned(calls) { returned in
        var judged = returned.sorted(by: CheckContext.smallerCall)
        switch behaviour {
        case .collectsDelays:
          judged = context.judgeable(returned)
          guard !judged.isEmpty else { return context.nothingToJudge(calls) }
        case .startsTask:
          guard returned.contains(where: { !context.sleeps(of: $0).isEmpty }) else {
            let builtOn = context.name(ofTask: context.task.builtOn ?? context.task.id)
            return .skip("nothing to judge: no task ran \(builtOn)")
          }
        case .sleepsRandomDelay, .measuresTime:
          break
        }
        if let failure = judged.lazy.compactMap({ outOfBounds($0, context) }).first {
          return failure
        }
        let drawn = judged.filter { $0.plan.maxDelay > 0 }.compactMap(\.values).joined()
        if behaviour == .sleepsRandomDelay, !drawn.isEmpty, drawn.allSatisfy({ $0 == 0 }) {
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
