/// The checks of tasks 1 and 4, which ask the same of `waitN` and of `taskWaitN`: n delays, in
/// bounds, in completion order, run concurrently, never sorted, built on the function below.
///
/// The task's function ran against the checker's `waitRandom` (and `taskWaitRandom`), which
/// recorded every sleep: order and concurrency are judged from those records. A probe call,
/// whose sleeps follow a schedule (`RunPlan.probeSchedule`), separates completion order from
/// sorting and spawn order, and concurrent from sequential, with margins no timer jitter reaches.
enum ListChecks {
  /// The checks of a list function, but the one that counts its calls of the function it
  /// builds on (`usesBuiltOn`, chosen by `CheckCatalog.builtOnCheck`).
  static let all: [Check] = [
    count, inBounds, ascending, concurrent, noSort,
  ]

  /// Every delay of the calls that returned n ≥ 2 delays is in bounds: an empty list is in
  /// bounds by accident.
  static let inBounds = SharedChecks.inBounds { context, returned in
    let judged = context.judgeable(returned)
    guard judged.isEmpty else { return .calls(judged) }
    return .nothing(context.nothingToJudge(context.evidence.calls(for: .sample)))
  }

  static let count = Check(name: "count", title: "returns n delays") { context in
    return context.judgeReturned(context.evidence.calls) { calls in
      let failing = calls.sorted(by: CheckContext.smallerCall).first {
        $0.values?.count != $0.plan.n
      }
      guard let failing, let values = failing.values else { return .pass() }
      return .mismatch(
        Mismatch(
          "`\(context.show(failing.plan))`",
          actual: "\(values.count) delays: \(Format.values(values))",
          expected: "\(failing.plan.n)"))
    }
  }

  static let ascending = Check(
    name: "ascending", title: "returns the delays in ascending (completion) order"
  ) { context in
    let calls = context.evidence.calls(for: .sample)
    return context.judgeReturned(calls) { returned in
      let judged = context.judgeable(returned)
      guard !judged.isEmpty else { return context.nothingToJudge(calls) }
      for call in judged {
        guard let values = call.values else { continue }
        // Judged by when each delay's sleep really ended, as recorded: on a loaded machine
        // timers wake late by different amounts, so the values themselves may be a little out
        // of order while the list is exactly in completion order.
        let ends = completionTimes(
          of: values, sleeps: context.evidence.sleeps(forCall: call.plan.id))
        let keys = ends ?? values
        if let index = firstInversion(in: keys) {
          // Values in ascending order are ascending, whatever order their sleeps ended in:
          // under load the n sleeps start up to a scheduling pause apart, so a sorted list's
          // sleeps can end out of value order by more than any tolerance, once in a while.
          // Sorting is judged by no-sort, from the probe, with margins no load reaches.
          if ends != nil, firstInversion(in: values) == nil { continue }
          let later =
            ends == nil
            ? "" : ", which finished \(Format.milliseconds(keys[index] - keys[index + 1])) earlier"
          return .fail(
            "`\(context.show(call.plan))` returned \(Format.values(values, limit: 12)): "
              + "\(Format.value(values[index])) comes before \(Format.value(values[index + 1]))"
              + later,
            details: [Hints.completionOrder(context.language)])
        }
      }
      return .pass()
    }
  }

  static let concurrent = Check(
    name: "concurrent", title: "runs the calls concurrently: all sleeps at the same time",
    reportsTimeouts: true
  ) { context in
    let evidence = context.evidence
    guard evidence.isInstrumented else {
      return .skip("sleeps could not be recorded, so their overlap cannot be judged")
    }
    if let hung = evidence.calls.filter({ $0.values == nil }).sorted(by: CheckContext.smallerCall)
      .first
    {
      let unfinished = evidence.calls.filter { $0.values == nil }
      let sleeps = evidence.sleeps(forCall: hung.plan.id)
      let message =
        context.describe(hung, among: unfinished)
        + "; concurrent calls finish in about the longest delay, at most "
        + "\(Format.seconds(hung.plan.longestSleep))"
      var details = diagnosis(hung, sleeps, context.language)
      // A call cut short records no sleep of its own: the code calls waitRandom the same way for
      // every call, so another call's sleeps can say that it does not pass maxDelay on.
      if details.isEmpty,
        let other = evidence.calls.lazy.compactMap({ call in
          evidence.sleeps(forCall: call.plan.id).first {
            $0.maxDelayArgument != .given(call.plan.maxDelay)
          }
        }).first
      {
        details = [Hints.passMaxDelay(context.language, called: called(other, context.language))]
      }
      // Sleeps that ran one after another are the code's doing, not the machine's: no load
      // makes a call's sleeps wait for each other. Such a failure stands without a second run.
      if ranOneAfterAnother(sleeps) {
        return .fail(message, details: details, timeline: context.timeline(for: hung))
      }
      return .unfinished(
        message, by: hung.interruption, details: details, timeline: context.timeline(for: hung))
    }
    var judged = 0
    let candidates =
      evidence.calls(for: .probe)
      + context.judgeable(evidence.calls(for: .sample)).filter { $0.plan.n >= 10 }
    for call in candidates {
      let sleeps = evidence.sleeps(forCall: call.plan.id)
      guard sleeps.count >= 2 else { continue }
      judged += 1
      let atOnce = CheckContext.mostAtOnce(sleeps.map { ($0.start, $0.end) })
      // The probe's sleeps last 300 ms or more: all of them run together unless they are
      // awaited one by one. Random sleeps can be very short: half of them is the bar.
      let needed =
        call.plan.purpose == .probe
        ? sleeps.count : Int((Double(sleeps.count) * Tolerances.overlapFraction).rounded(.up))
      if atOnce < needed {
        return .fail(
          "`\(context.show(call.plan))`: at most \(atOnce) of its \(sleeps.count) sleeps ran at "
            + "the same time; concurrent sleeps all start before the first one ends",
          details: diagnosis(call, sleeps, context.language), timeline: context.timeline(for: call)
        )
      }
    }
    for call in evidence.calls where call.plan.n >= 1 {
      let sleeps = evidence.sleeps(forCall: call.plan.id)
      guard let duration = call.duration, !sleeps.isEmpty else { continue }
      let longest = sleeps.map { $0.end - $0.start }.max() ?? 0
      if duration > Tolerances.wallBound(longest: longest, calls: call.plan.n)
        + Tolerances.busyMachine(call.machineLateness)
      {
        return .tooSlow(
          "`\(context.show(call.plan))` took \(Format.seconds(duration)); its longest sleep "
            + "lasted \(Format.seconds(longest)), and concurrent calls finish soon after it",
          details: diagnosis(call, sleeps, context.language) + context.machineDetails(call),
          timeline: context.timeline(for: call))
      }
    }
    guard judged > 0 else {
      return .skip("nothing to judge: no call recorded two or more sleeps (see the checks above)")
    }
    let shown = evidence.calls(for: .probe).first
    let summary = shown.flatMap { call in
      call.duration.map { "`\(context.show(call.plan))` took \(Format.seconds($0))" }
    }
    return .pass(summary ?? "", timeline: shown.flatMap(context.timeline))
  }

  static let noSort = Check(
    name: "no-sort", title: "keeps completion order: does not sort or reorder"
  ) { context in
    let probes = context.evidence.calls(for: .probe)
    return context.judgeReturned(probes) { returned in
      guard context.evidence.isInstrumented else {
        return .skip("sleeps could not be recorded, so completion order cannot be judged")
      }
      var judged = 0
      for call in returned {
        let sleeps = context.evidence.sleeps(forCall: call.plan.id)
        guard let values = call.values, values.count == call.plan.n, sleeps.count == call.plan.n
        else { continue }
        judged += 1
        if let stretched = overrun(sleeps, of: call) {
          return .fail(
            "`\(context.show(call.plan))`: a sleep of the checker's "
              + "\(context.name(ofTask: Exercise.randomDelay.id)) given "
              + "\(Format.seconds(stretched.given)) lasted \(Format.seconds(stretched.lasted)): "
              + "the event loop was changed, so the order the sleeps ended in says nothing",
            details: context.machineDetails(call))
        }
        let completion = sleeps.sorted { $0.end < $1.end }.map(\.value)
        if values == completion { continue }
        let started = sleeps.sorted { $0.start < $1.start }.map(\.value)
        let shown =
          "`\(context.show(call.plan))` returned \(Format.values(values)); the checker's "
          + "\(context.name(ofTask: Exercise.randomDelay.id)) returned values that do not rank as the sleeps ended, "
          + "and the calls completed as \(Format.values(completion))"
        let places = context.facts.sortingPlaces(forTask: context.task.id)
        let hint =
          places.isEmpty ? [] : ["it sorts at \(places.map(\.description).joined(separator: ", "))"]
        if values == completion.sorted() {
          return .fail(
            shown + ": it sorts; the delays must arrive in order because shorter sleeps finish "
              + "first", details: hint, location: places.first)
        }
        if values == completion.sorted(by: >) {
          return .fail(
            shown + ": it sorts, in descending order", details: hint, location: places.first)
        }
        if values == started {
          return .fail(
            shown + ": that is the order the calls were started",
            details: [Hints.completionOrder(context.language)])
        }
        return .fail(shown, details: [Hints.completionOrder(context.language)] + hint)
      }
      guard judged > 0 else {
        return .skip(
          "nothing to judge: the probe call did not return one delay per sleep "
            + "(see the checks above)")
      }
      return .pass()
    }
  }

  /// A probe sleep that lasted longer than its schedule gave it, beyond a late timer.
  ///
  /// A late timer is allowed as on the machine of the moment (`Tolerances.lateness` and
  /// `Tolerances.busyMachine`); more means an event loop changed to stretch the sleeps into
  /// another order (the probe's schedule is public). `nil` when every sleep lasted about what
  /// it was given.
  ///
  /// - Parameters:
  ///   - sleeps: The probe call's recorded sleeps.
  ///   - call: The probe call.
  /// - Returns: The longest overrun's sleep, given and lasted, in seconds.
  static func overrun(_ sleeps: [TaskEvidence.Sleep], of call: TaskEvidence.Call)
    -> (given: Double, lasted: Double)?
  {
    let allowed = Tolerances.lateness + Tolerances.busyMachine(call.machineLateness)
    let overruns = sleeps.compactMap { sleep -> (given: Double, lasted: Double)? in
      guard let given = call.plan.schedule.first(where: { $0.value == sleep.value })?.duration
      else { return nil }
      let lasted = sleep.end - sleep.start
      return lasted - given > allowed ? (given, lasted) : nil
    }
    return overruns.max { $0.lasted - $0.given < $1.lasted - $1.given }
  }

  /// The list function calls the function it builds on n times and returns what those calls
  /// returned.
  ///
  /// - Parameters:
  ///   - builtOn: The task whose function it builds on.
  ///   - name: The check's name (`ExerciseTask.builtOnCheckName`).
  /// - Returns: The check.
  static func usesBuiltOn(_ builtOn: ExerciseTask, named name: String) -> Check {
    // A function that starts tasks is counted by its recorded starts (T records); one that
    // sleeps, by its recorded sleeps (W records).
    let countsStarts = builtOn.behaviour == .startsTask
    let title: CheckTitle =
      "calls \(function: builtOn) \(parameter: "n") times and returns what it returned"
    return Check(name: name, title: title) {
      context in
      let function = context.name(ofTask: builtOn.id)
      guard context.evidence.isInstrumented else {
        return .skip("calls to \(function) could not be recorded")
      }
      return context.judgeReturned(context.evidence.calls) { calls in
        // Per call when every recorded call says which call it ran for (task-locals do not
        // reach detached tasks); otherwise over the whole run, when every call returned.
        let groups: [(String, Int, [Double], Int, [TaskEvidence.Sleep], Int?)]
        if context.evidence.isAttributed {
          groups = calls.map { call in
            let sleeps = context.evidence.sleeps(forCall: call.plan.id)
            let spawns = context.evidence.spawnContexts.filter { $0 == call.plan.id }.count
            return (
              "`\(context.show(call.plan))`", call.plan.n, call.values ?? [],
              countsStarts ? spawns : sleeps.count, sleeps, call.plan.maxDelay
            )
          }
        } else if calls.count == context.evidence.calls.count {
          groups = [
            (
              "the calls", calls.reduce(0) { $0 + $1.plan.n }, calls.flatMap { $0.values ?? [] },
              countsStarts
                ? context.evidence.spawnContexts.count : context.evidence.sleeps.count,
              context.evidence.sleeps, nil
            )
          ]
        } else {
          return .skip("calls to \(function) could not be attributed to the calls that made them")
        }
        for (label, expected, returned, made, sleeps, maxDelay) in groups {
          guard made == expected else {
            return .mismatch(
              Mismatch(
                label, "called \(function)", actual: "\(made) time\(made == 1 ? "" : "s")",
                expected: "\(expected) (once per delay asked for)"))
          }
          if let maxDelay,
            let other = sleeps.first(where: { $0.maxDelayArgument != .given(maxDelay) })
          {
            return .fail(
              "\(label): \(Hints.passMaxDelay(context.language, called: called(other, context.language)))"
            )
          }
          if returned.sorted() != sleeps.map(\.value).sorted() {
            let waitRandom = context.name(ofTask: Exercise.randomDelay.id)
            return .mismatch(
              Mismatch(
                label, actual: Format.values(returned),
                expected: "\(Format.values(sleeps.map(\.value))), what \(waitRandom) returned"),
              details: ["return what each call gives back"])
          }
        }
        return .pass()
      }
    }
  }

  /// The first index whose value is above the next one's by more than the order tolerance.
  static func firstInversion(in values: [Double]) -> Int? {
    values.indices.dropLast().first { values[$0] > values[$0 + 1] + Tolerances.order }
  }

  /// When the sleep behind each of `values` ended, in the same order, or `nil` when the values
  /// are not exactly what the recorded sleeps returned.
  static func completionTimes(of values: [Double], sleeps: [TaskEvidence.Sleep]) -> [Double]? {
    guard sleeps.count == values.count else { return nil }
    var remaining = sleeps.sorted { $0.end < $1.end }
    var ends: [Double] = []
    for value in values {
      guard let index = remaining.firstIndex(where: { $0.value == value }) else { return nil }
      ends.append(remaining.remove(at: index).end)
    }
    return ends
  }

  /// A recorded `waitRandom` call as source: `waitRandom(maxDelay: 10)` or `waitRandom()`.
  static func called(_ sleep: TaskEvidence.Sleep, _ language: Language) -> String {
    let waitRandom = Exercise.randomDelay
    let label = waitRandom.signature.labels.first ?? "maxDelay"
    let parameter = language == .swift ? label : waitRandom.python.parameterNames.first ?? label
    switch sleep.maxDelayArgument {
    case .given(let argument)?:
      return waitRandom.call([label: argument], in: language)
    case .notAnInteger?:
      return waitRandom.functionName(in: language) + "(…) (a \(parameter) that is not an integer)"
    case .defaulted?, nil:
      return waitRandom.call([:], in: language) + " (\(parameter) \(Exercise.defaultMaxDelay))"
    }
  }

  /// Whether a call's sleeps ran one after another, which only its code can make them do: three
  /// or more that lasted `Tolerances.shortestJudgedSleep` or longer, each started after the one
  /// before it ended.
  ///
  /// A concurrent call starts all its sleeps before it awaits any (one pass of Python's event
  /// loop; Swift's executor runs the started tasks before the sleeps that end after them), so
  /// on a busy machine its sleeps start late together, never each after the previous one's end.
  /// Not so for sleeps of no length: with `maxDelay` 0 a child task never suspends, and runs
  /// to its end before the next one starts.
  static func ranOneAfterAnother(_ sleeps: [TaskEvidence.Sleep]) -> Bool {
    let lasting = sleeps.filter { $0.end - $0.start >= Tolerances.shortestJudgedSleep }
    guard lasting.count >= 3 else { return false }
    let ordered = lasting.sorted { $0.start < $1.start }
    return zip(ordered, ordered.dropFirst()).allSatisfy { $1.start >= $0.end }
  }

  /// What a slow call's sleeps say about why it was slow.
  ///
  /// `waitRandom` is the checker's here, so a slow call is the list function's doing: a
  /// sequential loop, a limit on how many run at once, or a `maxDelay` that was not passed on.
  static func diagnosis(
    _ call: TaskEvidence.Call, _ sleeps: [TaskEvidence.Sleep], _ language: Language
  ) -> [String] {
    if let other = sleeps.first(where: { $0.maxDelayArgument != .given(call.plan.maxDelay) }) {
      return [Hints.passMaxDelay(language, called: called(other, language))]
    }
    guard sleeps.count >= 2 else { return [] }
    let ordered = sleeps.sorted { $0.start < $1.start }
    let sequential = zip(ordered, ordered.dropFirst()).allSatisfy {
      $1.start >= $0.end - Tolerances.order
    }
    if sequential {
      return [Hints.startAllFirst(language)]
    }
    let atOnce = CheckContext.mostAtOnce(sleeps.map { ($0.start, $0.end) })
    return atOnce < sleeps.count ? [Hints.fewAtOnce(language, atOnce: atOnce)] : []
  }
}
