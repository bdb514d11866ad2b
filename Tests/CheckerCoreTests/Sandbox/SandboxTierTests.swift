import Foundation
import Testing

@testable import CheckerCore

#if canImport(Glibc)
  import Glibc
#endif

/// Where teachers grade without namespaces, the checker runs as a user would run it there, and
/// the sandbox attacks of `checker/samples/hostile/` reach nothing: as root in Docker's default
/// profile (`like-docker`: Docker's 14 capabilities, namespaces refused by seccomp), and as a
/// normal user.
extension HostileSubmissionTests {
  /// How the checker is run.
  enum Tier: String, CaseIterable, Sendable, CustomTestStringConvertible {
    /// As root in Docker's default profile: `like-docker checker grade-all …`.
    case dockerDefault
    /// As `nobody`: `setpriv --reuid=65534 … checker grade-all …`.
    case normalUser

    var testDescription: String {
      self == .dockerDefault ? "as root in Docker's default profile" : "as a normal user"
    }
  }

  /// The attacks on the sandbox (the others attack the harness, whatever the sandbox).
  static let sandboxAttacks = [
    "escape-files", "daemon", "network", "fork-bomb", "kill-classmates", "memory-grandchild",
    "disk-filler", "deep-folders",
  ]

  /// A Python that a user other than root can run (`nobody`, or a sandbox's own user): the
  /// checker's own when it can, else the system's.
  static var pythonForOthers: String? {
    let candidates = [(try? Toolchain.python()) ?? "", "/usr/bin/python3"]
    return candidates.first {
      FileManager.default.isExecutableFile(atPath: $0) && Confinement.reachableByOthers($0)
        && Confinement.reachableByOthers(
          URL(fileURLWithPath: $0).resolvingSymlinksInPath().deletingLastPathComponent()
            .deletingLastPathComponent().path)
    }
  }

  /// The `like-docker` helper, built beside the test runner.
  static var likeDocker: String? {
    guard let checker = Sandbox.checkerProgram() else { return nil }
    let helper = URL(fileURLWithPath: checker).deletingLastPathComponent()
      .appendingPathComponent("like-docker").path
    return FileManager.default.isExecutableFile(atPath: helper) ? helper : nil
  }

  @Test(
    "without namespaces: classmates untouched, nothing outside, no process left, no network",
    .enabled("needs root, Landlock and setpriv") {
      getuid() == 0 && Landlock.abi != nil && SeccompFilter.architecture != nil
        && FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv")
        && likeDocker != nil && pythonForOthers != nil
    },
    // One at a time: both listen on the port the network sample tries.
    .serialized, arguments: Tier.allCases)
  func hostileClassWithoutNamespaces(tier: Tier) async throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent(
      "asynccheck-tier-\(UUID().uuidString)")
    let klass = root.appendingPathComponent("class")
    let output = root.appendingPathComponent("grades")
    let home = root.appendingPathComponent("home")
    for folder in [klass, home] {
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }
    defer { try? FileManager.default.removeItem(at: root) }
    chmod(root.path, 0o755)
    for name in Self.sandboxAttacks {
      try FileManager.default.copyItem(
        at: Self.hostile.appendingPathComponent(name), to: klass.appendingPathComponent(name))
    }
    let victim = klass.appendingPathComponent("victim")
    try FileManager.default.copyItem(
      at: SampleCatalog.folder.appendingPathComponent("python/correct-as-completed"), to: victim)
    let secret = "token-\(UUID().uuidString)"
    try Data(secret.utf8).write(to: victim.appendingPathComponent("SECRET"))
    if tier == .dockerDefault {
      // A Swift classmate too: its harness runs the checker's own program in the sandbox.
      try FileManager.default.copyItem(
        at: SampleCatalog.folder.appendingPathComponent("swift/correct-actor"),
        to: klass.appendingPathComponent("victim-swift"))
    }
    let before = ContentHash.of(folder: victim, salt: "")
    // The checker's program where any user can run it (a clone may be in /root). Copied by
    // `cp`, not in this process: a process another test starts at that moment would inherit
    // the copy's open descriptor and make running it fail with "Text file busy".
    let checker = root.appendingPathComponent("checker").path
    let copied = ProcessSupervisor.run([
      ProcessSupervisor.Job(
        executable: "/bin/cp", arguments: [try #require(Sandbox.checkerProgram()), checker],
        timeLimit: 60)
    ])
    #expect(copied.first?.termination == .exited(0))
    let python = try #require(Self.pythonForOthers)
    var arguments = [checker, "grade-all", klass.path, "--out", output.path, "--workers", "2"]
    switch tier {
    case .dockerDefault:
      arguments.insert(try #require(Self.likeDocker), at: 0)
    case .normalUser:
      _ =
        try #require(
          ProcessSupervisor.run([
            ProcessSupervisor.Job(
              executable: "/bin/chown", arguments: ["-R", "65534:65534", root.path], timeLimit: 30)
          ]).first
        ).termination == .exited(0)
      arguments =
        ["--reuid=65534", "--regid=65534", "--clear-groups", "--"] + arguments
      arguments.insert("/usr/bin/setpriv", at: 0)
    }
    var job = ProcessSupervisor.Job(
      executable: arguments[0], arguments: Array(arguments.dropFirst()),
      workingDirectory: root.path, timeLimit: 600,
      environment: ["PYTHON": python, "ASYNCCHECK_LAUNCHER": checker]
        .merging(tier == .normalUser ? ["HOME": home.path, "XDG_CACHE_HOME": home.path] : [:]) {
          $1
        })
    job.memoryLimit = 8 << 30
    job.outputLimit = 1 << 24
    let listener = try #require(
      await offPool { Self.listen(on: Self.port) }, "port \(Self.port) is busy")
    defer { close(listener) }
    let grading = job
    let outcome = try #require(await offPool { ProcessSupervisor.run([grading]).first })
    let printed = String(decoding: outcome.output, as: UTF8.self)
    #expect(outcome.termination == .exited(0), "\(printed)")

    // The summary names the sandbox that held.
    #expect(printed.contains("Sandbox: landlock+seccomp"), "\(printed)")
    if tier == .dockerDefault {
      #expect(printed.contains("a user of its own"), "\(printed)")
    }
    let results = try ClassResults.load(from: output.path).students
    #expect(results.count == Self.sandboxAttacks.count + (tier == .dockerDefault ? 2 : 1))
    // Honest classmates: byte-identical, their secret in no report, nothing failed.
    #expect(ContentHash.of(folder: victim, salt: "") == before)
    for name in ["victim", "victim-swift"] {
      guard let honest = results.first(where: { $0.student == name }) else { continue }
      let report = try #require(honest.report, "\(name): \(honest.error ?? "")")
      // pycodestyle may be missing from the system's Python: not checked, and no point lost.
      let failed = report.tasks.flatMap(\.checks).filter { $0.status == .failed }
      #expect(failed.isEmpty, "\(name): \(failed.map(\.message))")
      #expect(report.passed && report.status == .ok, "\(name): \(report.status)")
      #expect(report.notes.contains { $0.hasPrefix("sandbox: landlock+seccomp") })
    }
    try Self.expectNothingReached(results.compactMap(\.report), secret: secret)
    let printedBy = { (student: String) -> String in
      results.first { $0.student == student }?.report?.tasks.compactMap(\.printed).joined() ?? ""
    }
    // The attacks ran, and reached nothing.
    #expect(printedBy("escape-files").contains("explored"))
    for place in [klass.path, output.path, home.path, NSHomeDirectory(), "/tmp", root.path] {
      #expect(Self.markers(below: place).isEmpty, "a marker in \(place)")
    }
    #expect(!Self.processRunning(commandLine: "sleep\u{0}31337"), "the daemon outlived it")
    #expect(!Self.processRunning(commandLine: "print('held'"))
    #expect(!Self.processRunning(commandLine: "sleep\u{0}313.38"))
    var address = sockaddr()
    var length = socklen_t(MemoryLayout<sockaddr>.size)
    #expect(accept(listener, &address, &length) < 0, "a submission connected to the host")
    #expect(printedBy("network").contains("no connection"), "\(printedBy("network"))")
    let forked = printedBy("fork-bomb")
    #expect(forked.contains("fork bomb started"), "\(forked)")
    #expect(!forked.contains("no limit stopped it"), "\(forked)")
    #expect(printedBy("kill-classmates").contains("killed 0 processes"))
    // The scratch folder's quota is watched: the disk filler is stopped before 1 GiB.
    #expect(!printedBy("disk-filler").contains("no quota stopped it"))
    #expect(results.first { $0.student == "disk-filler" }?.report != nil)
    // What the grading left, however deep, is removed.
    for report in results.compactMap(\.report) {
      #expect(!report.notes.contains { $0.hasPrefix("not removed:") }, "\(report.notes)")
    }
    try Self.expectMemoryHogStopped(results)
  }

  @Test(
    "the launcher without namespaces: writes only its folder, reads no other, no socket",
    .enabled("needs root and Landlock") {
      getuid() == 0 && Landlock.abi != nil && likeDocker != nil
    })
  func confinedLauncher() async throws {
    let workspace = try Workspace.make()
    defer { workspace.remove() }
    let scratch = try workspace.makeFolder("scratch")
    let other = try workspace.makeFolder("classmate")
    try Data("secret".utf8).write(to: URL(fileURLWithPath: other + "/SECRET"))
    chmod(other + "/SECRET", 0o644)
    let script = """
      echo inside > own && echo own-ok
      cat \(other)/SECRET 2>/dev/null && echo read-classmate
      echo x > \(other)/pwned 2>/dev/null && echo wrote-classmate
      echo x > /tmp/asynccheck-pwned-\(UUID().uuidString) 2>/dev/null && echo wrote-tmp
      id -u
      """
    let checker = try #require(Sandbox.checkerProgram())
    let job = ProcessSupervisor.Job(
      executable: try #require(Self.likeDocker),
      arguments: [
        checker, "__sandbox", "--root", try workspace.makeFolder("root"), "--rw", scratch,
        "--user", "201999", "--probe", "--", "/bin/sh", "-c", script,
      ], workingDirectory: scratch, timeLimit: 60)
    let outcome = try #require(await offPool { ProcessSupervisor.run([job]).first })
    let printed = String(decoding: outcome.output, as: UTF8.self)
    #expect(outcome.termination == .exited(0), "\(printed)")
    #expect(printed.contains("checker sandbox tier: landlock+seccomp"), "\(printed)")
    #expect(printed.contains("own-ok"), "\(printed)")
    #expect(printed.contains("201999"), "\(printed)")
    for escape in ["read-classmate", "wrote-classmate", "wrote-tmp"] {
      #expect(!printed.contains(escape), "\(printed)")
    }
    #expect(!FileManager.default.fileExists(atPath: other + "/pwned"))
  }
}

extension HostileSubmissionTests {
  /// A grandchild that allocates `gibibytes` at once, and says how far it got.
  static func fastAllocator(gibibytes: Int) -> String {
    """
    import os
    if os.fork() == 0:
        try:
            held = b"x" * (\(gibibytes) << 30)
            print("grandchild holds", len(held) >> 20, "MiB")
        except MemoryError:
            print("grandchild: MemoryError")
        os._exit(0)
    os.wait()
    """
  }

  @Test("a grandchild that allocates gigabytes at once is stopped by the kernel, not by a poll")
  func fastGrandchild() async throws {
    let sandbox = try Sandbox.current.get()
    let workspace = try Workspace.make()
    defer { workspace.remove() }
    let python = try #require(Self.pythonForOthers)
    var job = try sandbox.wrap(
      ProcessSupervisor.Job(
        executable: python, arguments: ["-c", Self.fastAllocator(gibibytes: 2)],
        workingDirectory: try workspace.makeFolder("scratch"), timeLimit: 60),
      readable: [], workspace: workspace)
    // Namespaces, as root on this machine: a control group of the sandbox's own, whose 1 GiB
    // (the `--memory` the job was wrapped with) the kernel enforces at the allocation; 2 GiB
    // is within the address space's bound. The supervisor's own look at memory is off here,
    // so only the kernel can stop it, and the launcher says so with its exit status.
    job.memoryLimit = 1 << 40
    job.sandboxUser = nil
    let kernelOnly = job
    let outcome = try #require(await offPool { ProcessSupervisor.run([kernelOnly]).first })
    let printed = String(decoding: outcome.output, as: UTF8.self)
    #expect(!printed.contains("holds"), "\(printed)")
    #expect(
      outcome.termination == .exited(SandboxLauncher.memoryLimitStatus),
      "\(outcome.termination)")

    // Docker's default profile: the control groups are read-only; each process's address space
    // is bounded instead (3 GiB for a 1 GiB limit), and 4 GiB at once fails.
    var confined = job
    confined.executable = try #require(Self.likeDocker)
    confined.arguments =
      [job.executable] + job.arguments.dropLast() + [Self.fastAllocator(gibibytes: 4)]
    let fenced = confined
    let docker = try #require(await offPool { ProcessSupervisor.run([fenced]).first })
    let said = String(decoding: docker.output, as: UTF8.self)
    #expect(said.contains("grandchild: MemoryError"), "\(said)")
    #expect(!said.contains("holds"), "\(said)")
  }
}
