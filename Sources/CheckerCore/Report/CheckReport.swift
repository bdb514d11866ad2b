/// One check's verdict in a report.
public struct CheckReport: Sendable, Codable, Equatable {
  /// A check's verdict.
  public enum Status: String, Sendable, Codable {
    /// The property holds.
    case passed
    /// The property does not hold, or the calls it needs crashed or hung.
    case failed
    /// The check could not run because something it needs is broken.
    case skipped
  }

  /// A stable identifier, unique within its task, such as `signature` or `ascending`.
  public var name: String
  /// What the check asks, as a sentence: `returns the delays in ascending order`.
  public var title: String
  /// The verdict.
  public var status: Status
  /// What was expected and what was seen (for a failure), or why the check was skipped.
  public var message: String
  /// More lines under the message: compiler diagnostics, the values returned.
  public var details: [String]
  /// When each sleep of a `waitN`/`taskWaitN` call ran, for a picture.
  public var timeline: Timeline?
  /// Where the task's function is declared (`file:line`), when known: where an annotation goes.
  public var location: SourceLocation?
  /// What a failed check expected and what it got, when it compared a value.
  public var mismatch: Mismatch?
  /// The compiler's messages, for a check that failed to compile.
  public var diagnostics: [Diagnostic] = []
  /// Whether the check failed only because something took longer than allowed.
  ///
  /// A sleep that ended late or a call that ran out of time: a busy machine can do that to
  /// correct code, so the task is run again before such a failure stands. `nil` otherwise.
  public var failedOnTime: Bool?

  /// Creates a check report.
  ///
  /// - Parameters:
  ///   - name: The check's identifier.
  ///   - title: What it asks.
  ///   - status: The verdict.
  ///   - message: What was expected and seen, or why it was skipped.
  ///   - details: More lines under the message.
  ///   - timeline: The sleeps of a call, for a picture.
  ///   - diagnostics: The compiler's messages, for a compile failure.
  ///   - failedOnTime: Whether it failed only on time (`true`), or `nil`.
  ///   - location: The line of the student's code a failure is about (`File.swift:14`).
  ///   - mismatch: What a failed check expected and got.
  public init(
    name: String, title: String, status: Status, message: String = "", details: [String] = [],
    timeline: Timeline? = nil, diagnostics: [Diagnostic] = [], failedOnTime: Bool? = nil,
    location: SourceLocation? = nil, mismatch: Mismatch? = nil
  ) {
    self.name = name
    self.title = title
    self.status = status
    self.message = message
    self.details = details
    self.timeline = timeline
    self.diagnostics = diagnostics
    self.failedOnTime = failedOnTime
    self.location = location
    self.mismatch = mismatch
  }
}
