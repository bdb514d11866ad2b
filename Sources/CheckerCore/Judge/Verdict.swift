/// What a check concluded.
public enum Verdict: Sendable, Equatable {
  /// The property holds; the message says what was seen, briefly (may be empty), with a picture
  /// of the call's sleeps when there is one (shown with `--timeline`).
  case pass(String = "", timeline: Timeline? = nil)
  /// The property does not hold: what was expected and what was seen, more lines under it, and
  /// a picture of the call's sleeps when there is one.
  case fail(String, details: [String] = [], timeline: Timeline? = nil)
  /// The calls the check needs crashed, hung, exited or ran slow: a failure, unless a task this
  /// one builds on fails too, in which case the `Judge` reports it as skipped, since that task
  /// explains it (a blocking `waitRandom` slows a correct `waitN`).
  case slowedOrInterrupted(String, details: [String] = [], timeline: Timeline? = nil)
  /// The check could not run; the message says why.
  case skip(String)
}
