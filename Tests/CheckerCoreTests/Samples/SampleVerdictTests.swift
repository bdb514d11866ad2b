import CheckerCore
import Foundation
import Testing

/// Grades every sample submission end to end, one at a time (so that timing is not disturbed by
/// other gradings), and compares each task's verdict with `checker/samples/verdicts.json`.
@Suite(
  "Sample submissions get their expected verdicts", .serialized, .tags(.spawnsProcesses),
  .notInQuickRuns, .timeLimit(.minutes(5)))
struct SampleVerdictTests {
  static let names = SampleCatalog.shared.samples.keys.sorted()

  @Test("the catalog lists the samples, and every listed sample exists")
  func catalogIsComplete() throws {
    #expect(Self.names.count >= 20)
    for name in Self.names {
      #expect(
        FileManager.default.fileExists(
          atPath: SampleCatalog.folder.appendingPathComponent(name).path))
    }
    let swiftSamples = try FileManager.default.contentsOfDirectory(
      atPath: SampleCatalog.folder.appendingPathComponent("swift").path)
    #expect(
      Set(swiftSamples.map { "swift/" + $0 }) == Set(Self.names.filter { $0.hasPrefix("swift/") }))
  }

  @Test("gets its verdicts", arguments: names)
  func verdicts(of name: String) async throws {
    let sample = try #require(SampleCatalog.shared.samples[name])
    let result = try await Grader().grade(
      Grader.Request(path: SampleCatalog.folder.appendingPathComponent(name).path, seed: 2024))
    #expect(result.report.tasks.count == Exercise.tasks.count)
    let language: Language = name.hasPrefix("python/") ? .python : .swift
    for task in result.report.tasks {
      let expectation = try #require(sample.expect["\(task.id)"])
      let view = TaskReportView(
        failed: task.checks.filter { $0.status == .failed }.map(\.name),
        skipped: task.checks.filter { $0.status == .skipped }.map(\.name),
        passed: task.checks.filter { $0.status == .passed }.map(\.name),
        behaviour: CheckCatalog.checks(forTask: task.id, language: language)
          .filter { !$0.readsSourceOnly }.map(\.name))
      let report = TextReport(usesColor: false, showsTimelines: false, command: "checker")
        .render(result.report)
      #expect(
        SampleCatalog.matches(view, expectation),
        "task \(task.id): expected '\(expectation)', got failed \(view.failed), skipped \(view.skipped)\n\(report)"
      )
    }
  }
}
