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
  /// How old a snapshot may be before it is read again.
  private let maximumAge = 0.2

  /// `pid` and every process below it.
  ///
  /// - Parameter pid: A process.
  /// - Returns: The process and its descendants, as the last snapshot saw them.
  func tree(of pid: Int32) -> [Int32] {
    let children = snapshot()
    var found = [pid]
    var index = 0
    while index < found.count {
      found += children[found[index]] ?? []
      index += 1
    }
    return found
  }

  private func snapshot() -> [Int32: [Int32]] {
    lock.lock()
    defer { lock.unlock() }
    let now = ProcessSupervisor.monotonicSeconds()
    guard now - takenAt > maximumAge else { return children }
    var table: [Int32: [Int32]] = [:]
    for name in (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? [] {
      guard let pid = Int32(name), let parent = Self.parent(of: pid) else { continue }
      table[parent, default: []].append(pid)
    }
    children = table
    takenAt = now
    return table
  }

  /// The parent of `pid`, from `/proc/PID/stat` (the field after the state, which follows the
  /// command name in parentheses; the name itself may hold spaces and parentheses).
  private static func parent(of pid: Int32) -> Int32? {
    guard let data = FileManager.default.contents(atPath: "/proc/\(pid)/stat"),
      let text = String(data: data, encoding: .utf8),
      let close = text.lastIndex(of: ")")
    else { return nil }
    let fields = text[text.index(after: close)...].split(separator: " ")
    return fields.count > 1 ? Int32(fields[1]) : nil
  }
}
