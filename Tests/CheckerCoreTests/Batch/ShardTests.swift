import Foundation
import Testing

@testable import CheckerCore

/// A class graded in parts, on several machines or CI jobs, then merged.
@Suite(
  "Shards and merge-grades", .serialized, .tags(.spawnsProcesses), .notInQuickRuns,
  .timeLimit(.minutes(10)))
struct ShardTests {
  @Test("each student is in exactly one of N parts, the same one every time")
  func partition() throws {
    let students = (0..<200).map { "student\($0)" }
    for count in [1, 3, 7] {
      let shards = try (1...count).map { try #require(Shard("\($0)/\(count)")) }
      for student in students {
        #expect(shards.filter { $0.contains(student) }.count == 1)
      }
      // Roughly equal parts.
      for shard in shards {
        #expect(students.filter(shard.contains).count >= 200 / count / 2)
      }
    }
    #expect(Shard("0/3") == nil && Shard("4/3") == nil && Shard("x") == nil)
  }

  @Test("a class graded in 3 shards and merged gives the gradebook of one run with that seed")
  func threeShards() async throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent(
      "asynccheck-shards-\(UUID().uuidString)")
    let klass = root.appendingPathComponent("class")
    defer { try? FileManager.default.removeItem(at: root) }
    try FileManager.default.createDirectory(at: klass, withIntermediateDirectories: true)
    // Samples whose verdicts do not depend on timing, and a student with nothing handed in.
    for sample in [
      "python/correct-as-completed", "python/broken-sorted", "python/broken-no-docstrings",
      "python/broken-missing-file", "python/broken-raises", "python/correct-callback",
    ] {
      try FileManager.default.copyItem(
        at: SampleCatalog.folder.appendingPathComponent(sample),
        to: klass.appendingPathComponent(sample.replacingOccurrences(of: "/", with: "-")))
    }
    try FileManager.default.createDirectory(
      at: klass.appendingPathComponent("zz-nothing"), withIntermediateDirectories: true)

    // Off the cooperative pool: a batch blocks its thread for seconds.
    func gradeAll(_ extra: [String], out: String) async throws -> CommandOutput {
      let arguments =
        ["grade-all", klass.path, "--out", root.appendingPathComponent(out).path, "--seed", "77"]
        + extra
      return await offPool { CheckerCommand.run(arguments: arguments) }
    }
    let single = try await gradeAll([], out: "single")
    #expect(single.status == .success, "\(single.standardError)")
    var parts: [String] = []
    for index in 1...3 {
      let part = try await gradeAll(["--shard", "\(index)/3"], out: "shard-\(index)")
      #expect(part.status == .success, "\(part.standardError)")
      parts.append(root.appendingPathComponent("shard-\(index)").path)
    }
    let merged = CheckerCommand.run(
      arguments: ["merge-grades", "--out", root.appendingPathComponent("merged").path] + parts)
    #expect(merged.status == .success, "\(merged.standardError)")
    func text(_ path: String) throws -> String {
      try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }
    let mergedBook = try text("merged/grades.csv")
    let singleBook = try text("single/grades.csv")
    #expect(mergedBook == singleBook, "merged:\n\(mergedBook)\none run:\n\(singleBook)")
    // Every student's reports are there, as one run writes them.
    let names = try FileManager.default.contentsOfDirectory(atPath: klass.path).sorted()
    let reports = try FileManager.default.contentsOfDirectory(
      atPath: root.appendingPathComponent("merged/reports").path
    ).sorted()
    // The student with nothing handed in too: a report that says so.
    #expect(reports == names)
    #expect(try text("merged/reports/zz-nothing/report.txt").contains("Status: no-submission"))
    // The dashboard, merged as written by one run: a row per row of grades.csv.
    for folder in ["merged", "single"] {
      let rows =
        try text("\(folder)/index.html").components(separatedBy: "<tr data-status=").count - 1
      #expect(rows == singleBook.split(separator: "\n").count - 1, "\(folder)/index.html")
    }
    // The summary's lines between the first (the time) and the last (the folder) are the same,
    // but for the sandbox's, which only a run that graded can name.
    let summary = merged.standardOutput.split(separator: "\n").dropFirst(2).dropLast()
    let alone = single.standardOutput.split(separator: "\n").dropFirst().dropLast()
    #expect(
      alone.last?.hasPrefix("Sandbox: ") == true || alone.last?.hasPrefix("Not sandboxed") == true)
    #expect(Array(summary) == Array(alone.dropLast()))

    // Shards of different seeds, or the same shard twice, are refused.
    let other = try await gradeAll(["--shard", "2/3", "--seed", "78"], out: "other-seed")
    #expect(other.status == .success)
    let mixed = CheckerCommand.run(
      arguments: [
        "merge-grades",
        "--out", root.appendingPathComponent("mixed").path, parts[0],
        root.appendingPathComponent("other-seed").path,
      ])
    #expect(mixed.status == .cannotRun)
    #expect(mixed.standardError.contains("with seed 77") && mixed.standardError.contains("78"))
    let twice = CheckerCommand.run(
      arguments: [
        "merge-grades", "--out", root.appendingPathComponent("twice").path, parts[0], parts[0],
      ])
    #expect(twice.status == .cannotRun)
    #expect(twice.standardError.contains("are both part 1/3"), "\(twice.standardError)")
    // A part left out would leave its students out of the gradebook: refused, naming it.
    let partial = CheckerCommand.run(
      arguments: [
        "merge-grades", "--out", root.appendingPathComponent("partial").path, parts[0], parts[1],
      ])
    #expect(partial.standardError.contains("part 3/3 missing"), "\(partial.standardError)")
    // Merging into a shard's own folder would overwrite it.
    let into = CheckerCommand.run(arguments: ["merge-grades", "--out", parts[0]] + parts)
    #expect(into.status == .cannotRun)
    #expect(into.standardError.contains("merge into another folder"))
    let noSeed = CheckerCommand.run(
      arguments: ["grade-all", klass.path, "--shard", "1/3"])
    #expect(noSeed.standardError.contains("--shard needs --seed"))
  }
}
