import Foundation

/// The commands `swiftc` runs for one kind of compile, asked once with `-###` and then run
/// without the driver.
///
/// Starting the `swiftc` driver costs more CPU than much of the work it drives: 0.05 of a
/// type-check's 0.17 CPU-s, 0.16 of a compile-and-link's 0.47 (BENCHMARKS.md). A class runs
/// the same two or three kinds of compile hundreds of times with only the file names changed, so
/// the driver is asked once per kind, with placeholder files, what it would run; each build then
/// runs those commands with its own files. When the driver's answer is not one this type
/// understands (another toolchain's, a newer driver's), there is no plan and the build runs the
/// driver as before.
struct DriverPlan: Sendable, Equatable {
  /// The commands, in order, each a program and its arguments, with `sourcePlaceholders`,
  /// `outputPlaceholder` and `temporaryPlaceholder` where each build's own paths go.
  let commands: [[String]]

  /// Stand for the sources, side by side in the one command that reads them all: two, so that
  /// a driver that would compile each file on its own (no `-wmo`) is seen and not planned.
  static let sourcePlaceholders = [
    "/asynccheck-driver-plan/first.swift", "/asynccheck-driver-plan/second.swift",
  ]
  /// Stands for the program the compile writes.
  static let outputPlaceholder = "/asynccheck-driver-plan/program"
  /// Stands for the driver's temporary folder (object files, the autolink list).
  static let temporaryPlaceholder = "/asynccheck-driver-plan/temporary"

  /// The plan for `swiftc` run with `flags` on some sources, writing `-o` a program when
  /// `writesProgram`, asked once per program and flags.
  ///
  /// - Returns: The plan, or `nil` when the driver cannot say or says something unexpected.
  static func plan(swiftc: String, flags: [String], writesProgram: Bool) -> DriverPlan? {
    let key = ([swiftc, writesProgram ? "program" : "none"] + flags).joined(separator: "\0")
    return plans.value(for: key) { _ in
      ask(swiftc: swiftc, flags: flags, writesProgram: writesProgram)
    }
  }

  /// The plans asked for so far, by compiler, kind and flags (`nil`: the driver could not say).
  private static let plans = ComputedOnce<String, DriverPlan?>()

  /// Runs `swiftc -###` with placeholder files and reads its plan.
  private static func ask(swiftc: String, flags: [String], writesProgram: Bool) -> DriverPlan? {
    // The driver names (and makes) a temporary folder: in a folder of our own, removed after.
    let scratch = FileManager.default.temporaryDirectory
      .appendingPathComponent("asynccheck-driver-plan-\(UUID().uuidString)").path
    guard
      (try? FileManager.default.createDirectory(
        atPath: scratch, withIntermediateDirectories: true)) != nil
    else { return nil }
    defer { try? FileManager.default.removeItem(atPath: scratch) }
    let output = writesProgram ? ["-o", outputPlaceholder] : []
    let job = ProcessSupervisor.Job(
      executable: swiftc, arguments: ["-###"] + flags + sourcePlaceholders + output,
      workingDirectory: scratch, timeLimit: 60, environment: ["TMPDIR": scratch])
    guard let outcome = ProcessSupervisor.run([job]).first, outcome.termination == .exited(0)
    else { return nil }
    return parse(String(decoding: outcome.output, as: UTF8.self), temporaryFolder: scratch)
  }

  /// The plan `-###` printed, its temporary folder (made below `temporaryFolder`) replaced by
  /// the placeholder; `nil` unless it reads both sources side by side in exactly one command,
  /// writes the program (when there is one) in the last, and names every program by its
  /// absolute path.
  static func parse(_ text: String, temporaryFolder: String) -> DriverPlan? {
    let prefix = temporaryFolder.hasSuffix("/") ? temporaryFolder : temporaryFolder + "/"
    var commands: [[String]] = []
    for line in text.split(separator: "\n") where !line.allSatisfy(\.isWhitespace) {
      guard let words = ShellWords.split(String(line)), let program = words.first,
        program.hasPrefix("/")
      else { return nil }
      commands.append(
        words.map { word in
          guard let range = word.range(of: prefix) else { return word }
          // <scratch>/TemporaryDirectory.XXXX/file → <placeholder>/file
          let rest = word[range.upperBound...]
          guard let slash = rest.firstIndex(of: "/") else { return word }
          return String(word[..<range.lowerBound]) + temporaryPlaceholder + String(rest[slash...])
        })
    }
    let mentions = commands.joined().filter { sourcePlaceholders.contains($0) }.count
    let readers = commands.filter { $0.contains(sourcePlaceholders[0]) }
    guard mentions == 2, readers.count == 1,
      let first = readers[0].firstIndex(of: sourcePlaceholders[0]),
      readers[0].dropFirst(first + 1).first == sourcePlaceholders[1],
      !commands.joined().contains(where: { $0.contains(temporaryFolder) })
    else { return nil }
    if text.contains(outputPlaceholder) {
      guard commands.last?.contains(outputPlaceholder) == true else { return nil }
    }
    return DriverPlan(commands: commands)
  }

  /// The program and arguments that carry out the plan for `sources`, writing `output`, with
  /// `temporary` (an existing folder) for the intermediate files: the one command itself, or
  /// `/bin/sh` running the commands one after the other, stopping at the first that fails.
  ///
  /// The shell gets the sources as arguments of their own (`"$@"` in its script): Linux takes
  /// no single argument over 128 KiB, which a script naming a thousand files would be.
  func invocation(sources: [String], output: String?, temporary: String) -> (
    executable: String, arguments: [String]
  ) {
    let sourcesWord = "\u{0}sources"
    let concrete = commands.map { command in
      command.enumerated().compactMap { index, word -> String? in
        if word == Self.sourcePlaceholders[0] { return sourcesWord }
        if word == Self.sourcePlaceholders[1], index > 0,
          command[index - 1] == Self.sourcePlaceholders[0]
        {
          return nil
        }
        return word.replacingOccurrences(of: Self.outputPlaceholder, with: output ?? "")
          .replacingOccurrences(of: Self.temporaryPlaceholder, with: temporary)
      }
    }
    if concrete.count == 1 {
      let words = concrete[0].flatMap { $0 == sourcesWord ? sources : [$0] }
      return (words[0], Array(words.dropFirst()))
    }
    let script = concrete.map { command in
      command.map { $0 == sourcesWord ? "\"$@\"" : ShellWords.quote($0) }.joined(separator: " ")
    }.joined(separator: " && ")
    // After the script, `$0` (the shell's name in messages), then the sources.
    return ("/bin/sh", ["-c", script, "sh"] + sources)
  }
}
