import Foundation
import Synchronization

/// Runs student processes inside the checker's sandbox (`SandboxLauncher`), when this machine
/// allows it.
///
/// Which sandbox holds is found once, by starting a shell in one: as root where namespaces may
/// be made, namespaces (tier 1); where they are refused (root in Docker's default profile, a
/// normal user), Landlock, seccomp and, as root, a user of its own (tiers 2 and 3, see
/// `Confinement`); on macOS none, and grading goes on unsandboxed. Every report names it.
public struct Sandbox: Sendable {
  /// The program that starts the sandbox: the `checker` executable, in its launcher mode.
  public let launcher: String
  /// Which sandbox holds, as reports print it after "sandbox: " (`namespaces`, or
  /// `landlock+seccomp (…)` with what it holds).
  public var tier = "namespaces"

  /// Whether student code can be sandboxed here: the sandbox, or why not.
  public static let current: Result<Sandbox, SandboxUnavailable> = detect()

  /// Which protection holds student code here, as reports say it: `sandbox: <tier>`, or
  /// `not sandboxed: <why>`.
  public static var protection: String {
    switch current {
    case .success(let sandbox): "sandbox: \(sandbox.tier)"
    case .failure(let unavailable): "not sandboxed: \(unavailable.reason)"
    }
  }

  /// The toolchain and interpreter folders a harness needs besides the system's, read-only.
  static let runtimeFolders: [String] = {
    var folders: [String] = []
    if let swiftc = try? Toolchain.find().swiftc {
      // <prefix>/usr/bin/swiftc: the Swift runtime is in <prefix>/usr/lib/swift.
      let prefix = URL(fileURLWithPath: swiftc).resolvingSymlinksInPath()
        .deletingLastPathComponent().deletingLastPathComponent()
      folders.append(prefix.appendingPathComponent("lib/swift").path)
    }
    if let python = try? Toolchain.python() {
      // <prefix>/bin/python3.x: the standard library is in <prefix>/lib.
      folders.append(
        URL(fileURLWithPath: python).resolvingSymlinksInPath().deletingLastPathComponent()
          .deletingLastPathComponent().path)
    }
    return folders
  }()

  /// `job`, run in a sandbox whose only writable folders are its working folder and `writable`,
  /// and whose only other files are `readable` (and the system's folders, read-only).
  ///
  /// - Parameters:
  ///   - job: The job; it must have a working folder.
  ///   - readable: Files and folders it may read: the built harness, the sources.
  ///   - writable: Other folders it may write (the compiler's module cache).
  ///   - asChecker: Whether it runs as the checker's own user (the compiler, which reads and
  ///     writes the checker's cache) rather than a user of its own (student code).
  ///   - workspace: Where to make the sandbox's empty root folder.
  /// - Returns: The same job, started by the launcher.
  /// - Throws: `ProcessError.workspace` when the root folder cannot be made.
  public func wrap(
    _ job: ProcessSupervisor.Job, readable: [String], writable: [String] = [],
    asChecker: Bool = false, workspace: Workspace
  ) throws(ProcessError) -> ProcessSupervisor.Job {
    guard let scratch = job.workingDirectory else { return job }
    let root = try workspace.makeFolder("sandbox-roots/\(UUID().uuidString)")
    var wrapped = job
    wrapped.executable = launcher
    wrapped.sandboxUser = asChecker ? nil : Self.newUser()
    var arguments = ["__sandbox", "--root", root, "--rw", scratch]
    arguments += writable.flatMap { ["--rw", $0] }
    arguments += (readable + Self.runtimeFolders).flatMap { ["--ro", $0] }
    if let user = wrapped.sandboxUser { arguments += ["--user", "\(user)"] }
    if asChecker {
      arguments.append("--as-checker")
    } else {
      arguments += ["--memory", "\(job.memoryLimit)"]
    }
    wrapped.arguments = arguments + ["--", job.executable] + job.arguments
    return wrapped
  }

  /// A user id for one sandbox, used by no other sandbox of this checker (and, with the
  /// process id in it, most likely of no other checker on the machine): what its processes
  /// leave is ended by that id alone.
  static func newUser() -> UInt32 {
    let next = nextUser.withLock { next in
      next = (next + 1) % 100
      return next
    }
    return 200_000 + UInt32(getpid() % 600) * 100 + next
  }
  private static let nextUser = Mutex<UInt32>(0)

  private static func detect() -> Result<Sandbox, SandboxUnavailable> {
    #if os(Linux)
      if ProcessInfo.processInfo.environment["ASYNCCHECK_NO_SANDBOX"] != nil {
        return .failure(SandboxUnavailable(reason: "ASYNCCHECK_NO_SANDBOX is set"))
      }
      guard let launcher = checkerProgram() else {
        return .failure(SandboxUnavailable(reason: "the checker's own program was not found"))
      }
      let sandbox = Sandbox(launcher: launcher)
      guard let workspace = try? Workspace.make() else {
        return .failure(SandboxUnavailable(reason: "no temporary folder"))
      }
      defer { workspace.remove() }
      guard let scratch = try? workspace.makeFolder("scratch"),
        var job = try? sandbox.wrap(
          ProcessSupervisor.Job(
            executable: "/bin/sh", arguments: ["-c", "echo written > ok && cat ok"],
            workingDirectory: scratch, timeLimit: 30),
          // What every grading's sandbox reads besides its workspace (the runtimes, and the
          // checker's own program, which serves Swift runs): the tier found is the gradings'.
          readable: [launcher], workspace: workspace)
      else { return .failure(SandboxUnavailable(reason: "the launcher could not be started")) }
      job.arguments.insert("--probe", at: 1)
      guard let outcome = ProcessSupervisor.run([job]).first else {
        return .failure(SandboxUnavailable(reason: "the launcher could not be started"))
      }
      let said = String(decoding: outcome.output, as: UTF8.self).split(separator: "\n")
        .map(String.init)
      let tierPrefix = "checker sandbox tier: "
      // Written and read back inside: the scratch folder is the sandbox's own.
      guard outcome.termination == .exited(0), said.contains("written") else {
        return .failure(
          SandboxUnavailable(
            reason: said.first { !$0.hasPrefix(tierPrefix) }?
              .replacingOccurrences(of: "checker sandbox: ", with: "")
              ?? "the launcher ended with \(outcome.termination)"))
      }
      var found = sandbox
      if let tier = said.first(where: { $0.hasPrefix(tierPrefix) }) {
        found.tier = String(tier.dropFirst(tierPrefix.count))
      }
      return .success(found)
    #else
      return .failure(
        SandboxUnavailable(reason: "Linux namespaces are not available on this system"))
    #endif
  }

  /// The `checker` program: this process when it is the checker, or the `checker` beside the
  /// running program (the test runner, in the package's build folder); `ASYNCCHECK_LAUNCHER`
  /// overrides both.
  static func checkerProgram() -> String? {
    let environment = ProcessInfo.processInfo.environment
    if let explicit = environment["ASYNCCHECK_LAUNCHER"] { return explicit }
    let own = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
    if own.lastPathComponent == "checker" { return own.path }
    let beside = own.deletingLastPathComponent().appendingPathComponent("checker").path
    return FileManager.default.isExecutableFile(atPath: beside) ? beside : nil
  }
}

/// Why student code cannot be sandboxed on this machine.
public struct SandboxUnavailable: Error, Sendable, Equatable {
  /// The reason, as a report prints it after "not sandboxed: ".
  public let reason: String
}
