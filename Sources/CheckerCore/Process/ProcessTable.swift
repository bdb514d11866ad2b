import Foundation

/// Which process started which, read from `/proc` at most a few times a second and shared by
/// every supervised job: the memory limit covers a student process's whole tree (a grandchild,
/// or the program a sandbox launcher starts), not only the direct child.
///
/// `@unchecked Sendable`: the snapshot is read and replaced only under `lock`.
final class ProcessTable: @unchecked Sendable {
  /// The table the supervisors share.
  static let shared = ProcessTable()

  private let lock = NSLock()
  private var children: [Int32: [Int32]] = [:]
  private var takenAt = -Double.infinity
  /// Snapshot ages are measured from the table's creation.
  private let stopwatch = Stopwatch()
  /// How old a snapshot may be before it is read again.
  private let maximumAge = 0.3

  /// `pid` and every process below it.
  ///
  /// - Parameters:
  ///   - pid: A process.
  ///   - fresh: Whether to read `/proc` now rather than use a recent snapshot.
  /// - Returns: The process and its descendants.
  func tree(of pid: Int32, fresh: Bool = false) -> [Int32] {
    if fresh {
      lock.lock()
      takenAt = -Double.infinity
      lock.unlock()
    }
    let children = snapshot()
    var found = [pid]
    var index = 0
    while index < found.count {
      found += children[found[index]] ?? []
      index += 1
    }
    return found
  }

  /// The processes whose parent is `pid` now (read from `/proc`, not from the snapshot).
  ///
  /// - Parameter pid: A process.
  /// - Returns: Its children.
  static func children(of pid: Int32) -> [Int32] {
    processes().filter { parent(of: $0) == pid }
  }

  /// Kills every process of `user` (by the owner of its `/proc` entry, its effective user),
  /// again until none is left or a few rounds have passed: what a sandbox's user left running.
  ///
  /// - Parameter user: A user id that only a sandbox runs as.
  static func killAll(ofUser user: UInt32) {
    #if os(Linux)
      for _ in 0..<20 {
        var found = false
        for pid in processes() {
          var status = stat()
          guard stat("/proc/\(pid)", &status) == 0, status.st_uid == user else { continue }
          kill(pid, SIGKILL)
          found = true
        }
        if !found { return }
        usleep(1_000)
      }
    #endif
  }

  /// Every process's id, from `/proc`.
  static func processes() -> [Int32] {
    FolderEntries.names(in: "/proc")?.compactMap { Int32($0) } ?? []
  }

  /// Kills `pid` and every process below it, read from `/proc` now, the deepest first.
  ///
  /// - Parameter pid: A process.
  func killTree(of pid: Int32) {
    for process in tree(of: pid, fresh: true).reversed() {
      kill(process, SIGKILL)
    }
  }

  private func snapshot() -> [Int32: [Int32]] {
    lock.lock()
    defer { lock.unlock() }
    let now = stopwatch.seconds
    guard now - takenAt > maximumAge else { return children }
    var table: [Int32: [Int32]] = [:]
    // With thousands of processes (a fork bomb in a sandbox) this runs often: plain system
    // calls, not Foundation's file reading.
    for pid in Self.processes() {
      guard let parent = Self.parent(of: pid) else { continue }
      table[parent, default: []].append(pid)
    }
    children = table
    takenAt = now
    return table
  }

  /// The parent of `pid`, from `/proc/PID/stat` (the field after the state, which follows the
  /// command name in parentheses; the name itself may hold spaces and parentheses).
  private static func parent(of pid: Int32) -> Int32? {
    let descriptor = open("/proc/\(pid)/stat", O_RDONLY)
    guard descriptor >= 0 else { return nil }
    defer { _ = close(descriptor) }
    var buffer = [UInt8](repeating: 0, count: 512)
    let count = read(descriptor, &buffer, buffer.count)
    guard count > 0 else { return nil }
    let text = String(decoding: buffer[0..<count], as: UTF8.self)
    guard let parenthesis = text.lastIndex(of: ")") else { return nil }
    let fields = text[text.index(after: parenthesis)...].split(separator: " ")
    return fields.count > 1 ? Int32(fields[1]) : nil
  }
}
