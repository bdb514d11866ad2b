import Foundation
import Testing

@testable import CheckerCore

#if canImport(Glibc)
  import Glibc
#endif

/// The samples in `checker/samples/hostile/`, graded as a class beside an honest classmate.
///
/// Checks what each attack must not achieve. Runs only where the sandbox works (Linux with namespaces, as
/// root: the project's machines and CI); elsewhere grading says "not sandboxed".
@Suite(
  "Hostile submissions reach nothing outside their sandbox", .serialized,
  .tags(.spawnsProcesses), .notInQuickRuns, .timeLimit(.minutes(10)),
  // Finding out starts a sandboxed process: off the cooperative pool, whose two threads the
  // timing tests that start at the same moment need.
  .enabled("needs the sandbox") { await offPool { (try? Sandbox.current.get()) != nil } })
struct HostileSubmissionTests {
  static let hostile = SampleCatalog.folder.appendingPathComponent("hostile")
  static let port: UInt16 = 47123

  @Test("classmates untouched and unread, no file outside, no process left, no connection")
  func hostileClass() async throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent(
      "asynccheck-hostile-\(UUID().uuidString)")
    let klass = root.appendingPathComponent("class")
    let output = root.appendingPathComponent("grades")
    try FileManager.default.createDirectory(at: klass, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: root) }
    for name in try FileManager.default.contentsOfDirectory(atPath: Self.hostile.path) {
      let source = Self.hostile.appendingPathComponent(name)
      var isFolder: ObjCBool = false
      guard FileManager.default.fileExists(atPath: source.path, isDirectory: &isFolder),
        isFolder.boolValue
      else { continue }
      try FileManager.default.copyItem(at: source, to: klass.appendingPathComponent(name))
    }
    let victim = klass.appendingPathComponent("victim")
    try FileManager.default.copyItem(
      at: SampleCatalog.folder.appendingPathComponent("python/correct-as-completed"), to: victim)
    let secret = "token-\(UUID().uuidString)"
    try Data(secret.utf8).write(to: victim.appendingPathComponent("SECRET"))
    let before = ContentHash.of(folder: victim, salt: "")
    // A correct submission beside a 3 GiB sparse file: graded as any other, the file unread.
    let huge = klass.appendingPathComponent("huge-file")
    try FileManager.default.copyItem(
      at: SampleCatalog.folder.appendingPathComponent("python/correct-as-completed"), to: huge)
    let hugeDescriptor = open(
      huge.appendingPathComponent("data.bin").path, O_CREAT | O_WRONLY, 0o644)
    #expect(ftruncate(hugeDescriptor, 3 << 30) == 0)
    close(hugeDescriptor)
    let library = try HarnessLibrary.prepared(for: try Toolchain.find())
    let libraryBefore = ContentHash.of(folder: URL(fileURLWithPath: library.folder), salt: "")
    let listener = try #require(
      await offPool { Self.listen(on: Self.port) }, "port \(Self.port) is busy")
    defer { close(listener) }

    let grader = BatchGrader(
      options: .init(
        classFolder: klass.path, outputFolder: output.path, formats: [.json, .text], workers: 2,
        force: true, seed: 7, scoring: .perCheck, language: nil))
    let results = try await offPool { try grader.run() }

    // The classmate: byte-identical, and its secret in no report.
    #expect(ContentHash.of(folder: victim, salt: "") == before)
    let reports = results.compactMap(\.report)
    #expect(!reports.isEmpty)
    try Self.expectNothingReached(reports, secret: secret)
    // The compiled harness every later grading links is unchanged.
    #expect(ContentHash.of(folder: URL(fileURLWithPath: library.folder), salt: "") == libraryBefore)
    // The attacks ran: the escape sample's output is in its report, and says what it could not.
    let escape = try #require(results.first { $0.student == "escape-files" }?.report)
    #expect(escape.tasks.contains { $0.printed?.contains("explored") == true })
    // No marker file anywhere it tried.
    for place in [
      klass.path, output.path, NSHomeDirectory(), "/tmp", root.path,
      Toolchain.cacheFolder ?? root.path,
    ] {
      #expect(!Self.markers(below: place).contains { _ in true }, "a marker in \(place)")
    }
    // Everything the daemon started died with its sandbox.
    #expect(!Self.processRunning(commandLine: "sleep\u{0}31337"))
    // The network sample reached nothing.
    var address = sockaddr()
    var length = socklen_t(MemoryLayout<sockaddr>.size)
    #expect(accept(listener, &address, &length) < 0, "a submission connected to the host")
    // Records written to the channel by the submission are refused: the grading is tampered.
    for name in ["forge-channel", "swift-forge-channel"] {
      let forged = try #require(results.first { $0.student == name }?.report, "\(name)")
      #expect(forged.status == .tampered, "\(name): \(forged.status)")
      for name in ["count", "ascending", "no-sort"] {
        #expect(forged.tasks[1].checks.first { $0.name == name }?.status == .failed)
      }
    }
    // Patching the harness from inside its process is flagged for a person to look at.
    let patched = try #require(results.first { $0.student == "patch-harness" }?.report)
    #expect(patched.status == .needsReview)
    #expect(patched.notes.contains { $0.hasPrefix("needs review: 1-concurrent_coroutines.py:") })
    // Every route to the harness from a reference function, __main__, the garbage collector, a
    // frame, a made-up audit event or descriptor 3 leads nowhere: no writer is reachable, the
    // events are refused and reported, and the made-up record voids the grading.
    let reach = try #require(results.first { $0.student == "python-reach-harness" }?.report)
    #expect(reach.status == .tampered, "\(reach.status)")
    let findings = [
      "gc.get_referrers", "sys._getframe", "asynccheck.ended",
      "opening the report channel's descriptor",
    ]
    for finding in findings {
      #expect(
        reach.notes.contains {
          $0.hasPrefix("needs review: 1-concurrent_coroutines.py:") && $0.contains(finding)
        }, "\(finding)")
    }
    // A file that writes a pycodestyle configuration when imported changes nothing of what
    // pycodestyle says: the facts are read before any student code runs, with no configuration.
    let quiet = try #require(results.first { $0.student == "python-forge-facts" }?.report)
    #expect(quiet.tasks[0].checks.first { $0.name == "pycodestyle" }?.status == .failed)
    #expect(quiet.status != .ok)
    // Wrong code in disguise (found by a red team): each loses the check its disguise was
    // meant to pass, or is flagged for a person, and none is `ok`.
    let disguised: [(student: String, task: Int, check: String?)] = [
      ("python-float-subclass", 2, "average"),  // a float subclass whose __float__ lies
      ("python-detect-grader", 1, "no-sort"),  // tells the checker's functions by __module__
      ("python-loop-reorder", 1, "no-sort"),  // stretches the loop's timers into value order
      ("python-task-rebind", 3, "returns-at-once"),  // rebinds asyncio.Task to pass a coroutine
      ("python-hidden-requirements", 1, "docstrings"),  // a def inside an `if`, no docstring
      ("swift-format-ignore", 0, "swift-format"),  // `// swift-format-ignore-file`
      ("swift-knows-graded", 1, nil),  // sorts unless CommandLine.argc says it is graded
      ("swift-clock-override", 2, "average"),  // replaces ContinuousClock.now (@_silgen_name)
      ("python-globals-detect", 1, nil),  // "SOLE_CALL" in wait_random.__globals__, get_coro()
      ("swift-filepath-detect", 1, nil),  // #filePath holds the checker's folder
      ("python-rebound-def", 1, "docstrings"),  // a documented def, then wait_n = build()
      ("swift-decoy-docs", 1, "documented"),  // documented static funcs of the same names
      ("python-frame-logging", 2, nil),  // logging.currentframe, then the runner's globals
      ("python-frame-getmembers", 1, nil),  // inspect.getmembers(coroutine) for its frame
      ("python-frame-pool", 1, "no-sort"),  // frames fetched by a pool's worker thread
      ("python-frame-linecache", 1, "no-sort"),  // traceback hands globals to a fake linecache
      ("python-fd-relay", 1, "no-sort"),  // a pipe of its own on descriptor 3, records rewritten
      ("python-recursion-steal", 1, "count"),  // the key from the hook's frame at a stack overflow
      ("swift-fd-relay", 1, "no-sort"),  // a pipe of its own moved onto descriptor 3 (dup2)
      ("swift-proc-relay", 1, "no-sort"),  // the channel opened again through /proc, relayed
      ("swift-symbol-send", 1, "no-sort"),  // the harness's writer found by its symbol, called
      ("python-proc-mem", 1, "no-sort"),  // /proc as dir_fd, then the hook's writer in memory
      ("python-symlink-mem", 1, "no-sort"),  // links the hook resolved from the wrong folder
      ("python-chdir-mem", 1, "no-sort"),  // `..` from a dir_fd, the working folder moved
      ("python-thread-mem", 1, "no-sort"),  // /proc/self/mem opened from a pool thread
      ("python-thread-reorder", 1, "no-sort"),  // each sleep on a patched loop, a thread each
    ]
    for (student, task, check) in disguised {
      let report = try #require(results.first { $0.student == student }?.report, "\(student)")
      #expect(report.status != .ok, "\(student): \(report.status)")
      if let check {
        #expect(
          report.tasks[task].checks.first { $0.name == check }?.status == .failed,
          "\(student): \(check)")
      } else {
        #expect(report.status == .needsReview, "\(student): \(report.status)")
      }
    }
    // Moving a pipe onto descriptor 3 is a system call the channel guard stops, in either
    // language: the run is void.
    for name in ["python-fd-relay", "swift-fd-relay"] {
      let relayed = try #require(results.first { $0.student == name }?.report, "\(name)")
      #expect(relayed.status == .tampered, "\(name): \(relayed.status)")
      #expect(
        relayed.notes.contains { $0.contains("the channel guard stopped the process") },
        "\(name): \(relayed.notes)")
    }
    let reordered = try #require(results.first { $0.student == "python-loop-reorder" }?.report)
    #expect(reordered.status == .tampered, "\(reordered.notes)")
    let clock = try #require(results.first { $0.student == "swift-clock-override" }?.report)
    #expect(clock.notes.contains { $0.contains("a Swift symbol of another module") })
    // The harness writes its records with the C library's own `write`: a `write` of the
    // submission's own rewrites nothing, and the sorting waitN fails.
    for name in ["swift-cdecl-write", "swift-silgen-name"] {
      let report = try #require(results.first { $0.student == name }?.report)
      #expect(report.tasks[1].checks.first { $0.name == "no-sort" }?.status == .failed, "\(name)")
    }
    // A `write` of the student's own is never called by the harness: a correct solution still
    // gets every point, and nothing is flagged.
    let shadow = try #require(results.first { $0.student == "swift-shadow-write" }?.report)
    #expect(shadow.passed && shadow.status == .ok, "\(shadow.status)")
    // A C function of the student's own (`write`, which the harness's channel writes would
    // link to) is seen in the compiled code, whatever the spelling: flagged, naming it. The
    // text scan reads the line after a bare carriage return too, and flags the attribute.
    for name in ["swift-cdecl-write", "swift-silgen-name"] {
      let interposer = try #require(results.first { $0.student == name }?.report, "\(name)")
      #expect(
        interposer.status == .needsReview || interposer.status == .tampered,
        "\(name): \(interposer.status)")
      #expect(
        interposer.notes.contains {
          $0.hasPrefix("needs review: the compiled code defines the C symbol `write`")
        }, "\(name): \(interposer.notes)")
    }
    let blinded = try #require(results.first { $0.student == "swift-cdecl-write" }?.report)
    #expect(blinded.notes.contains { $0.contains("uses `@_cdecl`") }, "\(blinded.notes)")
    // A grandchild's memory counts, and it is gone.
    try Self.expectMemoryHogStopped(results)
    #expect(!Self.processRunning(commandLine: "print('held'"))
    // Killing other gradings: it sees none, and the classmate graded beside it gets full marks.
    let killer = try #require(results.first { $0.student == "kill-classmates" }?.report)
    #expect(killer.tasks.contains { $0.printed?.contains("killed 0 processes") == true })
    // Killing its own grading's other processes: each task is graded on its own code, alone.
    let selfKiller = try #require(results.first { $0.student == "kill-own-grading" }?.report)
    #expect(
      selfKiller.passed, "\(selfKiller.tasks.flatMap(\.checks).filter { $0.status != .passed })")
    #expect(selfKiller.status == .needsReview, "\(selfKiller.status)")
    let honest = try #require(results.first { $0.student == "victim" }?.report)
    #expect(honest.passed && honest.status == .ok, "\(honest.status)")
    let besideHuge = try #require(results.first { $0.student == "huge-file" }?.report)
    #expect(besideHuge.passed && besideHuge.status == .ok, "\(besideHuge.status)")
    // The scratch folder has a quota: the disk filler stops at it.
    let filled = try #require(results.first { $0.student == "disk-filler" }?.report)
    let written = filled.tasks.compactMap(\.printed).joined()
    #expect(written.contains("then: No space left on device"), "\(written)")
    #expect(!written.contains("no quota stopped it"), "\(written)")
    // A chain of folders deeper than PATH_MAX is removed with the rest of the workspace.
    let dug = try #require(results.first { $0.student == "deep-folders" }?.report)
    #expect(dug.tasks.compactMap(\.printed).joined().contains("dug 260 folders deep"))
    #expect(!dug.notes.contains { $0.hasPrefix("not removed:") }, "\(dug.notes)")
    // A fork bomb stops at the sandbox's process limit, and its processes die with it.
    let bomb = try #require(results.first { $0.student == "fork-bomb" }?.report)
    let forked = bomb.tasks.compactMap(\.printed).joined()
    // It ran; it never got past the limit (on a busy machine it may be stopped by its time
    // limit before it says how far it got).
    #expect(forked.contains("fork bomb started"), "\(forked)")
    #expect(!forked.contains("no limit stopped it"), "\(forked)")
    #expect(!Self.processRunning(commandLine: "sleep\u{0}313.38"))
    // A `main` of the student's own never runs: its `@main` is left out, the harness's `main`
    // calls the broken functions, which pass no behaviour check.
    let ownMain = try #require(results.first { $0.student == "swift-own-main" }?.report)
    #expect(ownMain.notes.contains { $0.hasPrefix("left out the `@main` attribute") })
    #expect(
      ownMain.tasks.allSatisfy {
        $0.checks.allSatisfy {
          $0.status != .passed || ["signature", "documented", "swift-format"].contains($0.name)
        }
      })
    // swift format's check can be neither dodged nor dropped (`swiftFormatCheck` says how).
    for name in ["swift-format-colon-name", "swift-format-bad-config"] {
      let report = try #require(results.first { $0.student == name }?.report)
      #expect(Self.swiftFormatFailsEveryTask(report), "\(name)")
    }
    // A link out of the submission is refused, naming it; the file's content is nowhere.
    let linked = try #require(results.first { $0.student == "symlink-out" })
    #expect(linked.report == nil)
    #expect(linked.error?.contains("link to /etc/passwd, outside the submission") == true)
  }

  @Test("swift format's check: a file named a:1:1.swift or a broken .swift-format fails it")
  func swiftFormatCheck() async throws {
    // Every finding in a file named `a:1:1.swift` once went unread: 4-space indentation, full
    // marks. A `.swift-format` swift format cannot read once made the check disappear.
    let colon = try await Grader().grade(
      Grader.Request(
        path: Self.hostile.appendingPathComponent("swift-format-colon-name").path, seed: 5))
    #expect(Self.swiftFormatFailsEveryTask(colon.report))
    let findings = colon.report.tasks.flatMap(\.checks).filter { $0.name == "swift-format" }
    #expect(findings.allSatisfy { $0.details.first?.hasPrefix("a:1:1.swift:") == true })
    let badConfiguration = try await Grader().grade(
      Grader.Request(
        path: Self.hostile.appendingPathComponent("swift-format-bad-config").path, seed: 5))
    #expect(Self.swiftFormatFailsEveryTask(badConfiguration.report))
    #expect(
      badConfiguration.report.tasks.flatMap(\.checks).filter { $0.name == "swift-format" }
        .allSatisfy { $0.message.contains("cannot use your .swift-format") })
    #expect(!badConfiguration.report.notes.contains { $0.contains("not checked: swift format") })
  }

  /// Whether every task kept its swift-format check and failed it, and every behaviour check
  /// passed: the points lost are the style check's, and only those.
  static func swiftFormatFailsEveryTask(_ report: GradeReport) -> Bool {
    report.tasks.count == Exercise.tasks.count
      && report.tasks.allSatisfy { task in
        task.checks.contains { $0.name == "swift-format" && $0.status == .failed }
          && task.checks.allSatisfy { $0.name == "swift-format" || $0.status == .passed }
      }
  }

  @Test("a program that dies of a signal in the sandbox is seen dying of that signal")
  func signalThroughTheSandbox() async throws {
    let sandbox = try Sandbox.current.get()
    let workspace = try Workspace.make()
    defer { workspace.remove() }
    let job = try sandbox.wrap(
      ProcessSupervisor.Job(
        executable: "/bin/sh", arguments: ["-c", "kill -SEGV $$"],
        workingDirectory: try workspace.makeFolder("scratch"), timeLimit: 30),
      readable: [], workspace: workspace)
    // Off the cooperative pool: starting a sandbox on a busy machine blocks for a while.
    let outcome = await offPool { ProcessSupervisor.run([job]).first }
    #expect(outcome?.termination == .signaled(11))
  }

  @Test("the compiler's sandbox: the checker's user, writes only its folder and the cache")
  func compilerSandbox() async throws {
    let sandbox = try Sandbox.current.get()
    let workspace = try Workspace.make()
    defer { workspace.remove() }
    let scratch = try workspace.makeFolder("scratch")
    let cache = try workspace.makeFolder("cache")
    let sources = try workspace.makeFolder("sources")
    try workspace.write("secret", to: "classmate/SECRET")
    let script = [
      "echo a > \(cache)/made", "echo b > made", "cat \(sources)/../classmate/SECRET && exit 3",
      "touch \(sources)/x && exit 4",
      "ls \(Toolchain.cacheFolder ?? NSHomeDirectory()) && exit 5", "exit 0",
    ].joined(separator: "; ")
    let job = try sandbox.wrap(
      ProcessSupervisor.Job(
        executable: "/bin/sh", arguments: ["-c", script], workingDirectory: scratch,
        timeLimit: 30),
      readable: [sources], writable: [cache], asChecker: true, workspace: workspace)
    let outcome = try #require(await offPool { ProcessSupervisor.run([job]).first })
    #expect(outcome.termination == .exited(0), "\(String(decoding: outcome.output, as: UTF8.self))")
    // What it made belongs to the checker, as if the checker had compiled unsandboxed.
    let made = try FileManager.default.attributesOfItem(atPath: cache + "/made")
    #expect((made[.ownerAccountID] as? NSNumber)?.uint32Value == getuid())
    #expect(FileManager.default.fileExists(atPath: scratch + "/made"))
  }

  /// No report holds the classmate's `secret` or says its submission wrote outside its scratch
  /// folder or opened a classmate's file.
  static func expectNothingReached(_ reports: [GradeReport], secret: String) throws {
    for report in reports {
      let text = try #require(String(data: try JSONEncoder().encode(report), encoding: .utf8))
      #expect(!text.contains(secret), "\(report.submission) read the classmate's secret")
      #expect(!text.contains("wrote in"), "\(report.submission) wrote outside its scratch folder")
      #expect(!text.contains("could rewrite"), "\(report.submission) opened a classmate's file")
    }
  }

  /// A grandchild's memory counts: the task that started it is stopped (at the memory limit,
  /// or at the time limit on a machine too busy to fill 1.5 GiB in time).
  static func expectMemoryHogStopped(_ results: [StudentResult]) throws {
    let hog = try #require(results.first { $0.student == "memory-grandchild" }?.report)
    #expect(
      hog.tasks[1].checks.contains {
        $0.message.contains("MiB of memory and was stopped")
          || $0.message.contains("did not return")
      }, "\(hog.tasks[1].checks.map(\.message))")
  }

  /// Files named `asynccheck-pwned` in `folder` and the folders just below it.
  static func markers(below folder: String) -> [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
    var found = names.contains("asynccheck-pwned") ? [folder] : []
    for name in names {
      let path = folder + "/" + name
      if FileManager.default.fileExists(atPath: path + "/asynccheck-pwned") { found.append(path) }
    }
    return found
  }

  /// Whether a process whose command line contains `commandLine` is running.
  static func processRunning(commandLine: String) -> Bool {
    for name in (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? [] {
      guard Int(name) != nil,
        let data = FileManager.default.contents(atPath: "/proc/\(name)/cmdline")
      else { continue }
      if String(decoding: data, as: UTF8.self).contains(commandLine) { return true }
    }
    return false
  }

  /// A non-blocking TCP listener on 127.0.0.1, or `nil` when the port stays taken for three
  /// minutes: the tests that grade the network sample each listen on its port, and Swift
  /// Testing may run them side by side; each waits for the other's grading to end.
  static func listen(on port: UInt16) -> Int32? {
    for _ in 0..<360 {
      if let descriptor = listenOnce(on: port) { return descriptor }
      usleep(500_000)
    }
    return nil
  }

  private static func listenOnce(on port: UInt16) -> Int32? {
    let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard descriptor >= 0 else { return nil }
    var yes: Int32 = 1
    setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = port.bigEndian
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let bound = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    guard bound == 0, Glibc.listen(descriptor, 16) == 0 else {
      close(descriptor)
      return nil
    }
    _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
    return descriptor
  }
}
