import Foundation
import Testing

@testable import CheckerCore

/// The Swift statement's requirements, read from sources: doc comments and `swift format lint`.
@Suite("Swift requirements")
struct SwiftRequirementTests {
  static func facts(_ text: String) -> SourceFacts {
    SourceFacts(
      submission: Submission(
        displayPath: "s", origin: .folder, languageMode: 6,
        files: [SourceFile(relativePath: "A.swift", text: text)]))
  }

  @Test(
    "the comment above a task function, through attributes, in either style",
    arguments: [
      (
        "/// Sleeps a random delay.\nfunc waitRandom(maxDelay: Int = 10) async -> Double { 0 }",
        "Sleeps a random delay."
      ),
      (
        "/// Sleeps\n/// a random delay.\n@MainActor\nfunc waitRandom(maxDelay: Int = 10) async -> Double { 0 }",
        "Sleeps a random delay."
      ),
      (
        "/**\n * Sleeps a random delay.\n */\nfunc waitRandom(maxDelay: Int = 10) async -> Double { 0 }",
        "Sleeps a random delay."
      ),
      ("// Sleeps a random delay.\nfunc waitRandom(maxDelay: Int = 10) async -> Double { 0 }", ""),
      ("/// Sleeps.\n\nfunc waitRandom(maxDelay: Int = 10) async -> Double { 0 }", ""),
    ])
  func documentation(text: String, comment: String) {
    let facts = Self.facts(text)
    #expect(facts.documentation[0] == comment)
  }

  @Test("a comment must be a sentence; a missing function is skipped, never passed")
  func documentedCheck() {
    func verdict(_ text: String) -> Verdict {
      SwiftRequirementChecks.documented.evaluate(
        CheckContext(
          task: Exercise.tasks[0],
          evidence: TaskEvidence(taskID: 0, calls: [], isInstrumented: false),
          facts: Self.facts(text), timeoutsAreReported: false))
    }
    #expect(
      verdict("/// Sleeps a random delay.\nfunc waitRandom(maxDelay: Int) async -> Double { 0 }")
        == .pass())
    guard
      case .fail(let message, _, _, let location, _) = verdict(
        "/// waitRandom\nfunc waitRandom(maxDelay: Int) async -> Double { 0 }")
    else {
      Issue.record("a one-word comment passed")
      return
    }
    #expect(message.contains("is not a sentence"))
    #expect(location?.description == "A.swift:2")
    guard case .skip = verdict("func other() {}") else {
      Issue.record("no waitRandom, yet not skipped")
      return
    }
  }

  @Test("swift format's findings are read and counted against the task whose code they are in")
  func lintFindings() {
    let output = """
      /w/lint/src/A.swift:3:1: warning: [Indentation] unindent by 2 spaces
      /w/lint/src/A.swift:40:101: warning: [LineLength] line is too long
      /w/lint/src/Helpers.swift:2:1: warning: [Indentation] unindent by 2 spaces
      not a finding
      """
    let findings = SwiftFormatFindings.parse(output, under: "/w/lint/src/")
    #expect(findings.map(\.file) == ["A.swift", "A.swift", "Helpers.swift"])
    #expect(
      findings[0] == .init(file: "A.swift", line: 3, message: "[Indentation] unindent by 2 spaces"))
    let extents: [Int: (file: String, lines: ClosedRange<Int>)] = [
      0: ("A.swift", 1...10), 1: ("A.swift", 12...30), 2: ("B.swift", 1...5),
    ]
    #expect(SwiftRequirementChecks.owner(of: findings[0], extents: extents) == 0)
    // Outside every function: the nearest in its file.
    #expect(SwiftRequirementChecks.owner(of: findings[1], extents: extents) == 1)
    // A file with no task function: task 0's.
    #expect(SwiftRequirementChecks.owner(of: findings[2], extents: extents) == 0)
  }

  @Test("a lint that never read the files is not taken for a clean one")
  func lintSentinel() {
    let lint = SwiftFormatLint(job: nil, prefix: "/w/", configuration: "c", unavailable: nil)
    func outcome(_ status: Int32, _ text: String) -> ProcessSupervisor.Outcome {
      ProcessSupervisor.Outcome(
        termination: .exited(status), output: Array(text.utf8), outputByteCount: text.utf8.count,
        channel: [], duration: 0.1)
    }
    let silent = outcome(0, "")
    #expect(lint.findings(silent) != .ran([], configuration: "c"))
    let read = outcome(1, "/w/\(SwiftFormatLint.sentinel):1:6: error: expected name\n")
    #expect(lint.findings(read) == .ran([], configuration: "c"))
  }

  @Test(
    "a finding is read whatever its file's name holds",
    arguments: ["a:1:1.swift", "x: warning: y.swift", "b:2.swift", "Sources/L/c:.swift"])
  func lintFindingsInOddNames(name: String) {
    let output = """
      /w/lint/src/\(name):3:1: warning: [Indentation] unindent by 2 spaces
      /w/lint/src/\(name):40:101: warning: [LineLength] line is too long: 120 > 100
      /w/lint/src/A.swift:2:1: warning: [Spacing] remove 1 space
      """
    let findings = SwiftFormatFindings.parse(
      output, under: "/w/lint/src/", files: ["A.swift", name, SwiftFormatLint.sentinel])
    #expect(
      findings == [
        .init(file: name, line: 3, message: "[Indentation] unindent by 2 spaces"),
        .init(file: name, line: 40, message: "[LineLength] line is too long: 120 > 100"),
        .init(file: "A.swift", line: 2, message: "[Spacing] remove 1 space"),
      ])
    // Without the list of files, read from the severity leftwards: the same findings, for a
    // name that does not itself hold a severity.
    if !name.contains(": warning: ") {
      #expect(SwiftFormatFindings.parse(output, under: "/w/lint/src/") == findings)
    }
  }

  @Test("a lint the submission stops fails the check; only a missing swift format drops it")
  func lintRefused() {
    func outcome(_ termination: ProcessSupervisor.Termination, _ text: String)
      -> ProcessSupervisor.Outcome
    {
      ProcessSupervisor.Outcome(
        termination: termination, output: Array(text.utf8), outputByteCount: text.utf8.count,
        channel: [], duration: 0.1)
    }
    let badConfiguration = outcome(
      .exited(1), "<unknown>: error: Unable to read configuration: not in the correct format\n")
    let students = SwiftFormatLint(
      job: nil, prefix: "/w/", configuration: "your .swift-format",
      isSubmissionsConfiguration: true)
    guard case .failed(let reason) = students.findings(badConfiguration) else {
      Issue.record("an unusable .swift-format did not fail the check")
      return
    }
    #expect(reason.contains("your .swift-format") && reason.contains("Unable to read"))
    let toolchains = SwiftFormatLint(job: nil, prefix: "/w/", configuration: "default")
    guard case .failed(let slow) = toolchains.findings(outcome(.timedOut(seconds: 60), "")) else {
      Issue.record("a lint past its time limit did not fail the check")
      return
    }
    #expect(slow.contains("within 60 s"))
    guard case .failed = toolchains.findings(outcome(.signaled(11), "")) else {
      Issue.record("a lint that crashed on the sources did not fail the check")
      return
    }
    let unreadable = SwiftFormatLint(
      job: nil, prefix: "", configuration: "your .swift-format", refused: "cannot read it")
    #expect(unreadable.findings(nil) == .failed("cannot read it"))
    let missing = SwiftFormatLint(job: nil, prefix: "", configuration: "", unavailable: "none")
    #expect(missing.findings(nil) == .unavailable("none"))
  }

  @Test("main.swift keeps its declarations; its top-level code and @main are left out")
  func entryPoint() {
    let text = """
      import Foundation

      /// Sleeps.
      func waitRandom(maxDelay: Int = 10) async -> Double {
        return 0
      }

      @MainActor
      let delays = await waitN(n: 5, maxDelay: 3)
      print(delays)
      for delay in delays {
        print(delay)
      }
      struct Point { var x = 0 }
      """
    let (kept, leftOut) = EntryPointFilter.declarationsOnly(text)
    #expect(leftOut)
    let lines = kept.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines.count == text.split(separator: "\n", omittingEmptySubsequences: false).count)
    #expect(lines[3] == "func waitRandom(maxDelay: Int = 10) async -> Double {")
    #expect(lines[7...12].allSatisfy { $0.isEmpty })
    #expect(lines[13] == "struct Point { var x = 0 }")
    let (noMain, hadMain) = EntryPointFilter.withoutMainAttribute(
      "@main\nstruct App { static func main() {} }\nlet s = \"@main\"\n@mainActorish")
    #expect(hadMain)
    #expect(
      noMain == "     \nstruct App { static func main() {} }\nlet s = \"@main\"\n@mainActorish")
  }

  @Test(
    "main.swift's declarations survive however they are laid out",
    arguments: [
      // A brace on a line of its own.
      ("func waitRandom(maxDelay: Int = 10) async -> Double\n{\n  return 0\n}\nprint(1)", 4),
      // A header over two lines.
      ("func waitN(n: Int, maxDelay: Int)\n  async -> [Double] {\n  []\n}\nprint(1)", 4),
      // An attribute with arguments on the same line.
      (
        "@available(macOS 13, *) func measureTime(n: Int, maxDelay: Int) async -> Double {\n  0\n}\nprint(1)",
        3
      ),
      // A global the functions use, and compiler directives.
      (
        "#if canImport(Glibc)\nimport Glibc\n#endif\nlet unit = 1.0\nfunc f() -> Double { unit }\nlet x = await g()\nprint(x)",
        5
      ),
    ])
  func entryPointLayouts(text: String, keptLines: Int) {
    let (kept, leftOut) = EntryPointFilter.declarationsOnly(text)
    #expect(leftOut)
    let lines = kept.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(
      lines.prefix(keptLines).map(String.init)
        == text.split(separator: "\n", omittingEmptySubsequences: false).prefix(keptLines).map(
          String.init))
    #expect(lines.dropFirst(keptLines).allSatisfy { $0.isEmpty }, "\(lines)")
  }

  @Test("a doc comment above an attribute that main.swift's filter left out still counts")
  func documentationInMainFile() {
    var file = SourceFile(
      relativePath: "main.swift",
      text:
        "/// Sleeps a random delay.\n\nfunc waitRandom(maxDelay: Int = 10) async -> Double { 0 }")
    file.original =
      "/// Sleeps a random delay.\n@available(macOS 10.15, *)\nfunc waitRandom(maxDelay: Int = 10) async -> Double { 0 }"
    let facts = SourceFacts(
      submission: Submission(displayPath: "s", origin: .folder, languageMode: 6, files: [file]))
    #expect(facts.documentation[0] == "Sleeps a random delay.")
  }
}
