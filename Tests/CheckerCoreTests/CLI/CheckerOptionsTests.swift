import Foundation
import Testing

@testable import CheckerCore

@Suite("CheckerOptions parses the command line")
struct CheckerOptionsTests {
  @Test("no arguments grade the reference, every task, as text")
  func defaults() throws {
    let options = try CheckerOptions.parse([])
    #expect(options.path == nil)
    #expect(options.taskIDs == Exercise.tasks.map(\.id))
    #expect(options.format == .text)
    #expect(options.grading.seed == nil)
  }

  @Test("reads a path and every option, in both --name value and --name=value forms")
  func everyOption() throws {
    let options = try CheckerOptions.parse([
      "--seed", "4242", "--task=3,0", "--format", "json", "--timeline", "--keep-build",
      "--target", "Lib", "--swift-version=5", "--no-color", "path/to/pkg",
    ])
    #expect(options.path == "path/to/pkg")
    #expect(options.grading.seed == 4242)
    #expect(options.taskIDs == [0, 3])
    #expect(options.format == .json)
    #expect(options.showsTimelines && options.keepsBuild && options.disablesColor)
    #expect(options.target == "Lib")
    #expect(options.languageMode == 5)
  }

  @Test(
    "rejects what it cannot use, naming it",
    arguments: [
      (["--bogus"], UsageError.unknownOption("--bogus", command: "checker")),
      (["--seed"], .missingValue(option: "--seed", command: "checker")),
      (
        ["--seed", "-3"],
        .invalidValue(option: "--seed", value: "-3", expected: "a whole number ≥ 0")
      ),
      (
        ["--seed", "abc"],
        .invalidValue(option: "--seed", value: "abc", expected: "a whole number ≥ 0")
      ),
      (
        ["--task", "\(Exercise.tasks.count + 2)"],
        .invalidValue(
          option: "--task", value: "\(Exercise.tasks.count + 2)",
          expected: "task numbers 0 to \(Exercise.tasks.count - 1), as in 0,3")
      ),
      (
        ["--swift-version", "4"],
        .invalidValue(option: "--swift-version", value: "4", expected: "5 or 6")
      ),
      (["a", "b"], .tooManyArguments(["a", "b"], expected: "one submission at a time")),
      (
        ["--timeline=yes"],
        .invalidValue(option: "--timeline", value: "yes", expected: "no value (it is a flag)")
      ),
      (
        ["--swift-version", "abc"],
        .invalidValue(option: "--swift-version", value: "abc", expected: "5 or 6")
      ),
      (["--reference", "a"], .referenceWithPath("a")),
    ])
  func rejects(arguments: [String], error: UsageError) {
    #expect(throws: error) { try CheckerOptions.parse(arguments) }
  }

  @Test("the help documents every option and the exit statuses")
  func helpIsComplete() {
    for word in [
      "--reference", "--target", "--swift-version", "--seed", "--task", "--format", "--timeline",
      "--keep-build", "--no-color", "--help", "EXIT STATUS", "0  every check passed",
      "1  a check failed", "2  the checker could not run",
    ] {
      #expect(CheckerOptions.help.contains(word), "help lacks \(word)")
    }
  }

  @Test("--target picks a package's target: on one file, or on the reference, it is refused")
  func targetNeedsAPackage() throws {
    let file = FileManager.default.temporaryDirectory.appendingPathComponent(
      "asynccheck-target-\(UUID().uuidString).swift")
    try Data("func f() {}\n".utf8).write(to: file)
    defer { try? FileManager.default.removeItem(at: file) }
    #expect(
      throws: UsageError.conflict(
        "--target picks a package's target; \(file.path) is one file, not a package")
    ) { try CheckerOptions.parse(["--target", "Solution", file.path]) }
    #expect(throws: UsageError.self) { try CheckerOptions.parse(["--target", "Solution"]) }
    // A folder may be a package: it is read, and the loader says when the target is not there.
    let folder = file.deletingLastPathComponent().path
    #expect(try CheckerOptions.parse(["--target", "Solution", folder]).target == "Solution")
    #expect(try GradeAllCommand.parse(["--target", "Solution", folder]).target == "Solution")
  }

  @Test(
    "every command's help has the same shape: usage, options, exit statuses",
    arguments: [[], ["grade-all"], ["merge-grades"], ["bundle"]])
  func helpShape(command: [String]) {
    let help = CheckerCommand.run(arguments: command + ["--help"])
    #expect(help.status == .success)
    let text = help.standardOutput
    #expect(text.hasPrefix("USAGE: checker" + command.map { " " + $0 }.joined()), "\(text)")
    for section in [
      "\nOPTIONS:\n", "\nEXIT STATUS:\n  0  ", "  -h, --help            Show this help.",
    ] {
      #expect(text.contains(section), "\(command): no \(section)")
    }
  }

  @Test("--save FORMAT=FILE, as often as needed; a format it does not know is named")
  func saved() throws {
    let options = try CheckerOptions.parse(["--save", "html=a.html", "--save=junit=b=c.xml"])
    #expect(options.savedReports.map(\.format) == [.html, .junit])
    #expect(options.savedReports.map(\.path) == ["a.html", "b=c.xml"])
    for wrong in ["pdf=a.pdf", "html", "html="] {
      #expect(throws: UsageError.self) { try CheckerOptions.parse(["--save", wrong]) }
    }
  }

  @Test("every command reads options alike, and --help and --version win over mistakes")
  func everyCommand() {
    let help = CheckerCommand.run(arguments: ["grade-all", "--bogus", "--help"])
    #expect(help.status == .success && help.standardOutput.hasPrefix("USAGE: checker grade-all"))
    let version = CheckerCommand.run(arguments: ["--points", "/no/such.json", "--version"])
    #expect(version.status == .success && version.standardOutput.hasPrefix("asynccheck "))
    for (arguments, message) in [
      (["grade-all", "x", "--force=no"], "--force no: expected no value (it is a flag)"),
      (["grade-all", "--workers=0", "x"], "--workers 0: expected a whole number ≥ 1"),
      (["merge-grades", "--bogus"], "unknown option --bogus (see checker merge-grades --help)"),
      (["bundle", "gradescope", "--out"], "unknown option --out (see checker bundle --help)"),
      (["grade-all", "a", "b"], "give one class folder, not 2: a b"),
    ] {
      let output = CheckerCommand.run(arguments: arguments)
      #expect(output.status == .cannotRun)
      #expect(output.standardError == "checker: \(message)\n", "\(arguments)")
    }
  }
}
