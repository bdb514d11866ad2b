import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// The checker's launcher mode (`checker __sandbox …`): runs one student process in a sandbox of
/// Linux namespaces, then exits as it did.
///
/// The launcher, still as the checker's user, makes a new user, mount, network, PID, IPC and UTS
/// namespace, builds a root of its own (an empty read-only tmpfs with the system's program and
/// library folders, the toolchain and the grading's workspace bound in read-only, and one scratch
/// folder writable), switches to an unprivileged user with no capabilities, sets resource
/// limits, and starts the program as the first process of the new PID namespace. So the program
/// sees no other submission, no output folder, no cache, no `$HOME`, no network (only a loopback
/// that is down), no other process; everything it starts dies with it; and it cannot remount or
/// write anything but its scratch folder.
///
///     checker __sandbox --root EMPTY_DIR --rw SCRATCH [--rw PATH]... [--ro PATH]...
///                       [--user ID] [--as-checker] [--probe] -- PROGRAM ARGUMENT...
///
/// Where namespaces are refused (Docker's default seccomp profile, a normal user), the launcher
/// confines the program with Landlock and seccomp instead (`Confinement`).
///
/// The first `--rw` folder is the program's working folder. `--user` is the id the program
/// runs as (the checker chooses it, to end what that user left); `--probe` says on standard
/// error which tier of sandbox holds. `--as-checker` runs the program as
/// the checker's own user (for the compiler, which must read and write the checker's module
/// cache) instead of a user of its own, without the process limit that a user shared with the
/// checker would make meaningless; nothing else changes.
public enum SandboxLauncher {
  /// The launcher's exit status when the kernel killed a process of the program for going past
  /// its memory limit (`--memory`), whatever the program did then: the supervisor reports the
  /// job as stopped at its memory limit.
  public static let memoryLimitStatus: Int32 = 251
  /// The user id a program runs as when the checker gave none (`--user`): one per launcher.
  static var launcherUser: UInt32 { 200_000 + UInt32(getpid() % 60_000) }
  /// Whether this machine lets anyone make a user namespace (`user.max_user_namespaces` is
  /// not 0): the sandbox of namespaces needs one, after its PID namespace is made.
  static var userNamespacesAllowed: Bool {
    let limit = try? String(contentsOfFile: "/proc/sys/user/max_user_namespaces", encoding: .utf8)
    return limit?.trimmingCharacters(in: .whitespacesAndNewlines) != "0"
  }
  /// Bytes student code may write in its scratch folder, all files together.
  static let scratchQuota = 256 << 20
  /// Folders every sandbox gets, read-only, when they exist: programs, libraries, `/etc`.
  static let systemFolders = ["/usr", "/lib", "/lib64", "/lib32", "/bin", "/sbin", "/etc"]
  /// The user and group the program runs as inside the sandbox.
  static let insideID: UInt32 = 1000

  /// What the launcher was asked to do.
  struct Request {
    var root = ""
    var writable = ""
    var otherWritable: [String] = []
    var readable: [String] = []
    var program: [String] = []
    var asChecker = false
    /// The user id the program runs as, when the checker chose it (`--user`).
    var user: UInt32?
    /// Whether to say on standard error which tier of sandbox holds (`--probe`).
    var probe = false
    /// Bytes of memory for everything the program starts (`--memory`), bounded by a control
    /// group when one can be made.
    var memoryLimit: Int?

    /// Every folder the program may write, its working folder first.
    var writableFolders: [String] { [writable] + otherWritable }
  }

  /// Parses the launcher's arguments (after `__sandbox`).
  static func parse(_ arguments: [String]) -> Request? {
    var request = Request()
    var index = 0
    while index < arguments.count {
      let argument = arguments[index]
      if argument == "--" {
        request.program = Array(arguments[(index + 1)...])
        break
      }
      if argument == "--as-checker" || argument == "--probe" {
        if argument == "--probe" { request.probe = true } else { request.asChecker = true }
        index += 1
        continue
      }
      guard index + 1 < arguments.count else { return nil }
      switch argument {
      case "--root": request.root = arguments[index + 1]
      case "--rw" where request.writable.isEmpty: request.writable = arguments[index + 1]
      case "--rw": request.otherWritable.append(arguments[index + 1])
      case "--ro": request.readable.append(arguments[index + 1])
      case "--memory":
        guard let bytes = Int(arguments[index + 1]), bytes > 0 else { return nil }
        request.memoryLimit = bytes
      case "--user":
        guard let user = UInt32(arguments[index + 1]), user > 0 else { return nil }
        request.user = user
      default: return nil
      }
      index += 2
    }
    guard !request.root.isEmpty, !request.writable.isEmpty, !request.program.isEmpty else {
      return nil
    }
    return request
  }

  /// Runs the launcher: never returns.
  ///
  /// The launcher makes a new PID namespace and starts itself again in it
  /// (`__sandbox --inner`), as its first process: that one builds the root folder (with a
  /// `/proc` of the new namespace, which the Swift runtime reads its arguments from), then makes
  /// the user, network, IPC and UTS namespaces, and waits while this one, still outside, maps
  /// the program's user to an id of its own (only a process outside a user namespace may map
  /// another user): the program owns no file on the machine and has a process limit of its own.
  /// It needs root; elsewhere it says so, and grading goes on unsandboxed.
  ///
  /// - Parameter arguments: The arguments after `__sandbox`.
  /// - Returns: Never: the process exits with the program's status, or is ended by its signal.
  public static func main(_ arguments: [String]) -> Never {
    #if os(Linux)
      let isInner = arguments.first == "--inner"
      let isConfined = arguments.first == "--confined"
      let rest =
        isInner
        ? Array(arguments.dropFirst(3)) : isConfined ? Array(arguments.dropFirst(2)) : arguments
      guard let request = parse(rest) else {
        fail(
          "usage: checker __sandbox --root DIR --rw DIR [--rw DIR]... [--ro PATH]... "
            + "[--user ID] [--as-checker] [--probe] -- PROGRAM ARGS...")
      }
      if isConfined {
        Confinement.enter(request, user: arguments.count > 1 ? UInt32(arguments[1]) : nil)
      }
      if isInner, let ready = Int32(arguments[1]), let go = Int32(arguments[2]) {
        enter(request, handshake: (ready, go))
        // As the first process of its PID namespace, this one cannot die of a signal it sends
        // itself: the outer launcher, outside, reports how the program ended instead.
        var status = wait(for: spawn(request.program))
        _ = withUnsafeBytes(of: &status) { Glibc.write(ready, $0.baseAddress, $0.count) }
        exit(0)
      }
      // Refused (Docker's default seccomp profile, a normal user, a machine with user
      // namespaces turned off): Landlock and seccomp instead.
      guard userNamespacesAllowed, LibC.unshare(newPID) == 0 else {
        Confinement.run(request, arguments: arguments)
      }
      if request.probe {
        FileHandle.standardError.write(Data("checker sandbox tier: namespaces\n".utf8))
      }
      let group = ControlGroup.make(for: request)
      let (inner, report) = startInner(arguments, request: request, group: group)
      let innerStatus = wait(for: inner)
      var status: Int32 = 0
      let count = withUnsafeMutableBytes(of: &status) { read(report, $0.baseAddress, $0.count) }
      if group?.end() == true { exit(memoryLimitStatus) }
      exitAs(count == MemoryLayout<Int32>.size ? status : innerStatus)
    #else
      fail("namespaces are Linux only")
    #endif
  }

  // The namespaces' flags, from <sched.h> (Swift's Glibc module does not show them).
  static let newMount: Int32 = 0x0002_0000
  static let newPID: Int32 = 0x2000_0000
  static let newOthers: Int32 = 0x1000_0000 | 0x4000_0000 | 0x0800_0000 | 0x0400_0000

  #if os(Linux)
    /// Starts `checker __sandbox --inner READY GO …`, waits until it has made its namespaces,
    /// maps its user and group to an id of their own, and lets it go on.
    ///
    /// - Returns: The inner launcher, and the pipe on which it reports the program's wait status.
    private static func startInner(_ arguments: [String], request: Request, group: ControlGroup?)
      -> (pid_t, Int32)
    {
      let asChecker = request.asChecker
      var ready: [Int32] = [-1, -1]
      var go: [Int32] = [-1, -1]
      guard pipe(&ready) == 0, pipe(&go) == 0 else { fail("pipe: \(lastError())") }
      let child = spawn(
        [ownProgram(), "__sandbox", "--inner", "\(ready[1])", "\(go[0])"] + arguments)
      close(ready[1])
      close(go[0])
      var byte: UInt8 = 0
      guard read(ready[0], &byte, 1) == 1 else { fail("the sandbox could not be made") }
      // An id per launcher: its own process limit, and no file on the machine is its own.
      // Root stays root inside for the inner launcher to finish (chroot); the program then
      // runs as `insideID`.
      // As the checker, the program's user is the checker's own (it owns what the checker owns
      // in the few folders it sees), and root inside, only the inner launcher until it switches
      // users, is the id of its own.
      let mapped = request.user ?? launcherUser
      let users =
        asChecker
        ? "0 \(mapped) 1\n\(insideID) \(getuid()) 1\n" : "0 0 1\n\(insideID) \(mapped) 1\n"
      let groups =
        asChecker
        ? "0 \(mapped) 1\n\(insideID) \(getgid()) 1\n" : "0 0 1\n\(insideID) \(mapped) 1\n"
      // In the group before it starts the program: all the program starts is bounded.
      group?.add(child)
      write("deny", to: "/proc/\(child)/setgroups")
      write(users, to: "/proc/\(child)/uid_map")
      write(groups, to: "/proc/\(child)/gid_map")
      guard Glibc.write(go[1], &byte, 1) == 1 else { fail("the sandbox could not be started") }
      close(go[1])
      return (child, ready[0])
    }

    /// The inner launcher's work, as the first process of the new PID namespace.
    private static func enter(_ request: Request, handshake: (ready: Int32, go: Int32)) {
      // Whoever runs the program must be able to write the scratch folder.
      chmod(request.writable, 0o777)
      guard LibC.unshare(newMount) == 0 else { fail("unshare: \(lastError())") }
      buildRoot(request)
      guard LibC.unshare(newOthers) == 0 else { fail("unshare: \(lastError())") }
      var byte: UInt8 = 1
      guard Glibc.write(handshake.ready, &byte, 1) == 1, read(handshake.go, &byte, 1) == 1 else {
        fail("the launcher did not map the sandbox's user")
      }
      // `ready` stays open to report the program's end, but the program must not inherit it.
      _ = fcntl(handshake.ready, F_SETFD, FD_CLOEXEC)
      close(handshake.go)
      guard chdir(request.root) == 0, chroot(".") == 0, chdir(request.writable) == 0 else {
        fail("cannot enter the sandbox's root: \(lastError())")
      }
      limitResources(
        asChecker: request.asChecker, processLimit: request.asChecker ? nil : 512,
        memoryLimit: request.memoryLimit)
      guard setgid(insideID) == 0, setuid(insideID) == 0 else {
        fail("cannot switch to the sandbox's user: \(lastError())")
      }
      // No set-uid program can regain rights.
      _ = LibC.prctl(LibC.setNoNewPrivileges, 1)
    }

    private static func buildRoot(_ request: Request) {
      check(mount("none", "/", nil, UInt(MS_REC | MS_PRIVATE), nil), "make / private")
      let root = request.root
      check(
        mount("tmpfs", root, "tmpfs", UInt(MS_NOSUID | MS_NODEV), "size=1m,mode=0755"),
        "mount the sandbox's root")
      let readOnly = UInt(MS_BIND | MS_REMOUNT | MS_RDONLY | MS_NOSUID | MS_NODEV)
      let writable = request.writableFolders
      for path in systemFolders + request.readable where !writable.contains(path) {
        var status = stat()
        guard lstat(path, &status) == 0 else { continue }
        if status.st_mode & S_IFMT == S_IFLNK {
          // /bin -> usr/bin on merged-/usr systems: the same link inside.
          makeParents(root + path)
          if let target = SymbolicLink.target(of: path) { symlink(target, root + path) }
          continue
        }
        makeMountPoint(root + path, isDirectory: status.st_mode & S_IFMT == S_IFDIR)
        check(mount(path, root + path, nil, UInt(MS_BIND | MS_REC), nil), "bind \(path)")
        check(mount(nil, root + path, nil, readOnly, nil), "make \(path) read-only")
      }
      for path in writable {
        makeMountPoint(root + path, isDirectory: true)
        if !request.asChecker, isEmptyFolder(path) {
          // Student code's scratch: a file system of its own, as large as the quota, whose
          // contents vanish with the sandbox (nothing is read from it afterwards).
          check(
            mount(
              "tmpfs", root + path, "tmpfs", UInt(MS_NOSUID | MS_NODEV),
              "size=\(scratchQuota),mode=0777"),
            "mount a scratch folder on \(path)")
          continue
        }
        check(mount(path, root + path, nil, UInt(MS_BIND), nil), "bind \(path)")
        check(
          mount(nil, root + path, nil, UInt(MS_BIND | MS_REMOUNT | MS_NOSUID | MS_NODEV), nil),
          "protect \(path)")
      }
      for device in ["null", "zero", "random", "urandom"] {
        makeMountPoint(root + "/dev/" + device, isDirectory: false)
        check(
          mount("/dev/" + device, root + "/dev/" + device, nil, UInt(MS_BIND), nil),
          "bind /dev/\(device)")
      }
      // The new PID namespace's own /proc: the program sees itself and the launcher, nothing
      // else (the Swift runtime reads its arguments there).
      makeMountPoint(root + "/proc", isDirectory: true)
      check(
        mount("proc", root + "/proc", "proc", UInt(MS_NOSUID | MS_NODEV | MS_NOEXEC), nil),
        "mount /proc")
      check(
        mount(nil, root, nil, UInt(MS_REMOUNT | MS_RDONLY | MS_NOSUID | MS_NODEV), nil),
        "make the root read-only")
    }

    /// Whether `path` is a folder with nothing in it.
    private static func isEmptyFolder(_ path: String) -> Bool {
      FolderEntries.names(in: path, limit: 1)?.isEmpty == true
    }

    /// The program's resource limits; the compiler (`asChecker`) gets more room to write and
    /// think, and no process limit, which would count every process of the checker's user.
    ///
    /// Each process's address space is bounded by twice the tree's memory limit and 1 GiB
    /// more (3 GiB for 1 GiB: a Swift harness maps under 400 MiB, Python under 600 MiB), so
    /// that a process that allocates faster than the supervisor looks cannot get far where no
    /// control group can be made.
    static func limitResources(asChecker: Bool, processLimit: UInt64?, memoryLimit: Int?) {
      let addressSpace = memoryLimit.map { UInt64($0) * 2 + (1 << 30) } ?? 16 << 30
      // Linux's numbers for RLIMIT_CPU (0), FSIZE (1), CORE (4), NPROC (6), NOFILE (7), AS (9):
      // Swift's Glibc module does not show all of them.
      var limits: [(resource: Int32, value: UInt64)] = [
        (1, asChecker ? 1 << 30 : 64 << 20),  // no file over 64 MiB (1 GiB for the compiler)
        (0, asChecker ? 600 : 120),  // seconds of CPU
        (4, 0),  // no core dumps
        (7, 1024),  // open files
        (9, addressSpace),  // resident memory is watched by the supervisor
      ]
      if let processLimit {
        limits.append((6, processLimit))  // processes and threads: a fork bomb stops here
      }
      for (resource, value) in limits {
        var bound = rlimit(rlim_cur: rlim_t(value), rlim_max: rlim_t(value))
        setrlimit(__rlimit_resource_t(resource), &bound)
      }
    }

    /// The checker's own program, to start again as the inner launcher.
    static func ownProgram() -> String {
      guard let program = SymbolicLink.target(of: "/proc/self/exe") else {
        fail("cannot find the checker's own program: \(lastError())")
      }
      return program
    }

    static func wait(for child: pid_t) -> Int32 {
      var status: Int32 = 0
      while waitpid(child, &status, 0) < 0, errno == EINTR {}
      return status
    }

    /// Exits as a child with `status` did: the same exit status, or the same signal, so that the
    /// supervisor sees a crash as it was.
    static func exitAs(_ status: Int32) -> Never {
      if status & 0x7f == 0 { exit((status >> 8) & 0xff) }
      let signalNumber = status & 0x7f
      signal(signalNumber, SIG_DFL)
      kill(getpid(), signalNumber)
      exit(128 + signalNumber)
    }

    static func spawn(_ program: [String]) -> pid_t {
      var child: pid_t = 0
      var environment = ProcessInfo.processInfo.environment
      environment["HOME"] = FileManager.default.currentDirectoryPath
      environment["TMPDIR"] = FileManager.default.currentDirectoryPath
      let arguments = program.map { strdup($0) } + [nil]
      let variables = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
      let status = posix_spawn(&child, program[0], nil, nil, arguments, variables)
      guard status == 0 else {
        fail("cannot start \(program[0]): \(String(cString: strerror(status)))")
      }
      return child
    }

    private static func makeParents(_ path: String) {
      try? FileManager.default.createDirectory(
        atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    }

    private static func makeMountPoint(_ path: String, isDirectory: Bool) {
      if isDirectory {
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
      } else {
        makeParents(path)
        _ = FileManager.default.createFile(atPath: path, contents: nil)
      }
    }

    private static func write(_ text: String, to path: String) {
      let descriptor = open(path, O_WRONLY)
      let bytes = Array(text.utf8)
      let written = descriptor >= 0 ? Glibc.write(descriptor, bytes, bytes.count) : -1
      if descriptor >= 0 { close(descriptor) }
      // Kernels before 3.19 have no setgroups file: nothing to deny there.
      if written == bytes.count || path.hasSuffix("setgroups") { return }
      fail("cannot write \(path): \(lastError())")
    }

    private static func check(_ result: Int32, _ what: String) {
      if result != 0 { fail("cannot \(what): \(lastError())") }
    }

    static func lastError() -> String {
      String(cString: strerror(errno))
    }
  #endif

  static func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("checker sandbox: \(message)\n".utf8))
    exit(125)
  }
}
