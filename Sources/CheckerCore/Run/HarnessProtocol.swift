/// How the checker and a harness process talk: the one definition both harnesses
/// (`Resources/Harness/AsyncCheckHarness.swift` with the generated `AsyncCheckExercise.swift`, and
/// `asynccheck_harness.py`) and the checker's readers (`HarnessReader`, `PythonBuilder`) follow.
///
/// ## Version
/// `version` is the protocol's version. A harness names the version it speaks in its `H`
/// record, sent once it has read its arguments; when it is another version, `HarnessReader`
/// reads no result from that process and every call fails, saying so. Change the version
/// whenever a record's fields change, in both harnesses and here.
///
/// ## Checker to harness: the command line
/// - Swift: `harness TASK ABANDON_AFTER CALL...`
/// - Python: `python3 -S asynccheck_harness.py run SOURCES TASK ABANDON_AFTER CALL...`, or
///   `... probe SOURCES` to read the submission's functions (records `P`), or
///   `... serve SOURCES JOBS` to make many runs, each in a process forked from one that has
///   imported asyncio once (records `H`, `J` and `D`; see `HarnessServer`).
///
/// TASK is the task whose student function runs; ABANDON_AFTER, in seconds since the start, is
/// when the harness stops waiting for calls that are never awaited. Each CALL is
/// `id:task:arguments` (`PlannedCall.harnessArgument`): the task whose function it calls and
/// the arguments, comma-separated in the order of the function's parameters (`3:1:12,1` is
/// `waitN(n: 12, maxDelay: 1)`). A call that passes fewer arguments than the function takes
/// leaves the rest to their defaults and is never awaited (`5:0:` is `waitRandom()`). A probe
/// adds `:duration/value,…`, what the checker's waitRandom does on each of its calls. How a
/// task's function is called and its result read comes from the exercise model: the Swift
/// harness's dispatch is generated from it (`HarnessExerciseSource`), and the Python harness
/// reads it from `asynccheck_exercise.json` (`PythonBuilder.exerciseDescription`).
///
/// ## Harness to checker: records on descriptor 3
/// The key arrives on descriptor 4 and is read before any student code runs (`ChannelKey`).
/// Each record is one line of tab-separated fields: a type, the fields below, then a sequence
/// number and the key; a line without them counts as forged. Times are seconds since the
/// harness started, on a monotonic clock; `id` is a call's id, `context` the id of the call
/// that a recorded call ran for (-1 when unknown).
///
/// | type | fields                          | meaning                                              |
/// |------|---------------------------------|------------------------------------------------------|
/// | `H`  | `version t guarded`             | the harness started, speaking protocol `version`; `guarded` 1: the channel guard is installed (`SeccompFilter.channelGuard`), 0: it could not be (a server's own `H` has no `guarded`) |
/// | `S`  | `id t`                          | call `id` started                                    |
/// | `R`  | `id t isTask`                   | `taskWaitRandom` returned (`isTask` 1: a task)       |
/// | `E`  | `id t v,v,…`                    | call `id` ended with these values                    |
/// | `X`  | `id message`                    | an error ended call `id` (-1: every call)            |
/// | `W`  | `context start end value maxDelay` | a `waitRandom` call (maxDelay -1: the default, -2: not an integer) |
/// | `T`  | `context t`                     | a `taskWaitRandom` call                              |
/// | `N`  | `context start end n maxDelay`  | a `waitN` call                                       |
/// | `C`  | `start end requested`           | control: the harness's own sleep of `requested` seconds, on a thread that runs no student code |
/// | `D`  | `t`                             | done: every awaited call ended                       |
/// | `P`  | `task status payload`           | probe: what the task's function is (Python)          |
/// | `F`  | `task json`                     | facts of the task's file (Python; `asynccheck_facts.py` prints them on its standard output, without key) |
/// | `A`  | `kind file line detail`         | the Python harness's audit hook saw student code reach for the harness (`kind` `forged`: a record it did not write) |
/// | `J`  | `index kind value seconds printed output channel` | serve: how run `index` ended (Python; base64 output and channel) |
///
/// The control's records let the checker judge time against the machine of the moment: how
/// late the harness's own sleeps ended while a call ran is added, capped, to what that call is
/// allowed (`Tolerances.busyMachine`). A harness that sends none gets the absolute tolerances.
///
/// In a Python run, the records are written by an audit hook (PEP 578) installed before any
/// student code loads: it holds the key, timestamps the records and accepts them only from the
/// harness's own code (see `asynccheck_harness.install_channel`).
public enum HarnessProtocol {
  /// The protocol's version; both harnesses send it in their `H` record.
  public static let version = 5

  /// The exit status of a harness process whose report channel was taken over, where the
  /// channel guard (`SeccompFilter.channelGuard`, which kills such a process with `SIGSYS`)
  /// could not be installed.
  ///
  /// Descriptor 3 was no longer the file it was: the submission moved a pipe of its own onto
  /// it, to read the records and pass on others. The harness writes nothing more (the Python
  /// harness first says so, `A channel`, on a copy of the channel it made at start).
  public static let channelTakenOverStatus: Int32 = 86

  /// The type of a record, its first field.
  public enum Record: String, Sendable, CaseIterable {
    /// The harness started: `H version t`.
    case hello = "H"
    /// A call started: `S id t`.
    case started = "S"
    /// `taskWaitRandom` returned: `R id t isTask`.
    case returned = "R"
    /// A call ended with values: `E id t v,v,…`.
    case ended = "E"
    /// An error ended a call: `X id message`.
    case raised = "X"
    /// A recorded `waitRandom`: `W context start end value maxDelay`.
    case waitRandom = "W"
    /// A recorded `taskWaitRandom`: `T context t`.
    case taskWaitRandom = "T"
    /// A recorded `waitN`: `N context start end n maxDelay`.
    case waitN = "N"
    /// The control's sleep of `requested` seconds: `C start end requested`.
    case control = "C"
    /// Every awaited call ended: `D t`.
    case done = "D"
    /// A probe's finding about a task's function: `P task status payload`.
    case probe = "P"
    /// A probe's facts about a task's file: `F task json`.
    case facts = "F"
    /// A serving harness's report of one run: `J index kind value seconds printed output
    /// channel` (see `HarnessServer`).
    case job = "J"
    /// What the Python harness's audit hook saw student code do to reach the harness: `A kind
    /// file line detail`; `kind` is `forged` for a record the harness did not write.
    case audit = "A"
  }

  /// How a served run ended: the `kind` of a `J` record.
  ///
  /// Its `value` is the exit status, the signal, the seconds or the bytes. Both servers write
  /// them (`ProgramServer` and the Python
  /// harness's `serve`); `HarnessServer` reads them.
  public enum JobEnd: String, Sendable, CaseIterable {
    /// The run exited: `value` is its status.
    case exited
    /// A signal ended the run: `value` is the signal's number.
    case signaled
    /// The server stopped the run at its time limit: `value` is the limit in seconds.
    case timedOut
    /// The server stopped the run for printing too much: `value` is the limit in bytes.
    case outputLimit
    /// The server stopped the run for using too much memory: `value` is the limit in bytes.
    case memoryLimit

    /// A termination as a `J` record's kind and value.
    ///
    /// - Parameter termination: How the run ended.
    /// - Returns: The kind and value; `nil` for a program that did not start (which the
    ///   checker then runs alone, and sees why).
    public static func record(of termination: ProcessSupervisor.Termination) -> (
      kind: JobEnd, value: String
    )? {
      switch termination {
      case .exited(let status): (.exited, "\(status)")
      case .signaled(let signal): (.signaled, "\(signal)")
      case .timedOut(let seconds): (.timedOut, "\(seconds)")
      case .outputLimit(let bytes): (.outputLimit, "\(bytes)")
      case .memoryLimit(let bytes): (.memoryLimit, "\(bytes)")
      case .failedToStart: nil
      }
    }

    /// The termination a `J` record's kind and value say.
    ///
    /// - Parameters:
    ///   - kind: The record's kind field.
    ///   - value: Its value field.
    /// - Returns: The termination; `nil` when either does not parse.
    public static func termination(kind: Substring, value: Substring)
      -> ProcessSupervisor.Termination?
    {
      switch JobEnd(rawValue: String(kind)) {
      case .exited: Int32(value).map { .exited($0) }
      case .signaled: Int32(value).map { .signaled($0) }
      case .timedOut: Double(value).map { .timedOut(seconds: $0) }
      case .outputLimit: Int(value).map { .outputLimit(bytes: $0) }
      case .memoryLimit: Int(value).map { .memoryLimit(bytes: $0) }
      case nil: nil
      }
    }
  }

  /// The `maxDelay` a recorded `waitRandom` call passed: the last field of a `W` record.
  public enum MaxDelayArgument: Sendable, Hashable, ExpressibleByIntegerLiteral {
    /// An integer argument, 0 or more.
    case given(Int)
    /// None: the function's default (`-1` in the record).
    case defaulted
    /// An argument that is not an integer, such as `1.5` in Python (`-2` in the record).
    case notAnInteger

    /// The argument a record's field says; `nil` for a field that says none of these.
    ///
    /// - Parameter field: The field's text.
    public init?(field: Substring) {
      switch Int(field) {
      case let value? where value >= 0: self = .given(value)
      case -1: self = .defaulted
      case -2: self = .notAnInteger
      default: return nil
      }
    }

    /// An integer argument.
    ///
    /// - Parameter value: The argument.
    public init(integerLiteral value: Int) {
      self = .given(value)
    }
  }

  /// What a Python probe found a task's function to be: the `status` of a `P` record.
  public enum ProbeStatus: String, Sendable, CaseIterable {
    /// The function, as the exercise declares it: the payload is its header.
    case ok
    /// The function, with parameters named otherwise: the payload is its header.
    case renamed
    /// Another kind of function (a coroutine for a plain one…): the payload is its header.
    case wrong
    /// No such function in its file.
    case missing
    /// No such file.
    case missingFile = "missing-file"
    /// Its file imports a task's file that does not load: the payload is that task's number.
    case needs
    /// Its file raises when imported: the payload is the error as JSON (file, line, message).
    case error
    /// It loads only with the student's own version of a file it imports: the payload as for
    /// `error`.
    case incompatible
    /// `wait_random`'s default `max_delay`, as `repr` shows it (`None` for none).
    case `default`
  }
}
