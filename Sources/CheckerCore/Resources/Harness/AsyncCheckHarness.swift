// The harness that asynccheck links with every submission: the module `AsyncCheckSupport`,
// compiled once by the checker (`HarnessLibrary`), with this file's `main`. It calls the
// student's functions as the checker's plan says and reports what it saw on file descriptor 3, a
// pipe that a student's `print` cannot reach. The submission is another module: it receives the
// student's functions through `asyncCheckStudentFunctions()` (`AsyncCheckStudentFunctions.swift`)
// and can name nothing here but the exercise's five functions.
//
// Usage (by the checker only): harness TASK ABANDON_AFTER CALL...
// where CALL is `id:kind:n:maxDelay` and kind is one of r (waitRandom), d (waitRandom with its
// default argument), w (waitN), m (measureTime), t (taskWaitRandom), k (taskWaitN); a probe call
// adds `:duration/value,…`, what the checker's waitRandom does on each of its calls.

import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The C library's own `write`, `read`, `clock_gettime` and `nanosleep`, looked up in the C
/// library itself.
///
/// A submission can define a C symbol of that name (`@_cdecl("write")`); the linker then binds
/// the whole program's calls to it, the harness's among them. A function looked up with
/// `dlsym` in the C library's own handle is the library's, whatever the program defines: the
/// channel's writes, its clock and the control's sleeps are not the submission's to change. (A
/// submission that defines `dlopen` or `dlsym` is flagged by the checker, which reads its
/// compiled symbols.)
enum AsyncCheckLibC {
  typealias Write = @convention(c) (Int32, UnsafeRawPointer?, Int) -> Int
  typealias Read = @convention(c) (Int32, UnsafeMutableRawPointer?, Int) -> Int
  typealias ClockGetTime = @convention(c) (Int32, UnsafeMutablePointer<timespec>?) -> Int32
  typealias NanoSleep =
    @convention(c) (UnsafePointer<timespec>?, UnsafeMutablePointer<timespec>?)
    -> Int32

  /// The four functions as the C library defines them, or `nil` where they cannot be looked up.
  private struct Functions: @unchecked Sendable {
    var write: Write?
    var read: Read?
    var clock: ClockGetTime?
    var nanosleep: NanoSleep?
  }

  private static let functions: Functions = {
    #if canImport(Glibc)
      guard let library = dlopen("libc.so.6", RTLD_NOW | RTLD_NOLOAD) else { return Functions() }
      func lookUp<Function>(_ name: String, as type: Function.Type) -> Function? {
        dlsym(library, name).map { unsafeBitCast($0, to: type) }
      }
      return Functions(
        write: lookUp("write", as: Write.self), read: lookUp("read", as: Read.self),
        clock: lookUp("clock_gettime", as: ClockGetTime.self),
        nanosleep: lookUp("nanosleep", as: NanoSleep.self))
    #else
      return Functions()
    #endif
  }()

  /// Writes with the C library's `write` (the program's where it could not be looked up).
  static func write(_ descriptor: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int {
    if let write = functions.write { return write(descriptor, buffer, count) }
    return asyncCheckProgramWrite(descriptor, buffer, count)
  }

  /// Reads with the C library's `read` (the program's where it could not be looked up).
  static func read(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    if let read = functions.read { return read(descriptor, buffer, count) }
    return asyncCheckProgramRead(descriptor, buffer, count)
  }

  /// Seconds on the monotonic clock, read with the C library's `clock_gettime`.
  static func monotonicSeconds() -> Double {
    #if canImport(Glibc)
      if let clock = functions.clock {
        var time = timespec()
        _ = clock(Int32(CLOCK_MONOTONIC), &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) * 1e-9
      }
    #endif
    let (seconds, attoseconds) = (ContinuousClock.now - startInstant).components
    return Double(seconds) + Double(attoseconds) * 1e-18
  }

  private static let startInstant = ContinuousClock.now

  /// Blocks the calling thread for `seconds` with the C library's `nanosleep`; returns at once
  /// where it could not be looked up (the control then shows no lateness to add).
  static func sleep(seconds: Double) -> Bool {
    guard let sleep = functions.nanosleep else { return false }
    var request = timespec(
      tv_sec: Int(seconds), tv_nsec: Int((seconds - Double(Int(seconds))) * 1e9))
    _ = sleep(&request, nil)
    return true
  }
}

/// The program's `write`, for where the C library's could not be looked up.
private func asyncCheckProgramWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer?, _ count: Int)
  -> Int
{
  write(descriptor, buffer, count)
}

/// The program's `read`, for where the C library's could not be looked up.
private func asyncCheckProgramRead(
  _ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int
) -> Int {
  read(descriptor, buffer, count)
}

/// The report channel to the checker.
///
/// One line per event, written whole under a lock, each ending with its sequence number and
/// the key the checker handed over on descriptor 4. The records are defined in the checker's
/// `HarnessProtocol`.
enum AsyncCheckChannel {
  /// The version of `HarnessProtocol` this harness speaks.
  static let protocolVersion = 3
  static let descriptor: Int32 = 3
  static let origin = AsyncCheckLibC.monotonicSeconds()
  private static let state = Mutex<Int>(0)
  /// Read at the harness's first line, before any student code runs; descriptor 4 is then closed.
  private static let key: String = {
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 256)
    while true {
      let count = buffer.withUnsafeMutableBytes {
        AsyncCheckLibC.read(4, $0.baseAddress, $0.count)
      }
      if count <= 0 { break }
      bytes += buffer[0..<count]
    }
    _ = close(4)
    return String(decoding: bytes, as: UTF8.self)
  }()

  /// Takes the key from the checker.
  static func open() {
    _ = key
  }

  /// Seconds since the harness started, on the monotonic clock.
  static func now() -> Double {
    AsyncCheckLibC.monotonicSeconds() - origin
  }

  static func send(_ line: String) {
    let key = self.key
    state.withLock { sequence in
      let bytes = Array((line + "\t\(sequence)\t\(key)\n").utf8)
      sequence += 1
      bytes.withUnsafeBytes { buffer in
        guard let base = buffer.baseAddress else { return }
        var offset = 0
        while offset < buffer.count {
          let written = AsyncCheckLibC.write(descriptor, base + offset, buffer.count - offset)
          if written <= 0 { break }
          offset += written
        }
      }
    }
  }
}

/// The control: sleeps of known length on a thread of the harness's own, beside the student's
/// calls, each reported as a `C start end requested` record.
///
/// How late each ends is how late the machine wakes this process at that moment; the checker
/// adds it (capped) to the time a call of the same moment is allowed. A thread of its own, not
/// a task: a submission that blocks the cooperative pool makes its own calls late, not the
/// machine's.
enum AsyncCheckControl {
  /// The length of each control sleep, in seconds.
  static let step = 0.02

  /// Starts the control thread, which runs until the process exits.
  static func start() {
    var thread = pthread_t()
    let started = pthread_create(
      &thread, nil,
      { _ in
        AsyncCheckControl.run()
        return nil
      }, nil)
    if started == 0 { pthread_detach(thread) }
  }

  private static func run() {
    while true {
      let start = AsyncCheckChannel.now()
      guard AsyncCheckLibC.sleep(seconds: step) else { return }
      AsyncCheckChannel.send("C\t\(start)\t\(AsyncCheckChannel.now())\t\(step)")
    }
  }
}

/// The checker's call that the current task works for, so that instrumented `waitRandom` and
/// `taskWaitRandom` calls can be attributed to it.
enum AsyncCheckContext {
  @TaskLocal static var callID: Int = -1
}

/// One call of the plan.
struct AsyncCheckCall: Sendable {
  var id: Int
  var kind: Character
  var n: Int
  var maxDelay: Int
  /// For a probe: (duration, value) of each call of the checker's waitRandom, in order.
  var schedule: [AsyncCheckScheduledSleep] = []

  init?(_ text: String) {
    let parts = text.split(separator: ":")
    guard parts.count == 4 || parts.count == 5, let id = Int(parts[0]), let kind = parts[1].first,
      let n = Int(parts[2]), let maxDelay = Int(parts[3])
    else { return nil }
    (self.id, self.kind, self.n, self.maxDelay) = (id, kind, n, maxDelay)
    if parts.count == 5 {
      schedule = parts[4].split(separator: ",").compactMap { pair in
        let numbers = pair.split(separator: "/").compactMap { Double(String($0)) }
        return numbers.count == 2
          ? AsyncCheckScheduledSleep(duration: numbers[0], value: numbers[1]) : nil
      }
    }
  }
}

/// What the checker's waitRandom does on one call of a probe.
struct AsyncCheckScheduledSleep: Sendable {
  var duration: Double
  var value: Double
}

/// What this process grades, read once from its arguments.
enum AsyncCheckRun {
  /// The task whose student function runs; the others are the checker's.
  static let gradedTask: Int = {
    let arguments = CommandLine.arguments
    return arguments.count > 1 ? Int(arguments[1]) ?? -1 : -1
  }()

  static let calls: [AsyncCheckCall] = CommandLine.arguments.dropFirst(3).compactMap {
    AsyncCheckCall($0)
  }

  /// The only call of the process, when there is one: whatever runs then runs for it, even in a
  /// detached task that the task-local value does not reach.
  static let soleCall: Int = {
    let awaited = calls.filter { $0.kind != "d" }
    return awaited.count == 1 ? awaited[0].id : -1
  }()

  static let schedules: [Int: [AsyncCheckScheduledSleep]] = Dictionary(
    calls.filter { !$0.schedule.isEmpty }.map { ($0.id, $0.schedule) },
    uniquingKeysWith: { first, _ in first })

  static let used = Mutex<[Int: Int]>([:])

  /// The student's functions, asked for once the key has been read.
  static let student: AsyncCheckStudentFunctions = asyncCheckStudentFunctions()

  /// The call the current code runs for, or -1.
  static var context: Int {
    let id = AsyncCheckContext.callID
    return id >= 0 ? id : soleCall
  }

  /// The next scheduled sleep of the current call, when it is a probe and has one left.
  static func scheduled() -> AsyncCheckScheduledSleep? {
    let id = context
    guard let schedule = schedules[id] else { return nil }
    let index = used.withLock { used -> Int in
      let index = used[id, default: 0]
      used[id] = index + 1
      return index
    }
    return index < schedule.count ? schedule[index] : nil
  }
}

@main
enum AsyncCheckHarness {
  static func main() async {
    // The key first: no student code has run yet.
    AsyncCheckChannel.open()
    let arguments = CommandLine.arguments
    guard arguments.count >= 3, let abandonAfter = Double(arguments[2]) else {
      AsyncCheckChannel.send("X\t-1\tbad arguments")
      exit(70)
    }
    let calls = AsyncCheckRun.calls
    _ = AsyncCheckRun.student
    AsyncCheckChannel.send("H\t\(AsyncCheckChannel.protocolVersion)\t\(AsyncCheckChannel.now())")
    AsyncCheckControl.start()

    await withTaskGroup(of: Void.self) { group in
      for call in calls where call.kind != "d" {
        group.addTask { await perform(call) }
      }
      // Calls that use the default maxDelay (10 s) are never awaited: the checker only counts
      // how many finished before `abandonAfter`. They start last so that, when a submission
      // blocks threads, the calls that are awaited get them first.
      for call in calls where call.kind == "d" {
        Task { await perform(call) }
      }
    }
    let remaining = abandonAfter - AsyncCheckChannel.now()
    if remaining > 0 {
      try? await Task.sleep(nanoseconds: UInt64(remaining * 1e9))
    }
    AsyncCheckChannel.send("D\t\(AsyncCheckChannel.now())")
    exit(0)
  }

  static func perform(_ call: AsyncCheckCall) async {
    await AsyncCheckContext.$callID.withValue(call.id) {
      AsyncCheckChannel.send("S\t\(call.id)\t\(AsyncCheckChannel.now())")
      guard let values = await values(of: call, AsyncCheckRun.student) else {
        AsyncCheckChannel.send(
          "X\t\(call.id)\tcall \(call.id) of kind \(call.kind) is not built in")
        return
      }
      let list = values.map { "\($0)" }.joined(separator: ",")
      AsyncCheckChannel.send("E\t\(call.id)\t\(AsyncCheckChannel.now())\t\(list)")
    }
  }

  /// What `call` returns, or `nil` when the student's function for it does not compile.
  ///
  /// Substituted, the exercise's names lead to the stand-ins, which call the student's function
  /// of the graded task and record the calls of the others.
  static func values(of call: AsyncCheckCall, _ student: AsyncCheckStudentFunctions) async
    -> [Double]?
  {
    let substituted = student.substituted
    switch call.kind {
    case "r":
      guard let function = student.waitRandom else { return nil }
      return [
        substituted ? await waitRandom(maxDelay: call.maxDelay) : await function(call.maxDelay)
      ]
    case "d":
      guard let function = student.waitRandomDefault else { return nil }
      return [substituted ? await waitRandom() : await function()]
    case "w":
      guard let function = student.waitN else { return nil }
      return substituted
        ? await waitN(n: call.n, maxDelay: call.maxDelay) : await function(call.n, call.maxDelay)
    case "m":
      guard let function = student.measureTime else { return nil }
      return [
        substituted
          ? await measureTime(n: call.n, maxDelay: call.maxDelay)
          : await function(call.n, call.maxDelay)
      ]
    case "t":
      guard let function = student.taskWaitRandom else { return nil }
      let task = substituted ? taskWaitRandom(maxDelay: call.maxDelay) : function(call.maxDelay)
      AsyncCheckChannel.send("R\t\(call.id)\t\(AsyncCheckChannel.now())\t1")
      return [await task.value]
    case "k":
      guard let function = student.taskWaitN else { return nil }
      return substituted
        ? await taskWaitN(n: call.n, maxDelay: call.maxDelay)
        : await function(call.n, call.maxDelay)
    default:
      return nil
    }
  }
}
