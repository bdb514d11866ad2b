/// The checks of tasks 1 and 4, which ask the same of `waitN` and of `taskWaitN`: n delays, in
/// bounds, in completion order, run concurrently, never sorted, built on the function below.
enum ListChecks {
  /// The checks for a list function built on task `builtOn`'s function, titled in `language`.
  static func all(builtOn: Int, language: Language) -> [Check] {
    [
      count,
      SharedChecks.inBounds(title: "returns delays within 0...maxDelay"),
      ascending,
      concurrent,
      noSort,
      builtOnCheck(builtOn, language: language),
    ]
  }

  static let count = Check(name: "count", title: "returns n delays") { context in
    return context.judgeReturned(context.evidence.calls) { calls in
      let failing = calls.sorted(by: CheckContext.smallerCall).first {
        $0.values?.count != $0.plan.n
      }
      guard let failing, let values = failing.values else { return .pass() }
      return .fail(
        "`\(context.show(failing.plan))` returned \(values.count) delays: \(Format.values(values)); "
          + "expected \(failing.plan.n)")
    }
  }

  static let ascending = Check(
    name: "ascending", title: "returns the delays in ascending (completion) order"
  ) { context in
    return context.judgeReturned(context.evidence.calls) { calls in
      for call in calls.sorted(by: CheckContext.smallerCall) {
        guard let values = call.values else { continue }
        // Timers wake a little late by different amounts: neighbours closer than the tolerance
        // may come in either order.
        if let index = values.indices.dropLast().first(where: {
          values[$0] > values[$0 + 1] + Tolerances.order
        }) {
          return .fail(
            "`\(context.show(call.plan))` returned \(Format.values(values, limit: 12)): "
              + "\(Format.value(values[index])) comes before \(Format.value(values[index + 1]))",
            details: [Hints.completionOrder(context.language)])
        }
      }
      return .pass()
    }
  }

  static let concurrent = Check(
    name: "concurrent", title: "runs the calls concurrently: total time ≈ the longest delay",
    reportsTimeouts: true
  ) { context in
    let calls = context.evidence.calls.filter {
      ($0.plan.n >= 2 && $0.plan.maxDelay > 0) || $0.values == nil
    }.sorted(by: CheckContext.smallerCall)
    for call in calls {
      let sleeps = context.evidence.sleeps(forCall: call.plan.id)
      let longest = ((call.values ?? []) + sleeps.map(\.value)).max() ?? 0
      let allowed = longest + Tolerances.concurrencySlack(calls: call.plan.n)
      let expected =
        "concurrent calls finish in about the longest delay"
        + (call.values == nil
          ? ", at most \(call.plan.maxDelay) s" : " (\(Format.seconds(longest)))")
      if call.values == nil {
        let unfinished = context.evidence.calls.filter { $0.values == nil }
        return .slowedOrInterrupted(
          context.describe(call, among: unfinished) + "; \(expected)",
          details: diagnosis(sleeps, context.language), timeline: context.timeline(for: call))
      }
      if let duration = call.duration, duration > allowed {
        // Reported as an interruption: when waitRandom blocks, the fault is task 0's.
        return .slowedOrInterrupted(
          "`\(context.show(call.plan))` took \(Format.seconds(duration)); \(expected)",
          details: diagnosis(sleeps, context.language), timeline: context.timeline(for: call))
      }
    }
    let largest = context.evidence.calls.filter { $0.values != nil }.max { $0.plan.n < $1.plan.n }
    let summary = largest.flatMap { call in
      call.duration.map { "`\(context.show(call.plan))` took \(Format.seconds($0))" }
    }
    return .pass(summary ?? "", timeline: largest.flatMap(context.timeline))
  }

  static let noSort = Check(
    name: "no-sort", title: "does not sort: the order comes from completion"
  ) { context in
    let places = context.facts.sortingPlaces(forTask: context.task.id)
    guard !places.isEmpty else { return .pass() }
    return .fail(
      "sorts at \(places.joined(separator: ", ")): the delays must arrive in order because "
        + "shorter sleeps finish first, without sort() or sorted()")
  }

  static func builtOnCheck(_ builtOn: Int, language: Language) -> Check {
    let name = builtOn == 0 ? "uses-wait-random" : "uses-task-wait-random"
    let title = Exercise.task(builtOn)?.functionName(in: language) ?? ""
    return Check(name: name, title: "calls \(title) n times and returns what it returned") {
      context in
      let function = context.name(ofTask: builtOn)
      let own = context.name(ofTask: context.task.id)
      let mentioned = context.facts.body(ofTask: context.task.id, mentions: function)
      guard context.evidence.isInstrumented else {
        return mentioned
          ? .pass("calls to \(function) were not recorded; the source calls it")
          : .fail("the body of \(own) never calls \(function)")
      }
      return context.judgeReturned(context.evidence.calls) { calls in
        let attributed =
          !context.evidence.sleeps.contains { $0.context < 0 }
          && !context.evidence.spawnContexts.contains { $0 < 0 }
        // Per call when every recorded call says which call it ran for (task-locals do not
        // reach detached tasks); otherwise over the whole run, when every call returned.
        let groups: [(String, Int, [Double], Int, [Double])]
        if attributed {
          groups = calls.map { call in
            let sleeps = context.evidence.sleeps(forCall: call.plan.id)
            let spawns = context.evidence.spawnContexts.filter { $0 == call.plan.id }.count
            return (
              "`\(context.show(call.plan))`", call.plan.n, call.values ?? [],
              builtOn == 0 ? sleeps.count : spawns, sleeps.map(\.value)
            )
          }
        } else if calls.count == context.evidence.calls.count {
          groups = [
            (
              "the calls", calls.reduce(0) { $0 + $1.plan.n }, calls.flatMap { $0.values ?? [] },
              builtOn == 0
                ? context.evidence.sleeps.count : context.evidence.spawnContexts.count,
              context.evidence.sleeps.map(\.value)
            )
          ]
        } else {
          return mentioned
            ? .pass("calls could not be attributed; the source calls \(function)")
            : .fail("the body of \(own) never calls \(function)")
        }
        for (label, expected, returned, made, slept) in groups {
          guard made == expected else {
            return .fail(
              "\(label) asked for \(expected) delays; \(function) was called \(made) times")
          }
          if builtOn == 0, returned.sorted() != slept.sorted() {
            return .fail(
              "\(label) returned \(Format.values(returned)), but \(function) returned "
                + "\(Format.values(slept)): return what each call of \(function) gives back")
          }
        }
        return .pass()
      }
    }
  }

  /// What the sleeps' timing says about why a call was slow.
  static func diagnosis(_ sleeps: [TaskEvidence.Sleep], _ language: Language) -> [String] {
    guard sleeps.count >= 2 else { return [] }
    let ordered = sleeps.sorted { $0.start < $1.start }
    let sequential = zip(ordered, ordered.dropFirst()).allSatisfy {
      $1.start >= $0.end - Tolerances.order
    }
    if sequential {
      return [Hints.startAllFirst(language)]
    }
    var mostAtOnce = 0
    for sleep in ordered {
      let running = ordered.filter { $0.start <= sleep.start && $0.end > sleep.start }.count
      mostAtOnce = max(mostAtOnce, running)
    }
    if mostAtOnce <= 4 {
      return [Hints.sleepBlocks(language, atOnce: mostAtOnce)]
    }
    return []
  }
}
