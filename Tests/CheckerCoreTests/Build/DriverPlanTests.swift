import Foundation
import Testing

@testable import CheckerCore

@Suite("Compiling without the driver")
struct DriverPlanTests {
  /// What `swiftc -###` printed for a compile and link (Swift 6.3, Linux), with the temporary
  /// folder below `/scratch`.
  static let compileAndLink = """
    /opt/swift/usr/bin/swift-frontend -frontend -c /asynccheck-driver-plan/first.swift /asynccheck-driver-plan/second.swift \
    -target x86_64-unknown-linux-gnu -module-cache-path '/cache/Module Cache' -module-name \
    Submission -o /scratch/TemporaryDirectory.qBshiu/Submission-1.o
    /opt/swift/usr/bin/swift-autolink-extract /scratch/TemporaryDirectory.qBshiu/Submission-1.o \
    /lib/Support.o -o /scratch/TemporaryDirectory.qBshiu/Submission-2.autolink
    /opt/swift/usr/bin/clang -pie /scratch/TemporaryDirectory.qBshiu/Submission-1.o \
    @/scratch/TemporaryDirectory.qBshiu/Submission-2.autolink -o /asynccheck-driver-plan/program

    """

  @Test("the plan replays the driver's commands with a build's own files")
  func replay() throws {
    let plan = try #require(DriverPlan.parse(Self.compileAndLink, temporaryFolder: "/scratch"))
    #expect(plan.commands.count == 3)
    #expect(plan.commands[0].contains("/cache/Module Cache"))
    let sources = ["/w/src/A.swift", "/w/src/it's.swift"]
    let (executable, arguments) = plan.invocation(
      sources: sources, output: "/w/program", temporary: "/w/tmp")
    #expect(executable == "/bin/sh")
    // The sources follow the script as the shell's own arguments.
    #expect(arguments.count == 5 && arguments[0] == "-c" && arguments[2] == "sh")
    #expect(Array(arguments.suffix(2)) == sources)
    let script = arguments[1]
    let commands = script.replacingOccurrences(of: "\"$@\"", with: "SOURCES")
      .components(separatedBy: " && ").map(ShellWords.split)
    #expect(commands.count == 3)
    #expect(
      commands[0]?.prefix(4) == ["/opt/swift/usr/bin/swift-frontend", "-frontend", "-c", "SOURCES"])
    #expect(commands[0]?.contains("/cache/Module Cache") == true)
    #expect(commands[1]?.first == "/opt/swift/usr/bin/swift-autolink-extract")
    #expect(commands[1]?.contains("/w/tmp/Submission-1.o") == true)
    #expect(commands[2]?.contains("@/w/tmp/Submission-2.autolink") == true)
    #expect(commands[2]?.last == "/w/program")
    #expect(!script.contains("asynccheck-driver-plan") && !script.contains("/scratch"))
  }

  @Test("a plan of one command runs that command, not a shell")
  func single() throws {
    let text =
      "/usr/bin/swift-frontend -frontend -typecheck /asynccheck-driver-plan/first.swift /asynccheck-driver-plan/second.swift -module-name M\n"
    let plan = try #require(DriverPlan.parse(text, temporaryFolder: "/scratch"))
    let (executable, arguments) = plan.invocation(
      sources: ["/a.swift", "/b.swift"], output: nil, temporary: "/t")
    #expect(executable == "/usr/bin/swift-frontend")
    #expect(arguments == ["-frontend", "-typecheck", "/a.swift", "/b.swift", "-module-name", "M"])
  }

  @Test(
    "an answer the plan does not understand means no plan (the driver runs)",
    arguments: [
      "warning: unknown argument\n/usr/bin/swift-frontend /asynccheck-driver-plan/first.swift /asynccheck-driver-plan/second.swift\n",
      "swift-frontend -frontend /asynccheck-driver-plan/first.swift /asynccheck-driver-plan/second.swift\n",
      "/usr/bin/swift-frontend /asynccheck-driver-plan/first.swift /asynccheck-driver-plan/first.swift\n",
      "/usr/bin/swift-frontend -c x.swift\n",
      "/usr/bin/swift-frontend -primary-file /asynccheck-driver-plan/first.swift\n"
        + "/usr/bin/swift-frontend -primary-file /asynccheck-driver-plan/second.swift\n",
      "/usr/bin/swift-frontend '/asynccheck-driver-plan/first.swift /asynccheck-driver-plan/second.swift\n",
      "/usr/bin/swift-frontend $HOME /asynccheck-driver-plan/first.swift /asynccheck-driver-plan/second.swift\n",
      "/usr/bin/swift-frontend /asynccheck-driver-plan/first.swift /asynccheck-driver-plan/second.swift -o /scratch/x.o\n",
      "/usr/bin/swift-frontend /asynccheck-driver-plan/first.swift /asynccheck-driver-plan/second.swift -o /asynccheck-driver-plan/program\n/usr/bin/other\n",
    ])
  func refused(text: String) {
    #expect(DriverPlan.parse(text, temporaryFolder: "/scratch") == nil)
  }

  @Test(
    "shell words split as a shell splits them, and quoting gives them back",
    arguments: [
      ("a b  c", ["a", "b", "c"]),
      ("'a b' \"c d\" e\\ f", ["a b", "c d", "e f"]),
      ("'it'\\''s' \"say \\\"hi\\\" \\n\"", ["it's", "say \"hi\" \\n"]),
      (
        "-Xlinker --build-id @/t/x.autolink --target=x86_64",
        ["-Xlinker", "--build-id", "@/t/x.autolink", "--target=x86_64"]
      ),
    ])
  func words(line: String, expected: [String]) throws {
    #expect(ShellWords.split(line) == expected)
    let requoted = expected.map(ShellWords.quote).joined(separator: " ")
    #expect(ShellWords.split(requoted) == expected)
  }

  @Test(
    "a file name a student chose reaches the compiler as it is, whatever a shell makes of it",
    .tags(.spawnsProcesses), .notInQuickRuns, .timeLimit(.minutes(1)),
    arguments: [
      "$(touch pwned).swift", "a`id`; rm -rf x &.swift", "it's \"here\".swift", "new\nline.swift",
      "*",
    ])
  func hostileName(name: String) async throws {
    let sources = ["/w/" + name, "/w/b.swift"]
    let outcome = await Self.runThroughShell(sources: sources, format: "%s\\n")
    #expect(outcome.termination == .exited(0))
    #expect(String(decoding: outcome.output, as: UTF8.self) == "/w/\(name)\n/w/b.swift\nend\n")
  }

  @Test(
    "two thousand files in deep folders reach the compiler (more than one argument may hold)",
    .tags(.spawnsProcesses), .notInQuickRuns, .timeLimit(.minutes(1)))
  func manyFiles() async throws {
    // 200 KiB of paths: Linux takes no single argument over 128 KiB.
    let sources = (0..<2000).map {
      "/w/" + String(repeating: "deep/", count: 20) + "file\($0).swift"
    }
    let outcome = await Self.runThroughShell(sources: sources, format: "%.0s")
    #expect(outcome.termination == .exited(0))
    #expect(String(decoding: outcome.output, as: UTF8.self) == "end\n")
  }

  /// Runs a plan that prints each source with `format`, then `end`, through the shell.
  static func runThroughShell(sources: [String], format: String) async
    -> ProcessSupervisor.Outcome
  {
    let plan = DriverPlan(commands: [
      ["/usr/bin/printf", format] + DriverPlan.sourcePlaceholders, ["/bin/echo", "end"],
    ])
    let (executable, arguments) = plan.invocation(sources: sources, output: nil, temporary: "/t")
    let job = ProcessSupervisor.Job(executable: executable, arguments: arguments, timeLimit: 30)
    let outcome = await offPool { ProcessSupervisor.run([job])[0] }
    return outcome
  }

  @Test(
    "a program compiled without the driver runs as one compiled with it",
    .tags(.spawnsProcesses), .notInQuickRuns, .timeLimit(.minutes(2)))
  func realToolchain() async throws {
    let toolchain = try Toolchain.find()
    // Without -wmo the driver compiles each file on its own: no plan, the driver runs.
    let perFile = await offPool {
      DriverPlan.plan(
        swiftc: toolchain.swiftc, flags: ["-module-name", "Probe"], writesProgram: true)
    }
    #expect(perFile == nil)
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("driver-plan-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let sources = ["main.swift", "it's here.swift"].map { folder.appendingPathComponent($0).path }
    try "print(greeting())\n".write(toFile: sources[0], atomically: true, encoding: .utf8)
    try "func greeting() -> String { \"hello\" }\n".write(
      toFile: sources[1], atomically: true, encoding: .utf8)
    let program = folder.appendingPathComponent("program").path
    let temporary = folder.appendingPathComponent("temporary").path
    try FileManager.default.createDirectory(atPath: temporary, withIntermediateDirectories: true)
    let plan = try #require(
      await offPool {
        DriverPlan.plan(
          swiftc: toolchain.swiftc, flags: ["-Onone", "-wmo", "-module-name", "Probe"],
          writesProgram: true)
      })
    #expect(plan.commands.count > 1, "a compile and a link")
    let (executable, arguments) = plan.invocation(
      sources: sources, output: program, temporary: temporary)
    let (compiled, ran) = await offPool {
      let compiled = ProcessSupervisor.run([
        ProcessSupervisor.Job(executable: executable, arguments: arguments, timeLimit: 100)
      ])[0]
      let ran = ProcessSupervisor.run([
        ProcessSupervisor.Job(executable: program, arguments: [], timeLimit: 30)
      ])[0]
      return (compiled, ran)
    }
    #expect(
      compiled.termination == .exited(0), "\(String(decoding: compiled.output, as: UTF8.self))")
    #expect(String(decoding: ran.output, as: UTF8.self) == "hello\n")
  }
}
