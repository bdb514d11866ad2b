#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Runs child processes side by side under limits, reading their output as they go.
///
/// Each child gets `/dev/null` as standard input, one pipe for its standard output and error
/// (what a student prints), and, when asked, a second pipe on file descriptor 3: the channel the
/// harness reports on, which `print` cannot reach. Each child leads its own process group, so a
/// child that starts processes of its own is stopped with them.
public enum ProcessSupervisor {
  /// One process to run.
  public struct Job: Sendable {
    /// The absolute path of the program.
    public var executable: String
    /// The arguments, without the program name.
    public var arguments: [String]
    /// The folder to run in, or `nil` for the checker's own.
    public var workingDirectory: String?
    /// Wall-clock seconds before the process is killed.
    public var timeLimit: Double
    /// Bytes of output (standard output and error together) before the process is killed.
    public var outputLimit: Int = 1 << 20
    /// Resident memory, in bytes, before the process is killed (checked on Linux).
    public var memoryLimit: Int = 1 << 30
    /// Whether to open the report channel on file descriptor 3.
    public var opensChannel: Bool = false
    /// Variables to set in the child's environment, on top of the checker's own.
    public var environment: [String: String] = [:]
    /// A secret the child reads on file descriptor 4 before it runs any student code (the
    /// harness's channel key): handed over on a pipe, never in the arguments or environment,
    /// which student code can read.
    public var secret: String?
    /// The user id only this job's sandbox runs as: every process of that user is killed when
    /// the job ends, however it ended (a daemon that left the job's process group and tree).
    public var sandboxUser: UInt32?

    /// Creates a job.
    ///
    /// - Parameters:
    ///   - executable: The program's absolute path.
    ///   - arguments: Its arguments.
    ///   - workingDirectory: Where to run it.
    ///   - timeLimit: Wall-clock seconds before it is killed.
    ///   - opensChannel: Whether to open the report channel on descriptor 3.
    ///   - environment: Variables to set in its environment.
    public init(
      executable: String, arguments: [String], workingDirectory: String? = nil,
      timeLimit: Double, opensChannel: Bool = false, environment: [String: String] = [:]
    ) {
      self.executable = executable
      self.arguments = arguments
      self.workingDirectory = workingDirectory
      self.timeLimit = timeLimit
      self.opensChannel = opensChannel
      self.environment = environment
    }
  }

  /// How a process ended.
  public enum Termination: Sendable, Equatable {
    /// It exited by itself with this status.
    case exited(Int32)
    /// A signal ended it (a crash: a trap, a bad access, an abort).
    case signaled(Int32)
    /// It ran past its time limit and was killed.
    case timedOut(seconds: Double)
    /// It printed more than its output limit and was killed.
    case outputLimit(bytes: Int)
    /// It used more than its memory limit and was killed.
    case memoryLimit(bytes: Int)
    /// It could not be started.
    case failedToStart(String)
  }

  /// What a process did.
  public struct Outcome: Sendable {
    /// How it ended.
    public var termination: Termination
    /// The start of what it printed (standard output and error, interleaved).
    public var output: [UInt8]
    /// How many bytes it printed in all.
    public var outputByteCount: Int
    /// What it wrote on the report channel.
    public var channel: [UInt8]
    /// Wall-clock seconds from start to end.
    public var duration: Double

    /// Creates an outcome.
    ///
    /// - Parameters:
    ///   - termination: How the process ended.
    ///   - output: The start of what it printed.
    ///   - outputByteCount: How many bytes it printed in all.
    ///   - channel: What it wrote on the report channel.
    ///   - duration: Seconds from start to end.
    public init(
      termination: Termination, output: [UInt8], outputByteCount: Int, channel: [UInt8],
      duration: Double
    ) {
      self.termination = termination
      self.output = output
      self.outputByteCount = outputByteCount
      self.channel = channel
      self.duration = duration
    }
  }

  /// How much printed output an outcome keeps.
  static let keptOutputBytes = 64 * 1024

  /// How long a harness may take to say it is ready, however busy the machine: 30 s.
  public static let startUpLimit = 30.0

  /// Runs `jobs` at the same time and waits for all of them.
  ///
  /// - Parameters:
  ///   - jobs: The processes to run.
  ///   - clock: The clock that time limits and durations are measured on.
  /// - Returns: One outcome per job, in the same order.
  public static func run(_ jobs: [Job], clock: some Clock<Duration> = ContinuousClock())
    -> [Outcome]
  {
    var core = rlimit(rlim_cur: 0, rlim_max: 0)
    // No core files: a crashing submission must not write into any folder.
    _ = setrlimit(Int32(RLIMIT_CORE.rawValue), &core)
    // Times inside are seconds since this call began.
    let stopwatch = Stopwatch(clock: clock)
    var running = jobs.map { RunningJob(job: $0, start: 0) }
    while running.contains(where: { !$0.isFinished }) {
      var descriptors: [pollfd] = []
      var owners: [(job: Int, isChannel: Bool)] = []
      for (index, job) in running.enumerated() {
        if job.outputDescriptor >= 0 {
          descriptors.append(pollfd(fd: job.outputDescriptor, events: Int16(POLLIN), revents: 0))
          owners.append((index, false))
        }
        if job.channelDescriptor >= 0 {
          descriptors.append(pollfd(fd: job.channelDescriptor, events: Int16(POLLIN), revents: 0))
          owners.append((index, true))
        }
      }
      if !descriptors.isEmpty {
        _ = poll(&descriptors, nfds_t(descriptors.count), 20)
      } else {
        usleep(5_000)
      }
      for (slot, descriptor) in descriptors.enumerated() where descriptor.revents != 0 {
        running[owners[slot].job].drain(isChannel: owners[slot].isChannel, now: stopwatch.seconds)
      }
      let now = stopwatch.seconds
      for index in running.indices {
        running[index].supervise(now: now)
      }
    }
    return running.map { $0.outcome(end: stopwatch.seconds) }
  }
}

/// A job's process while it runs, and what has been read from it so far.
private struct RunningJob {
  let job: ProcessSupervisor.Job
  let start: Double
  var pid: pid_t = -1
  var outputDescriptor: Int32 = -1
  var channelDescriptor: Int32 = -1
  var output: [UInt8] = []
  var outputByteCount = 0
  var channel: [UInt8] = []
  var termination: ProcessSupervisor.Termination?
  var exitedAt: Double?
  var lastMemoryCheck = 0.0
  /// When the first byte arrived on the channel: the harness is ready, and its time limit
  /// starts then.
  var readyAt: Double?

  var isFinished: Bool {
    pid < 0 && outputDescriptor < 0 && channelDescriptor < 0
  }

  init(job: ProcessSupervisor.Job, start: Double) {
    self.job = job
    self.start = start
    spawn()
  }

  /// `posix_spawn_file_actions_addchdir_np`, which glibc has had since 2.29 but the Swift
  /// module for it does not import; looked up once by name.
  private static let addChdir:
    (
      @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) ->
        Int32
    )? = {
      guard
        let symbol = dlsym(
          UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addchdir_np")
      else { return nil }
      return unsafeBitCast(
        symbol,
        to: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>)
          -> Int32).self)
    }()

  /// Makes a report channel: a pair of connected local sockets, the first end the checker's,
  /// which only reads, the second the harness's, which only writes.
  ///
  /// Not a pipe: a process can open its own end of a pipe again through `/proc/self/fd`, for
  /// reading, and so read what the harness writes (the key with it); a socket cannot be opened
  /// so, and the harness's end reads nothing.
  ///
  /// - Parameter ends: Set to the two descriptors.
  /// - Returns: Whether the channel was made.
  static func makeChannel(_ ends: inout [Int32]) -> Bool {
    guard socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0, &ends) == 0 else { return false }
    _ = shutdown(ends[0], Int32(SHUT_WR))
    _ = shutdown(ends[1], Int32(SHUT_RD))
    return true
  }

  private mutating func spawn() {
    var outputPipe: [Int32] = [-1, -1]
    var channelPipe: [Int32] = [-1, -1]
    guard pipe(&outputPipe) == 0, !job.opensChannel || Self.makeChannel(&channelPipe) else {
      termination = .failedToStart("cannot create a pipe: \(String(cString: strerror(errno)))")
      return
    }
    for descriptor in outputPipe + channelPipe where descriptor >= 0 {
      _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
    }
    var secretPipe: [Int32] = [-1, -1]
    if let secret = job.secret {
      guard pipe(&secretPipe) == 0 else {
        termination = .failedToStart("cannot create a pipe: \(String(cString: strerror(errno)))")
        return
      }
      let bytes = Array(secret.utf8)
      _ = write(secretPipe[1], bytes, bytes.count)
      close(secretPipe[1])
      // Out of the way of descriptors 0–4, which the file actions below set up in order: the
      // descriptor that becomes 4 must not be one of the ones that become 1, 2 or 3.
      let high = fcntl(secretPipe[0], F_DUPFD_CLOEXEC, 10)
      close(secretPipe[0])
      secretPipe[0] = high
    }
    defer { if secretPipe[0] >= 0 { close(secretPipe[0]) } }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_adddup2(&actions, outputPipe[1], 1)
    posix_spawn_file_actions_adddup2(&actions, outputPipe[1], 2)
    if job.opensChannel {
      posix_spawn_file_actions_adddup2(&actions, channelPipe[1], 3)
    }
    if secretPipe[0] >= 0 {
      posix_spawn_file_actions_adddup2(&actions, secretPipe[0], 4)
    }
    if let directory = job.workingDirectory {
      guard let addChdir = Self.addChdir, addChdir(&actions, directory) == 0 else {
        termination = .failedToStart("cannot run in \(directory)")
        close(outputPipe[0])
        close(outputPipe[1])
        return
      }
    }
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var noSignals = sigset_t()
    sigemptyset(&noSignals)
    var allSignals = sigset_t()
    sigfillset(&allSignals)
    posix_spawnattr_setsigmask(&attributes, &noSignals)
    posix_spawnattr_setsigdefault(&attributes, &allSignals)
    posix_spawnattr_setpgroup(&attributes, 0)
    posix_spawnattr_setflags(
      &attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

    let argv = ([job.executable] + job.arguments).map { strdup($0) } + [nil]
    var variables: [String] = []
    var index = 0
    while let entry = environ[index] {
      let text = String(cString: entry)
      let name = String(text.prefix { $0 != "=" })
      if job.environment[name] == nil { variables.append(text) }
      index += 1
    }
    variables += job.environment.map { "\($0.key)=\($0.value)" }
    let envp = variables.map { strdup($0) } + [nil]
    defer {
      for pointer in argv + envp { free(pointer) }
    }
    var child: pid_t = 0
    let status = posix_spawn(&child, job.executable, &actions, &attributes, argv, envp)
    close(outputPipe[1])
    if job.opensChannel { close(channelPipe[1]) }
    guard status == 0 else {
      close(outputPipe[0])
      if job.opensChannel { close(channelPipe[0]) }
      termination = .failedToStart(
        "cannot run \(job.executable): \(String(cString: strerror(status)))")
      return
    }
    pid = child
    outputDescriptor = outputPipe[0]
    channelDescriptor = job.opensChannel ? channelPipe[0] : -1
    for descriptor in [outputDescriptor, channelDescriptor] where descriptor >= 0 {
      _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
    }
  }

  mutating func drain(isChannel: Bool, now: Double) {
    let descriptor = isChannel ? channelDescriptor : outputDescriptor
    guard descriptor >= 0 else { return }
    var buffer = [UInt8](repeating: 0, count: 65_536)
    while true {
      let count = read(descriptor, &buffer, buffer.count)
      if count > 0 {
        if isChannel {
          if channel.isEmpty { readyAt = now }
          channel.append(contentsOf: buffer[0..<count])
        } else {
          outputByteCount += count
          let room = ProcessSupervisor.keptOutputBytes - output.count
          if room > 0 { output.append(contentsOf: buffer[0..<min(room, count)]) }
        }
        continue
      }
      if count < 0, errno == EAGAIN || errno == EINTR { return }
      close(descriptor)
      if isChannel { channelDescriptor = -1 } else { outputDescriptor = -1 }
      return
    }
  }

  mutating func supervise(now: Double) {
    if pid > 0 {
      var status: Int32 = 0
      if waitpid(pid, &status, WNOHANG) == pid {
        if termination == nil {
          termination =
            status & 0x7f == 0 ? .exited((status >> 8) & 0xff) : .signaled(status & 0x7f)
          // The sandbox's control group saw the kernel kill a process at the memory limit.
          if job.sandboxUser != nil, termination == .exited(SandboxLauncher.memoryLimitStatus) {
            termination = .memoryLimit(bytes: job.memoryLimit)
          }
        }
        // Anything the child left running in its group, or as its sandbox's user, goes with it.
        kill(-pid, SIGKILL)
        if let user = job.sandboxUser { ProcessTable.killAll(ofUser: user) }
        pid = -1
        exitedAt = now
      } else if termination == nil {
        // A harness's time limit runs from when it says it is ready: with dozens of processes
        // starting at once on two cores, an interpreter's start-up alone (0.15 s of CPU for
        // Python) can take seconds of wall time, which the calls' timing must not pay for.
        let waitsForReady = job.opensChannel && readyAt == nil
        let elapsed = now - (readyAt ?? start)
        let allowed =
          waitsForReady ? max(job.timeLimit, ProcessSupervisor.startUpLimit) : job.timeLimit
        if elapsed > allowed {
          stop(.timedOut(seconds: job.timeLimit))
        } else if outputByteCount > job.outputLimit {
          stop(.outputLimit(bytes: job.outputLimit))
        } else if now - lastMemoryCheck > 0.1 {
          lastMemoryCheck = now
          if let resident = residentBytes(), resident > job.memoryLimit {
            stop(.memoryLimit(bytes: job.memoryLimit))
          }
        }
      }
    }
    // A grandchild holding a pipe open must not keep the checker waiting after the child ended.
    if pid < 0, let exitedAt, now - exitedAt > 0.5 {
      for descriptor in [outputDescriptor, channelDescriptor] where descriptor >= 0 {
        close(descriptor)
      }
      outputDescriptor = -1
      channelDescriptor = -1
    }
    if pid < 0, exitedAt == nil, termination != nil {
      // Never started.
      exitedAt = now
    }
  }

  private mutating func stop(_ reason: ProcessSupervisor.Termination) {
    termination = reason
    // The whole tree, read now: a sandbox launcher is its program's subreaper, so even a
    // process that left the group is still below it.
    ProcessTable.shared.killTree(of: pid)
    kill(-pid, SIGKILL)
    kill(pid, SIGKILL)
    if let user = job.sandboxUser { ProcessTable.killAll(ofUser: user) }
  }

  /// The resident memory of the process and everything it started.
  private func residentBytes() -> Int? {
    let sizes = ProcessTable.shared.tree(of: pid).compactMap(Self.residentBytes(of:))
    return sizes.isEmpty ? nil : sizes.reduce(0, +)
  }

  private static func residentBytes(of pid: Int32) -> Int? {
    #if os(Linux)
      guard let file = fopen("/proc/\(pid)/statm", "r") else { return nil }
      defer { fclose(file) }
      var size = 0
      var resident = 0
      guard
        withUnsafeMutablePointer(
          to: &size,
          { sizePointer in
            withUnsafeMutablePointer(to: &resident) { residentPointer in
              withVaList([sizePointer, residentPointer]) { vfscanf(file, "%ld %ld", $0) }
            }
          }) == 2
      else { return nil }
      return resident * Int(sysconf(Int32(_SC_PAGESIZE)))
    #else
      return nil
    #endif
  }

  func outcome(end: Double) -> ProcessSupervisor.Outcome {
    ProcessSupervisor.Outcome(
      termination: termination ?? .exited(0), output: output, outputByteCount: outputByteCount,
      channel: channel, duration: (exitedAt ?? end) - start)
  }
}
