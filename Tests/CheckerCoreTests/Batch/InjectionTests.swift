import Foundation
import Testing

@testable import CheckerCore

/// Student-controlled text (folder names, printed output) that tries to fake a teacher's
/// reports: `grade-all` run as a teacher runs it, then its outputs read back.
@Suite(
  "Injections through names and output reach no report", .tags(.spawnsProcesses), .notInQuickRuns,
  .timeLimit(.minutes(10)))
struct InjectionTests {
  @Test("no control character in text reports, no live formula in grades.csv, no clash")
  func injectedClass() async throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent(
      "asynccheck-injection-\(UUID().uuidString)")
    let klass = root.appendingPathComponent("class")
    let output = root.appendingPathComponent("grades")
    try FileManager.default.createDirectory(at: klass, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: root) }
    let samples = SampleCatalog.folder
    // Folder names cannot hold "/": everything else is allowed.
    let students: [(name: String, sample: String)] = [
      ("=HYPERLINK(\"evil.example\";\"bob\")", "python/correct-as-completed"),
      ("eve\u{1b}[2J\nScore: 60 of 60 checks (100%)", "python/broken-sorted"),
      ("bob", "hostile/ansi-output"),
      ("bob.github", "python/broken-sequential"),
      // A right-to-left override: "mallory" then, reversed, "100% passing" in a listing.
      ("mallory\u{202E}gnissap %001", "python/broken-sequential"),
    ]
    for student in students {
      try FileManager.default.copyItem(
        at: samples.appendingPathComponent(student.sample),
        to: klass.appendingPathComponent(student.name))
    }

    // Off the cooperative pool: a batch blocks its thread for seconds.
    let run = await offPool {
      CheckerCommand.run(
        arguments: [
          "grade-all", klass.path, "--out", output.path, "--format", "text,json,html", "--seed",
          "3",
        ])
    }
    #expect(run.status == .success, "\(run.standardError)")

    // The summary and every text report: one line stays one line, no escape reaches a terminal.
    var texts = [run.standardOutput]
    for student in students {
      let folder = BatchGrader.reportFolder(for: student.name, in: output.path)
      texts.append(
        try String(contentsOf: folder.appendingPathComponent("report.txt"), encoding: .utf8))
    }
    for text in texts {
      #expect(!text.unicodeScalars.contains { $0 == "\u{1b}" || $0 == "\r" || $0 == "\u{202E}" })
      #expect(
        !text.split(separator: "\n").contains {
          $0.hasPrefix("Score: 58/58") || $0.hasPrefix("Score: 60 of 60")
        })
    }
    // The printed fake score is there, defused, for the teacher to see.
    #expect(texts[3].contains("Score: 58/58 checks (100%)"))

    // grades.csv: the formula is text, and the newline did not start a row.
    let csv = try String(
      contentsOf: output.appendingPathComponent("grades.csv"), encoding: .utf8)
    let rows = csv.split(separator: "\n")
    #expect(rows.count == students.count + 1, "\(rows)")
    for row in rows.dropFirst() {
      #expect(!["=", "+", "-", "@"].contains { row.hasPrefix($0) || row.hasPrefix("\"" + $0) })
    }
    #expect(rows.contains { $0.contains("'=HYPERLINK") })
    // The override is shown, not obeyed: in no cell, in no report's folder name.
    #expect(!csv.unicodeScalars.contains("\u{202E}"))
    #expect(rows.contains { $0.hasPrefix("mallory[U+202E]gnissap %001,") })
    let folders = try FileManager.default.contentsOfDirectory(
      atPath: output.appendingPathComponent("reports").path)
    #expect(folders.count == students.count, "\(folders)")
    #expect(
      !folders.contains { name in
        name.unicodeScalars.contains { $0.value < 0x20 || $0 == "\u{202E}" }
      })
    let html = try String(
      contentsOf: BatchGrader.reportFolder(for: students[4].name, in: output.path)
        .appendingPathComponent("report.html"), encoding: .utf8)
    #expect(!html.unicodeScalars.contains("\u{202E}") && html.contains("[U+202E]"))

    // `bob` and `bob.github` have reports of their own, with their own scores.
    func score(_ student: String) throws -> Double {
      let url = BatchGrader.reportFolder(for: student, in: output.path)
        .appendingPathComponent("report.json")
      let report = try JSONDecoder().decode(GradeReport.self, from: Data(contentsOf: url))
      return report.score
    }
    #expect(try score("bob") > score("bob.github"))
  }
}
