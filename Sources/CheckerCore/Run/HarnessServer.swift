import Foundation

/// Runs a grading's harness processes from one process: the Python harness's `serve` mode,
/// which forks a child per run, or the checker's `__serve` mode (`ProgramServer`), which starts
/// each run's program; either way in one sandbox.
///
/// A Python harness spends a tenth of a second of CPU starting the interpreter and importing
/// `asyncio`, more than the rest of its run; a grading runs seven or more. The server imports
/// once, then forks one process per job, each with its own process group, output pipe, channel,
/// key, working folder and limits (time from its first record, output, resident memory), as
/// `ProcessSupervisor` would run it, and reports how each ended in a `J` record on its own
/// channel. The jobs are forked before any key is read, so no job's memory holds another's key
/// or the server's.
///
/// A job the server does not report (the server was killed, or could not fork), or that a
/// signal ended (which another task's code may have sent: they share a sandbox), has no outcome
/// here: the runner runs it again on its own, so one task's code cannot cost another its
/// verdict. The server stops a run at a limit itself, and says which.
public struct HarnessServer: Sendable {
  /// The command that starts the server, without its JOBS argument.
  public let command: [String]
  /// What the server needs to read in a sandbox besides what its runs read (the checker's own
  /// program, for `ProgramServer`).
  public var readablePaths: [String] = []

  /// Creates a server.
  ///
  /// - Parameter command: The command that starts the harness in its serving mode.
  public init(command: [String]) {
    self.command = command
  }

  /// The checker's own serving mode, `checker __serve` (`ProgramServer`), which starts each run's
  /// program: a grading's runs then share one sandbox.
  ///
  /// - Parameter checker: The `checker` program.
  /// - Returns: The server.
  public static func programs(checker: String) -> HarnessServer {
    let resolved = URL(fileURLWithPath: checker).resolvingSymlinksInPath().path
    var server = HarnessServer(command: [resolved, "__serve"])
    server.readablePaths = [resolved]
    return server
  }

  /// A process for the server to fork.
  public struct Run: Sendable {
    /// The process as it would run alone: working folder, limits and key.
    public var job: ProcessSupervisor.Job
    /// The harness mode it runs in (`run`, `probe`).
    public var mode: String
    /// Its arguments after the mode and the sources.
    public var arguments: [String]

    /// Creates a run.
    ///
    /// - Parameters:
    ///   - job: The process as it would run alone.
    ///   - mode: The harness mode it runs in.
    ///   - arguments: Its arguments after the mode and the sources.
    public init(job: ProcessSupervisor.Job, mode: String, arguments: [String]) {
      self.job = job
      self.mode = mode
      self.arguments = arguments
    }
  }

  /// One run, as the server is told it (and as `ProgramServer` reads it).
  struct Spec: Codable {
    var mode: String
    var folder: String
    var timeLimit: Double
    var outputLimit: Int
    var memoryLimit: Int
    var arguments: [String]
    /// The whole command, for a server that starts programs (`ProgramServer`).
    var command: [String]
    var environment: [String: String]
    var opensChannel: Bool

    enum CodingKeys: String, CodingKey {
      case mode
      case folder
      case timeLimit = "time_limit"
      case outputLimit = "output_limit"
      case memoryLimit = "memory_limit"
      case arguments
      case command
      case environment
      case opensChannel = "opens_channel"
    }
  }

  /// The server's own job, running `runs`.
  ///
  /// - Parameters:
  ///   - runs: The processes to fork.
  ///   - key: The server's own channel key.
  ///   - folder: The server's working folder.
  /// - Returns: The job to supervise; its secret carries the server's key, then each run's.
  func job(
    running runs: [Run], key: ChannelKey, folder: String
  ) -> ProcessSupervisor.Job {
    let specs = runs.map { run in
      Spec(
        mode: run.mode, folder: run.job.workingDirectory ?? folder, timeLimit: run.job.timeLimit,
        outputLimit: run.job.outputLimit, memoryLimit: run.job.memoryLimit,
        arguments: run.arguments, command: [run.job.executable] + run.job.arguments,
        environment: run.job.environment, opensChannel: run.job.opensChannel)
    }
    let encoded = (try? JSONEncoder().encode(specs)).map { String(decoding: $0, as: UTF8.self) }
    let longest = runs.map(\.job.timeLimit).max() ?? 0
    var job = ProcessSupervisor.Job(
      executable: command.first ?? "/nonexistent",
      arguments: command.dropFirst() + [encoded ?? "[]"], workingDirectory: folder,
      // Each run may wait for its start-up, then run its limit; the server reaps it at most
      // half a second later.
      timeLimit: ProcessSupervisor.startUpLimit + longest + 5, opensChannel: true)
    // The server stops a run at its own limit; this one is for the whole tree.
    job.memoryLimit = runs.map(\.job.memoryLimit).reduce(256 << 20, +)
    // One line per run, empty for a run without a key.
    job.secret = ([key.text] + runs.map { $0.job.secret ?? "" }).joined(separator: "\n")
    return job
  }

  /// Runs the server's job (when there is one), then alone every run it did not report.
  ///
  /// - Parameters:
  ///   - count: How many runs the server was given.
  ///   - serverJob: The server's job (from `job(running:key:folder:)`, sandboxed as the caller
  ///     wants), or `nil` to run every run alone.
  ///   - key: The server's channel key.
  ///   - alone: The job that makes run `index` alone.
  /// - Returns: One outcome per run, in order, and how many of the server's lines were forged.
  /// - Throws: What `alone` throws.
  static func run<Failure: Error>(
    _ count: Int, server serverJob: ProcessSupervisor.Job?, key: ChannelKey,
    alone: (Int) throws(Failure) -> ProcessSupervisor.Job
  ) throws(Failure) -> (outcomes: [ProcessSupervisor.Outcome], forged: Int) {
    var outcomes = [ProcessSupervisor.Outcome?](repeating: nil, count: count)
    var forged = 0
    if let serverJob, let served = ProcessSupervisor.run([serverJob]).first {
      (outcomes, forged) = Self.outcomes(from: served, key: key, count: count)
    }
    let missing = outcomes.indices.filter { outcomes[$0] == nil }
    var jobs: [ProcessSupervisor.Job] = []
    for index in missing { jobs.append(try alone(index)) }
    for (index, outcome) in zip(missing, ProcessSupervisor.run(jobs)) {
      outcomes[index] = outcome
    }
    // `ProcessSupervisor.run` gives one outcome per job: none is left without one.
    return (
      outcomes.map {
        $0
          ?? ProcessSupervisor.Outcome(
            termination: .failedToStart("not run"), output: [], outputByteCount: 0, channel: [],
            duration: 0)
      }, forged
    )
  }

  /// Each run's outcome, read from the server's channel.
  ///
  /// - Parameters:
  ///   - server: How the server ended, and what it wrote.
  ///   - key: The server's channel key.
  ///   - count: How many runs it was given.
  /// - Returns: One outcome per run, `nil` for a run the server did not report; and how many
  ///   of the server's lines were forged.
  static func outcomes(from server: ProcessSupervisor.Outcome, key: ChannelKey, count: Int)
    -> (outcomes: [ProcessSupervisor.Outcome?], forged: Int)
  {
    var outcomes = [ProcessSupervisor.Outcome?](repeating: nil, count: count)
    let (records, forged) = key.authenticate(String(decoding: server.channel, as: UTF8.self))
    // A server of another protocol version: none of its reports is read.
    guard
      records.contains(where: {
        $0.count == 3 && $0[0] == HarnessProtocol.Record.hello.rawValue
          && Int($0[1]) == HarnessProtocol.version
      })
    else { return (outcomes, forged) }
    for fields in records where fields.first == HarnessProtocol.Record.job.rawValue[...] {
      // A run a signal ended is not read: the signal may have come from another task's code,
      // which shares the server's sandbox, and the run is made again alone.
      guard fields.count == 8, let index = Int(fields[1]), outcomes.indices.contains(index),
        let termination = HarnessProtocol.JobEnd.termination(kind: fields[2], value: fields[3]),
        termination.isSignal == false,
        let duration = Double(fields[4]), let printed = Int(fields[5]),
        let output = Data(base64Encoded: String(fields[6])),
        let channel = Data(base64Encoded: String(fields[7]))
      else { continue }
      outcomes[index] = ProcessSupervisor.Outcome(
        termination: termination, output: Array(output), outputByteCount: printed,
        channel: Array(channel), duration: duration)
    }
    return (outcomes, forged)
  }
}

extension ProcessSupervisor.Termination {
  /// Whether a signal ended the process (rather than its own exit or a limit).
  var isSignal: Bool {
    if case .signaled = self { return true }
    return false
  }
}
