// The harness that asynccheck compiles together with a submission. It calls the student's
// functions as the checker's plan says and reports what it saw on file descriptor 3, a pipe that
// a student's `print` cannot reach. It compiles in Swift 5 and Swift 6 language modes, and each
// task's code only when the checker found that task's function (`-D ASYNCCHECK_TASK_n`).
//
// Usage (by the checker only): harness TASK ABANDON_AFTER CALL...
// where CALL is `id:kind:n:maxDelay` and kind is one of r (waitRandom), d (waitRandom with its
// default argument), w (waitN), m (measureTime), t (taskWaitRandom), k (taskWaitN).

import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The report channel to the checker: one line per event, written whole under a lock.
enum AsyncCheckChannel {
  static let descriptor: Int32 = 3
  static let origin = ContinuousClock.now
  static let lock = Mutex<Void>(())

  /// Seconds since the harness started, on the monotonic clock.
  static func now() -> Double {
    let (seconds, attoseconds) = (ContinuousClock.now - origin).components
    return Double(seconds) + Double(attoseconds) * 1e-18
  }

  static func send(_ line: String) {
    let bytes = Array((line + "\n").utf8)
    lock.withLock { _ in
      bytes.withUnsafeBytes { buffer in
        guard let base = buffer.baseAddress else { return }
        var offset = 0
        while offset < buffer.count {
          let written = write(descriptor, base + offset, buffer.count - offset)
          if written <= 0 { break }
          offset += written
        }
      }
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

  init?(_ text: String) {
    let parts = text.split(separator: ":")
    guard parts.count == 4, let id = Int(parts[0]), let kind = parts[1].first,
      let n = Int(parts[2]), let maxDelay = Int(parts[3])
    else { return nil }
    (self.id, self.kind, self.n, self.maxDelay) = (id, kind, n, maxDelay)
  }
}

@main
enum AsyncCheckHarness {
  static func main() async {
    let arguments = CommandLine.arguments
    guard arguments.count >= 3, let abandonAfter = Double(arguments[2]) else {
      AsyncCheckChannel.send("X\tbad arguments")
      exit(70)
    }
    let calls = arguments.dropFirst(3).compactMap(AsyncCheckCall.init)
    AsyncCheckChannel.send("H\t\(AsyncCheckChannel.now())")

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
      let values: [Double]
      switch call.kind {
      #if ASYNCCHECK_TASK_0
        case "r":
          values = [await waitRandom(maxDelay: call.maxDelay)]
        #if ASYNCCHECK_DEFAULT_MAX_DELAY
          case "d":
            values = [await waitRandom()]
        #endif
      #endif
      #if ASYNCCHECK_TASK_1
        case "w":
          values = await waitN(n: call.n, maxDelay: call.maxDelay)
      #endif
      #if ASYNCCHECK_TASK_2
        case "m":
          values = [await measureTime(n: call.n, maxDelay: call.maxDelay)]
      #endif
      #if ASYNCCHECK_TASK_3
        case "t":
          let task = taskWaitRandom(maxDelay: call.maxDelay)
          AsyncCheckChannel.send("R\t\(call.id)\t\(AsyncCheckChannel.now())")
          values = [await task.value]
      #endif
      #if ASYNCCHECK_TASK_4
        case "k":
          values = await taskWaitN(n: call.n, maxDelay: call.maxDelay)
      #endif
      default:
        AsyncCheckChannel.send("X\tcall \(call.id) of kind \(call.kind) is not built in")
        return
      }
      let list = values.map { "\($0)" }.joined(separator: ",")
      AsyncCheckChannel.send("E\t\(call.id)\t\(AsyncCheckChannel.now())\t\(list)")
    }
  }
}
