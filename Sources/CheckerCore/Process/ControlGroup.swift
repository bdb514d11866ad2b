import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A control group of the sandbox's own that bounds the memory and the number of processes of
/// everything a sandboxed program starts, whenever the kernel lets the launcher make one (root
/// on a machine; not in Docker, whose `/sys/fs/cgroup` is read-only).
///
/// The supervisor's look at resident memory every 100 ms is not fast enough for a process that
/// allocates gigabytes in that time; the kernel's limit is, at the moment of the allocation.
/// Made below the launcher's own groups (cgroup v1 `memory` and `pids`, as on the checker's
/// machines; or cgroup v2), so that whatever bounds the checker bounds the sandbox too.
struct ControlGroup {
  /// The group's folders: one per v1 hierarchy, or one for v2.
  let folders: [String]
  /// Whether the group is v2's.
  let isUnified: Bool

  /// Makes a group that bounds memory to `memoryLimit` bytes and processes to
  /// `processLimit`, or `nil` when none can be made here.
  ///
  /// - Parameters:
  ///   - memoryLimit: Bytes of memory (resident and the scratch tmpfs) for the whole tree.
  ///   - processLimit: Processes and threads.
  /// - Returns: The group, with no process in it yet.
  static func make(memoryLimit: Int, processLimit: Int) -> ControlGroup? {
    #if os(Linux)
      let own = ownGroups()
      let name = "asynccheck-\(getpid())"
      let group: ControlGroup
      // The limits to set, then those a machine without swap does not have.
      let limits: [(file: String, value: Int)]
      let swapLimits: [(file: String, value: Int)]
      if FileManager.default.fileExists(atPath: "/sys/fs/cgroup/cgroup.controllers"),
        let path = own[""]
      {
        removeStale(in: "/sys/fs/cgroup" + path)
        let folder = "/sys/fs/cgroup" + path + "/" + name
        guard mkdir(folder, 0o755) == 0 else { return nil }
        group = ControlGroup(folders: [folder], isUnified: true)
        limits = [(folder + "/memory.max", memoryLimit), (folder + "/pids.max", processLimit)]
        swapLimits = [(folder + "/memory.swap.max", 0)]
      } else {
        guard let memory = own["memory"], let pids = own["pids"] else { return nil }
        removeStale(in: "/sys/fs/cgroup/memory" + memory)
        removeStale(in: "/sys/fs/cgroup/pids" + pids)
        let memoryFolder = "/sys/fs/cgroup/memory" + memory + "/" + name
        let pidsFolder = "/sys/fs/cgroup/pids" + pids + "/" + name
        guard mkdir(memoryFolder, 0o755) == 0 else { return nil }
        guard mkdir(pidsFolder, 0o755) == 0 else {
          rmdir(memoryFolder)
          return nil
        }
        group = ControlGroup(folders: [memoryFolder, pidsFolder], isUnified: false)
        limits = [
          (memoryFolder + "/memory.limit_in_bytes", memoryLimit),
          (pidsFolder + "/pids.max", processLimit),
        ]
        // Memory and swap together.
        swapLimits = [(memoryFolder + "/memory.memsw.limit_in_bytes", memoryLimit)]
      }
      guard limits.allSatisfy({ group.write("\($0.value)", to: $0.file) }) else {
        group.remove()
        return nil
      }
      for (file, value) in swapLimits { _ = group.write("\(value)", to: file) }
      return group
    #else
      return nil
    #endif
  }

  /// The group for a launcher's `request`: for student code with a memory limit, bounding its
  /// memory to that and its processes to the sandbox's 512 (and the launcher's own).
  ///
  /// - Parameter request: What the launcher runs.
  /// - Returns: The group, or `nil` for the compiler, without a limit, or where none can be
  ///   made.
  static func make(for request: SandboxLauncher.Request) -> ControlGroup? {
    guard !request.asChecker, let memoryLimit = request.memoryLimit else { return nil }
    return make(memoryLimit: memoryLimit, processLimit: 520)
  }

  /// Ends the group: kills what is left in it and removes it.
  ///
  /// - Returns: Whether the kernel killed a process of it for going past its memory limit.
  func end() -> Bool {
    let killed = memoryKills > 0
    remove()
    return killed
  }

  /// Puts the process `pid` (and whatever it starts from then on) in the group.
  ///
  /// - Parameter pid: A process.
  /// - Returns: Whether it is in every folder of the group.
  @discardableResult
  func add(_ pid: pid_t) -> Bool {
    folders.allSatisfy { write("\(pid)", to: $0 + "/cgroup.procs") }
  }

  /// How many processes the kernel killed for going past the memory limit.
  var memoryKills: Int {
    let file = isUnified ? folders[0] + "/memory.events" : folders[0] + "/memory.oom_control"
    guard let text = try? String(contentsOfFile: file, encoding: .utf8) else { return 0 }
    for line in text.split(separator: "\n") where line.hasPrefix("oom_kill ") {
      return Int(line.dropFirst("oom_kill ".count)) ?? 0
    }
    return 0
  }

  /// Moves the process `pid` back to the group the group was made in.
  ///
  /// - Parameter pid: A process in the group.
  func release(_ pid: pid_t) {
    for folder in folders {
      _ = write("\(pid)", to: (folder as NSString).deletingLastPathComponent + "/cgroup.procs")
    }
  }

  /// Kills every process left in the group and removes it.
  func remove() {
    #if os(Linux)
      for folder in folders {
        for _ in 0..<100 {
          let listed =
            (try? String(contentsOfFile: folder + "/cgroup.procs", encoding: .utf8)) ?? ""
          let pids = listed.split(separator: "\n").compactMap { pid_t($0) }
          if pids.isEmpty { break }
          for pid in pids { kill(pid, SIGKILL) }
          usleep(1_000)
        }
        // A process the kernel killed for memory may take a while to free it and leave.
        for _ in 0..<300 where rmdir(folder) != 0 && errno == EBUSY {
          usleep(10_000)
        }
      }
    #endif
  }

  /// Removes the empty groups of launchers that are gone (killed by the supervisor at a time
  /// limit before they could remove their own) in `parent`.
  private static func removeStale(in parent: String) {
    for name in FolderEntries.names(in: parent) ?? [] where name.hasPrefix("asynccheck-") {
      guard let pid = pid_t(name.dropFirst("asynccheck-".count)),
        kill(pid, 0) != 0, errno == ESRCH
      else { continue }
      rmdir(parent + "/" + name)
    }
  }

  /// The launcher's own groups, by controller (`""` for v2), from `/proc/self/cgroup`.
  private static func ownGroups() -> [String: String] {
    guard let text = try? String(contentsOfFile: "/proc/self/cgroup", encoding: .utf8) else {
      return [:]
    }
    var groups: [String: String] = [:]
    for line in text.split(separator: "\n") {
      let fields = line.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
      guard fields.count == 3 else { continue }
      let path = fields[2] == "/" ? "" : String(fields[2])
      for controller in fields[1].split(separator: ",", omittingEmptySubsequences: false) {
        groups[String(controller)] = path
      }
    }
    return groups
  }

  private func write(_ text: String, to path: String) -> Bool {
    let descriptor = open(path, O_WRONLY | O_CLOEXEC)
    guard descriptor >= 0 else { return false }
    defer { close(descriptor) }
    let bytes = Array(text.utf8)
    return Glibc.write(descriptor, bytes, bytes.count) == bytes.count
  }
}
