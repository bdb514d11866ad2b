import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// The launcher where namespaces are refused (root in Docker's default profile, a normal user):
/// the program is confined by Landlock, a seccomp filter and, as root, a user of its own.
///
/// The launcher stays outside as the program's subreaper, so that whatever the program leaves
/// (a daemon that left its session included) is still its descendant when the program ends,
/// and is killed then. It starts itself again (`__sandbox --confined USER …`); that process
/// restricts itself and becomes the program:
/// - as root, with a user of its own (`USER`): it switches to that user, which owns no file on
///   the machine but its scratch folder, may signal no other process, and has a process limit
///   of its own; when the program ends, `kill(-1, SIGKILL)` from that user ends every process
///   it left. When a file the program needs is out of that user's reach (a Python installed in
///   `/root`), it stays root without any capability, and the report says why;
/// - it sets the resource limits and `no_new_privs`, restricts itself with Landlock to reading
///   the system's folders, the toolchain and its own files and writing only its scratch folder
///   (no TCP either, and no signal out of its sandbox, where the kernel's ABI allows), and
///   installs `SeccompFilter.student`: no socket but a local one, no other process's memory,
///   no keyring, no mount, no namespace.
enum Confinement {
  /// Runs the request's program confined, waits for it, ends every process it left, and exits
  /// as it did.
  ///
  /// - Parameters:
  ///   - request: What to run.
  ///   - arguments: The launcher's own arguments (after `__sandbox`), passed on to the inner
  ///     launcher.
  static func run(_ request: SandboxLauncher.Request, arguments: [String]) -> Never {
    #if os(Linux)
      _ = LibC.prctl(LibC.setChildSubreaper, 1)
      let user = dedicatedUser(for: request)
      if request.probe {
        FileHandle.standardError.write(Data("checker sandbox tier: \(tier(user: user))\n".utf8))
      }
      if case .success(let id) = user {
        for folder in request.writableFolders {
          _ = chown(folder, id, id)
        }
      }
      let userArgument = (try? user.get()).map { "\($0)" } ?? "-"
      // The launcher joins the group to start the inner launcher in it, then leaves.
      let group = ControlGroup.make(for: request)
      group?.add(getpid())
      let child = SandboxLauncher.spawn(
        [SandboxLauncher.ownProgram(), "__sandbox", "--confined", userArgument] + arguments)
      group?.release(getpid())
      let status = watch(
        child, folders: request.asChecker ? [] : request.writableFolders)
      endLeftovers(user: try? user.get())
      if group?.end() == true { exit(SandboxLauncher.memoryLimitStatus) }
      SandboxLauncher.exitAs(status)
    #else
      SandboxLauncher.fail("Landlock and seccomp are Linux only")
    #endif
  }

  /// Waits for `child`, checking its scratch folders' size ten times a second.
  ///
  /// The `folders` may hold no more than the quota (`SandboxLauncher.scratchQuota`, all files together, or 10,000 entries):
  /// without namespaces there is no file system of its own to bound them. Past it, every
  /// process of the program is killed, with a line on its output saying why.
  ///
  /// - Returns: The child's wait status.
  private static func watch(_ child: pid_t, folders: [String]) -> Int32 {
    var status: Int32 = 0
    while true {
      let ended = waitpid(child, &status, WNOHANG)
      if ended == child || (ended < 0 && errno != EINTR) { return status }
      if !folders.isEmpty, folders.contains(where: { exceedsQuota($0) }) {
        let message =
          "checker sandbox: wrote more than \(SandboxLauncher.scratchQuota >> 20) MiB in its "
          + "scratch folder, and was stopped\n"
        FileHandle.standardError.write(Data(message.utf8))
        ProcessTable.shared.killTree(of: child)
        while waitpid(child, &status, 0) < 0, errno == EINTR {}
        return status
      }
      usleep(100_000)
    }
  }

  /// Whether the files below `folder` take more than the scratch quota, or number more than
  /// 10,000 (links not followed).
  static func exceedsQuota(_ folder: String) -> Bool {
    var bytes = 0
    var entries = 0
    var pending = [folder]
    while let path = pending.popLast() {
      for name in FolderEntries.names(in: path, limit: 10_001 - entries) ?? [] {
        entries += 1
        var status = stat()
        guard lstat(path + "/" + name, &status) == 0 else { continue }
        bytes += Int(status.st_blocks) * 512
        if status.st_mode & S_IFMT == S_IFDIR, path.utf8.count < 3_000 {
          pending.append(path + "/" + name)
        }
        if bytes > SandboxLauncher.scratchQuota || entries > 10_000 { return true }
      }
    }
    return false
  }

  /// The inner launcher: restricts itself, then becomes the program.
  ///
  /// - Parameters:
  ///   - request: What to run.
  ///   - user: The user of its own to switch to, or `nil` to stay the launcher's user.
  static func enter(_ request: SandboxLauncher.Request, user: UInt32?) -> Never {
    #if os(Linux)
      guard chdir(request.writable) == 0 else {
        SandboxLauncher.fail("cannot enter \(request.writable): \(SandboxLauncher.lastError())")
      }
      let processLimit: UInt64? =
        request.asChecker ? nil : user != nil ? 512 : UInt64(tasksOfOwnUser() + 512)
      SandboxLauncher.limitResources(
        asChecker: request.asChecker, processLimit: processLimit,
        memoryLimit: request.memoryLimit)
      if getuid() == 0 || geteuid() == 0 {
        // No capability survives: not in this process, and not in any program it runs. A
        // root without them is bound by file permissions as any user is.
        if let user {
          Capabilities.dropFromBoundingSet()
          guard setgroups(0, nil) == 0, setgid(user) == 0, setuid(user) == 0 else {
            SandboxLauncher.fail("cannot switch to user \(user): \(SandboxLauncher.lastError())")
          }
        } else if !Capabilities.restrict(to: []) {
          SandboxLauncher.fail("cannot drop capabilities: \(SandboxLauncher.lastError())")
        }
      }
      guard LibC.prctl(LibC.setNoNewPrivileges, 1) == 0 else {
        SandboxLauncher.fail("cannot set no_new_privs: \(SandboxLauncher.lastError())")
      }
      _ = Landlock.restrict(
        readable: SandboxLauncher.systemFolders + ["/proc", "/sys"] + request.readable
          + [request.program[0]],
        writable: request.writableFolders,
        devices: ["/dev/null", "/dev/zero", "/dev/random", "/dev/urandom"])
      guard SeccompFilter.student.install() else {
        SandboxLauncher.fail("cannot install the seccomp filter: \(SandboxLauncher.lastError())")
      }
      var environment = ProcessInfo.processInfo.environment
      environment["HOME"] = request.writable
      environment["TMPDIR"] = request.writable
      let arguments = request.program.map { strdup($0) } + [nil]
      let variables = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
      execve(request.program[0], arguments, variables)
      SandboxLauncher.fail("cannot start \(request.program[0]): \(SandboxLauncher.lastError())")
    #else
      SandboxLauncher.fail("Landlock and seccomp are Linux only")
    #endif
  }

  /// What the confinement holds here, as reports print it after "sandbox: ".
  ///
  /// - Parameter user: The user of its own, or why there is none.
  /// - Returns: `landlock+seccomp (…)`, or `seccomp (…)` where the kernel has no Landlock.
  static func tier(user: Result<UInt32, NoUserOfItsOwn>) -> String {
    let abi = Landlock.abi
    var parts: [String] = []
    if let abi {
      parts.append("Landlock ABI \(abi)")
    } else {
      parts.append("no Landlock in this kernel: files are protected only by their permissions")
    }
    switch user {
    case .success: parts.append("a user of its own")
    case .failure(let reason): parts.append(reason.description)
    }
    let name = abi == nil ? "seccomp" : "landlock+seccomp"
    return "\(name) (\(parts.joined(separator: "; ")))"
  }

  /// Why the program runs without a user of its own.
  struct NoUserOfItsOwn: Error, CustomStringConvertible {
    let description: String
  }

  /// The user the program runs as: one of its own when the launcher is root and every file the
  /// program needs is readable by other users; otherwise why not.
  static func dedicatedUser(for request: SandboxLauncher.Request) -> Result<
    UInt32, NoUserOfItsOwn
  > {
    guard getuid() == 0 else {
      return .failure(NoUserOfItsOwn(description: "the checker's own user, not root"))
    }
    guard !request.asChecker else {
      return .failure(NoUserOfItsOwn(description: "the compiler, as the checker's user"))
    }
    let written = request.writableFolders
    for path in [request.program[0]] + request.readable + written
    where !reachableByOthers(path, isFolderWritten: written.contains(path)) {
      return .failure(
        NoUserOfItsOwn(
          description:
            "as root without capabilities: \(path) is out of other users' reach"))
    }
    return .success(request.user ?? SandboxLauncher.launcherUser)
  }

  /// Whether a user with no rights of its own can reach `path`.
  ///
  /// Every folder above it must be crossable by others, and it must be readable by others (or,
  /// for a folder the launcher gives the program, need nothing itself). A path that does not
  /// exist needs nothing.
  static func reachableByOthers(_ path: String, isFolderWritten: Bool = false) -> Bool {
    var status = stat()
    guard stat(path, &status) == 0 else { return true }
    let own = isFolderWritten ? 0 : status.st_mode & S_IFMT == S_IFDIR ? S_IROTH | S_IXOTH : S_IROTH
    guard status.st_mode & own == own else { return false }
    var folder = (path as NSString).deletingLastPathComponent
    while !folder.isEmpty, folder != "/" {
      guard stat(folder, &status) == 0, status.st_mode & S_IXOTH != 0 else { return false }
      folder = (folder as NSString).deletingLastPathComponent
    }
    return true
  }

  /// Ends every process the program left: from its user, `kill(-1)` (which reaches every
  /// process of that user and no other); then every descendant still here, which the
  /// subreaper has kept as its own.
  private static func endLeftovers(user: UInt32?) {
    #if os(Linux)
      if let user, setgroups(0, nil) == 0, setgid(user) == 0, setuid(user) == 0 {
        for _ in 0..<100 where kill(-1, SIGKILL) == 0 {
          usleep(1_000)
        }
      }
      let own = getpid()
      for _ in 0..<1_000 {
        let children = ProcessTable.children(of: own)
        for child in children { kill(child, SIGKILL) }
        var status: Int32 = 0
        while waitpid(-1, &status, WNOHANG) > 0 {}
        if children.isEmpty, waitpid(-1, &status, WNOHANG) < 0 { return }
        usleep(1_000)
      }
    #endif
  }

  /// How many processes and threads the launcher's user runs: a process limit counts them all,
  /// so the program's limit is that many more than this.
  private static func tasksOfOwnUser() -> Int {
    let own = getuid()
    var count = 0
    for pid in ProcessTable.processes() {
      var status = stat()
      guard stat("/proc/\(pid)/task", &status) == 0, status.st_uid == own else { continue }
      count += max(1, Int(status.st_nlink) - 2)
    }
    return count
  }
}
