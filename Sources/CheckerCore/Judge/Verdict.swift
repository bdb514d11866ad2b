/// What a check concluded.
public enum Verdict: Sendable, Equatable {
  /// The property holds; the message says what was seen, briefly (may be empty), with a picture
  /// of the call's sleeps when there is one (shown with `--timeline`).
  case pass(String = "", timeline: Timeline? = nil)
  /// The property does not hold: what was expected and what was seen, more lines under it, a
  /// picture of the call's sleeps when there is one, and the line of the student's code at
  /// fault (`File.swift:14`) when the check found it, else the task's function is shown.
  case fail(
    String, details: [String] = [], timeline: Timeline? = nil, location: SourceLocation? = nil,
    mismatch: Mismatch? = nil)
  /// The property does not hold because something took longer than allowed (a sleep that ended
  /// late, a call that ran out of time): a failure that a busy machine can cause, so the task is
  /// run again before it stands (see `CheckReport.failedOnTime`).
  case tooSlow(String, details: [String] = [], timeline: Timeline? = nil)
  /// The check could not run; the message says why.
  case skip(String)

  /// The failure for a value that is not what the exercise asks, its message built from the
  /// mismatch.
  ///
  /// - Parameters:
  ///   - mismatch: What was expected and what the code gave.
  ///   - details: More lines under the message.
  ///   - location: The line of the student's code at fault.
  /// - Returns: The verdict.
  static func mismatch(
    _ mismatch: Mismatch, details: [String] = [], location: SourceLocation? = nil
  ) -> Verdict {
    .fail(mismatch.message, details: details, location: location, mismatch: mismatch)
  }

  /// The failure for a call that never returned: too slow when it ran out of time (a busy
  /// machine may be the cause), a plain failure when it crashed, exited or hit a limit.
  ///
  /// - Parameters:
  ///   - message: What happened.
  ///   - interruption: Why the call never returned.
  ///   - details: More lines under the message.
  ///   - timeline: The call's sleeps.
  /// - Returns: The verdict.
  static func unfinished(
    _ message: String, by interruption: Interruption?, details: [String] = [],
    timeline: Timeline? = nil
  ) -> Verdict {
    if case .timedOut = interruption {
      return .tooSlow(message, details: details, timeline: timeline)
    }
    return .fail(message, details: details, timeline: timeline)
  }
}
