/// Why a call never returned: how the harness process running it ended first.
public enum Interruption: Sendable, Equatable {
  /// The process crashed with this signal.
  case crashed(signal: Int32)
  /// The process exited (the student called `exit`, say) with this status.
  case exited(status: Int32)
  /// The task's time limit ran out.
  case timedOut(seconds: Double)
  /// The process printed more than the output limit.
  case outputLimit(bytes: Int)
  /// The process used more than the memory limit.
  case memoryLimit(bytes: Int)
  /// The harness could not be started.
  case failedToStart(String)
  /// The call raised an exception (Python), which ended that call only.
  case raised(String)

  /// Whether it ends every call of the process at once (a crash, an exit, a limit), as opposed
  /// to one call running out of time.
  public var endsEveryCall: Bool {
    switch self {
    case .crashed, .exited, .outputLimit, .memoryLimit: true
    case .timedOut, .failedToStart, .raised: false
    }
  }

  /// Builds the interruption from a process termination, if it interrupted anything.
  init(_ termination: ProcessSupervisor.Termination) {
    switch termination {
    case .exited(let status): self = .exited(status: status)
    case .signaled(let signal): self = .crashed(signal: signal)
    case .timedOut(let seconds): self = .timedOut(seconds: seconds)
    case .outputLimit(let bytes): self = .outputLimit(bytes: bytes)
    case .memoryLimit(let bytes): self = .memoryLimit(bytes: bytes)
    case .failedToStart(let reason): self = .failedToStart(reason)
    }
  }

  /// Whether the process ended because the submission took over the harness's report channel.
  ///
  /// The channel guard killed it (`SIGSYS`, see `SeccompFilter.channelGuard`), or the harness
  /// saw descriptor 3 changed and ended it (`HarnessProtocol.channelTakenOverStatus`). Nothing
  /// the process wrote can be trusted.
  public var tookOverChannel: Bool {
    switch self {
    case .crashed(let signal): signal == Self.badSystemCall
    case .exited(let status): status == HarnessProtocol.channelTakenOverStatus
    default: false
    }
  }

  /// `SIGSYS`, with which a seccomp filter kills a process.
  static let badSystemCall: Int32 = 31

  /// A sentence fragment for reports, to follow the call: "crashed with signal 4 (…)".
  public var description: String {
    switch self {
    case .crashed(let signal) where signal == Self.badSystemCall:
      "was stopped for a system call the checker forbids (signal \(signal)): moving another "
        + "file onto the harness's report channel (descriptor 3)"
    case .crashed(let signal):
      "crashed with signal \(signal) (\(Self.signalName(signal)))"
    case .exited(let status) where status == HarnessProtocol.channelTakenOverStatus:
      "ended the program when it took over the harness's report channel (descriptor 3), "
        + "exit status \(status)"
    case .exited(let status):
      "ended the program (exit status \(status)) before returning: do not call exit()"
    case .timedOut(let seconds):
      "did not return within \(Self.format(seconds)) s"
    case .outputLimit(let bytes):
      "printed more than \(bytes / 1024) KiB and was stopped"
    case .memoryLimit(let bytes):
      "used more than \(bytes >> 20) MiB of memory and was stopped"
    case .failedToStart(let reason):
      "could not be run: \(reason)"
    case .raised(let exception):
      "raised \(exception)"
    }
  }

  static func signalName(_ signal: Int32) -> String {
    switch signal {
    case 4:
      "illegal instruction: a Swift runtime trap such as fatalError, a failed precondition, "
        + "an out-of-range index or a force-unwrapped nil"
    case 5: "trace trap: a Swift runtime trap"
    case 6: "abort"
    case 7: "bus error"
    case 8: "arithmetic error"
    case 9: "killed"
    case 11: "segmentation fault"
    case 15: "terminated"
    default: "signal \(signal)"
    }
  }

  static func format(_ seconds: Double) -> String {
    seconds == seconds.rounded() ? String(Int(seconds)) : String(format1: seconds)
  }
}

extension String {
  /// `value` with one decimal: `6.1`.
  init(format1 value: Double) {
    let tenths = (value * 10).rounded()
    self = "\(Int(tenths) / 10).\(abs(Int(tenths) % 10))"
  }
}
