import Foundation

/// Task 0's checks: `waitRandom(maxDelay:)`.
enum WaitRandomChecks {
  static let all: [Check] = [
    SharedChecks.inBounds(
      title: "returns a delay within 0...\(parameter: "maxDelay")", purposes: [.sample, .batch],
      drawsDelays: true),
    fractional,
    SharedChecks.sleepsReturnedDelay([.sample, .batch], title: "sleeps the delay it returns"),
    uniform,
    zeroMaxDelay,
    defaultMaxDelay,
    nonBlocking,
  ]

  static let fractional = Check(
    name: "fractional", title: "returns fractional delays, not whole seconds"
  ) { context in
    let calls = context.evidence.calls(for: .sample).filter { $0.plan.maxDelay > 0 }
    return context.judgeReturned(calls) { calls in
      let values = calls.compactMap(\.values?.first)
      let whole = values.filter { $0 == $0.rounded() }
      // A uniform Double is whole with probability ~2⁻⁵², so more than half whole is no accident.
      guard whole.count * 2 > values.count else { return .pass() }
      return .fail(
        "returned \(Format.values(values)): whole seconds; draw a fractional delay with "
          + Hints.drawDelay(context.language))
    }
  }

  static let uniform = Check(
    name: "uniform", title: "spreads its delays evenly over 0...\(parameter: "maxDelay")"
  ) { context in
    let calls = context.evidence.calls.filter {
      ($0.plan.purpose == .batch || $0.plan.purpose == .sample) && $0.plan.maxDelay > 0
    }
    let samples = calls.compactMap { call in
      call.values?.first.map { $0 / Double(call.plan.maxDelay) }
    }
    guard samples.count >= 50 else {
      if case .failure(let failure) = context.returned(calls) { return failure.verdict }
      return .skip("too few delays returned to judge their spread")
    }
    let distance = Statistics.kolmogorovSmirnovUniform(samples)
    let pValue = Statistics.kolmogorovSmirnovPValue(distance: distance, count: samples.count)
    guard pValue < Tolerances.falseAlarmRate else { return .pass() }
    var bins = [Int](repeating: 0, count: 5)
    for sample in samples { bins[min(4, max(0, Int(sample * 5)))] += 1 }
    let histogram = bins.enumerated().map { index, count in
      String(format: "%.1f–%.1f: %d", Double(index) / 5, Double(index + 1) / 5, count)
    }
    return .fail(
      "\(samples.count) delays (as fractions of maxDelay) are not spread evenly over 0...1 "
        + String(format: "(Kolmogorov–Smirnov distance %.2f, p = %.1g)", distance, pValue)
        + ": draw with \(Hints.drawDelay(context.language))",
      details: ["how many fell in each fifth: " + histogram.joined(separator: ", ")])
  }

  static let zeroMaxDelay = Check(
    name: "zero-max-delay", title: "\(parameter: "maxDelay") 0 returns 0 at once"
  ) {
    context in
    let calls = context.evidence.calls(for: .sample).filter { $0.plan.maxDelay == 0 }
    let drawn = context.evidence.calls.filter { $0.plan.maxDelay > 0 }.compactMap(\.values?.first)
    guard drawn.contains(where: { $0 > 0 }) else {
      // Returning 0 for everything says nothing about maxDelay 0.
      if case .failure(let failure) = context.returned(calls) { return failure.verdict }
      return .skip("nothing to judge: it returned 0 for every maxDelay")
    }
    return context.judgeReturned(calls) { calls in
      for call in calls {
        guard let value = call.values?.first, let duration = call.duration else { continue }
        if value != 0 {
          return .mismatch(
            Mismatch("`\(context.show(call.plan))`", actual: Format.value(value), expected: "0"))
        }
        if duration > Tolerances.zeroDelay + Tolerances.busyMachine(call.machineLateness) {
          return .tooSlow(
            "`\(context.show(call.plan))` took \(Format.seconds(duration)); expected at once",
            details: context.machineDetails(call))
        }
      }
      return .pass()
    }
  }

  static let defaultMaxDelay = Check(
    name: "default-max-delay",
    title: "\(parameter: "maxDelay") defaults to \(Exercise.defaultMaxDelay)"
  ) {
    context in
    let standard = Exercise.defaultMaxDelay
    guard context.facts.waitRandomHasDefault else {
      return .fail(
        "`\(context.name(ofTask: context.task.id))()` must work: declare \(Hints.defaultDeclaration(context.language))"
      )
    }
    if let literal = context.facts.waitRandomDefaultLiteral, literal != standard {
      return .mismatch(
        Mismatch(
          "the delay's maximum", "defaults to", actual: "\(literal)", expected: "\(standard)"))
    }
    let calls = context.evidence.calls(for: .defaultArgument)
    let window = RunPlan.defaultArgumentWindow
    let early = calls.filter { ($0.ended ?? .infinity) <= window }
    let values = early.compactMap(\.values?.first)
    if let large = values.first(where: { !(0...Double(standard)).contains($0) }) {
      return .fail(
        "`\(context.name(ofTask: context.task.id))()` returned \(Format.value(large)); expected a value in 0...\(standard)"
      )
    }
    if values.contains(where: { $0 > window + Tolerances.lateness }) {
      // It returned delays it cannot have slept (the sleep check reports that): judge the
      // default by the values. 30 uniform values on 0...10 all stay under 5 with p = 1e-9.
      guard values.count >= 20, let largest = values.max(), largest <= Double(standard) / 2 else {
        return .pass()
      }
      return .fail(
        "`\(context.name(ofTask: context.task.id))()` returned \(Format.values(values)): none above \(Format.value(Double(standard) / 2)); the "
          + "default looks smaller than \(standard)")
    }
    // A function that sleeps: about 20% of 30 calls end within 2 s when the default is 10,
    // many more when it is smaller; this avoids waiting 10 s.
    let threshold =
      (0...calls.count).first { count in
        Statistics.binomialUpperTail(
          successes: count, trials: calls.count,
          probability: (window + Tolerances.lateness) / Double(standard))
          < Tolerances.falseAlarmRate
      } ?? calls.count + 1
    guard early.count >= threshold else { return .pass() }
    return .fail(
      "\(early.count) of \(calls.count) calls to `\(context.name(ofTask: context.task.id))()` returned within "
        + "\(Format.seconds(window)); with maxDelay \(standard) about "
        + "\(Int(Double(calls.count) * window / Double(standard))) would: without an argument it "
        + "sleeps less than maxDelay \(standard) allows (a default smaller than \(standard), a sleep "
        + "that ignores maxDelay, or no sleep at all)")
  }

  static let nonBlocking = Check(
    name: "non-blocking", title: "does not block a thread: concurrent calls overlap",
    reportsTimeouts: true
  ) { context in
    if let hung = context.evidence.calls(for: .sample).sorted(by: CheckContext.smallerCall)
      .first(where: { $0.values == nil })
    {
      return .unfinished(
        "`\(context.show(hung.plan))` \(hung.interruption?.description ?? "never returned")",
        by: hung.interruption)
    }
    let calls = context.evidence.calls(for: .batch)
    let returned = calls.filter { $0.values != nil }
    let maxDelay = calls.first?.plan.maxDelay ?? 1
    let hint = Hints.blockingSleep(context.language)
    guard returned.count == calls.count else {
      let reason = calls.first { $0.values == nil }?.interruption?.description ?? "never returned"
      return .fail(
        "\(calls.count) concurrent calls of `\(calls.first.map { context.show($0.plan) } ?? "")`: only "
          + "\(returned.count) returned, then the rest \(reason); concurrent sleeps all end within "
          + "about \(maxDelay) s",
        details: [hint])
    }
    let intervals = returned.compactMap { call in
      call.started.flatMap { start in call.ended.map { (start: start, end: $0) } }
    }
    let longest = returned.compactMap(\.values?.first).max() ?? 0
    guard let first = intervals.map(\.start).min(), let last = intervals.map(\.end).max(),
      intervals.contains(where: { $0.end - $0.start >= Tolerances.shortestJudgedSleep })
    else {
      return .skip("nothing to judge: the calls returned at once, without sleeping")
    }
    let shown = calls.first.map { context.show($0.plan) } ?? ""
    // Judged by overlap: the calls start together and most last hundreds of ms, so nearly all
    // run at once; a blocking sleep lets only as many run as there are threads.
    let atOnce = CheckContext.mostAtOnce(intervals)
    let needed = Int((Double(intervals.count) * Tolerances.overlapFraction).rounded(.up))
    if atOnce < needed {
      return .fail(
        "\(calls.count) concurrent calls of `\(shown)`: at most \(atOnce) were running at the same "
          + "time; calls that suspend all run together", details: [hint])
    }
    let span = last - first
    let busiest = returned.compactMap(\.machineLateness).max()
    guard
      span > Tolerances.wallBound(longest: longest, calls: calls.count)
        + Tolerances.busyMachine(busiest)
    else {
      return .pass("\(calls.count) concurrent calls took \(Format.seconds(span))")
    }
    return .tooSlow(
      "\(calls.count) concurrent calls of `\(shown)` took \(Format.seconds(span)); the longest delay "
        + "was \(Format.seconds(longest)), so they should have ended soon after",
      details: [hint] + CheckContext.machineDetails(busiest))
  }
}
