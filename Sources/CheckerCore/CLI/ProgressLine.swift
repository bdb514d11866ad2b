import Foundation

/// `grade-all`'s progress on a terminal: one line, rewritten in place, with how many students
/// are done, how many lost points so far, the time spent and the time left.
final class ProgressLine: @unchecked Sendable {
  private let stopwatch: Stopwatch
  private var failing = 0
  private let lock = NSLock()

  /// A progress line for a batch that starts now on `clock`.
  init<C: Clock<Duration>>(clock: C) {
    stopwatch = Stopwatch(clock: clock)
  }

  /// The line after one more student, starting with a carriage return.
  func update(done: Int, total: Int, result: StudentResult) -> String {
    lock.lock()
    defer { lock.unlock() }
    if result.report.map({ !$0.passed }) ?? true { failing += 1 }
    let elapsed = stopwatch.seconds
    let left = done > 0 ? elapsed / Double(done) * Double(total - done) : 0
    return "\r[\(done)/\(total)] \(failing) not at full marks, \(Self.clock(elapsed)) elapsed"
      + (done < total ? ", about \(Self.clock(left)) left  " : "                  ")
  }

  /// `m:ss`.
  static func clock(_ seconds: Double) -> String {
    let whole = Int(seconds.rounded())
    let remainder = whole % 60
    return "\(whole / 60):\(remainder < 10 ? "0" : "")\(remainder)"
  }
}
