/// Task 2's checks: `measureTime(n:maxDelay:)`.
enum MeasureTimeChecks {
  static let all: [Check] = [average]

  /// The result times n is the time the call took, as the harness measured it around the call.
  static let average = Check(
    name: "average", title: "returns the total time divided by n, in seconds"
  ) { context in
    return context.judgeReturned(context.evidence.calls) { calls in
      for call in calls.sorted(by: CheckContext.smallerCall) {
        guard let result = call.values?.first, let wall = call.duration else { continue }
        let n = Double(call.plan.n)
        let total = result * n
        func matches(_ candidate: Double) -> Bool {
          candidate <= wall + Tolerances.measuredExcess
            && candidate >= wall - Tolerances.measuredShortfall
        }
        if matches(total) { continue }
        let seen = "`\(context.show(call.plan))` returned \(Format.value(result))"
        let expected =
          "the call took \(Format.seconds(wall)), so total / n is \(Format.value(wall / n))"
        if call.plan.n >= 2, matches(result) {
          return .fail("\(seen): that is the total; \(expected)")
        }
        if matches(total / 1000) || matches(result / 1000) {
          return .fail("\(seen): that looks like milliseconds; \(expected) (seconds)")
        }
        if result == Double(call.plan.maxDelay) || total == Double(call.plan.maxDelay) {
          return .fail("\(seen): that is maxDelay, not a measurement; \(expected)")
        }
        return .fail("\(seen); \(expected)")
      }
      return .pass()
    }
  }
}
