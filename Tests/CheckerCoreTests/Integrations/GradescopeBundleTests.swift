import Foundation
import Testing

/// Runs the Gradescope bundle's `run_autograder` against a temporary `/autograder` folder.
@Suite("The Gradescope bundle")
struct GradescopeBundleTests {
  static let script = SampleCatalog.folder.deletingLastPathComponent()
    .appendingPathComponent("ci/gradescope/run_autograder")

  func runAutograder(submission: URL?) async throws -> [String: Any] {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent(
      "autograder-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: root) }
    let target = root.appendingPathComponent("submission")
    if let submission {
      try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
      try FileManager.default.copyItem(at: submission, to: target)
    } else {
      try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
    }
    let status = try await offPool { () throws -> Int32 in
      let process = Process()
      process.executableURL = URL(fileURLWithPath: "/bin/bash")
      process.arguments = [Self.script.path]
      var environment = ProcessInfo.processInfo.environment
      environment["AUTOGRADER_ROOT"] = root.path
      environment["CHECKER"] =
        CheckerExecutableTests.productsFolder
        .appendingPathComponent("checker").path
      process.environment = environment
      process.standardOutput = FileHandle.nullDevice
      try process.run()
      process.waitUntilExit()
      return process.terminationStatus
    }
    #expect(status == 0)
    let data = try #require(
      FileManager.default.contents(atPath: root.appendingPathComponent("results/results.json").path)
    )
    return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
  }

  @Test("grades /autograder/submission into results.json")
  func gradesSubmission() async throws {
    let results = try await runAutograder(
      submission: SampleCatalog.folder.appendingPathComponent("swift/broken-measure-total"))
    let score = try #require(results["score"] as? Double)
    let maximum = try #require(results["max_score"] as? Double)
    #expect(score < maximum && score > 0)
    let tests = try #require(results["tests"] as? [[String: Any]])
    #expect(tests.count == Int(maximum))
    #expect(
      tests.contains { $0["number"] as? String == "2.2" && $0["status"] as? String == "failed" })
  }

  @Test("a submission it cannot grade still gets results.json: score 0 and the reason")
  func emptySubmission() async throws {
    let results = try await runAutograder(submission: nil)
    #expect(results["score"] as? Double == 0)
    #expect((results["output"] as? String)?.contains("no Swift sources") == true)
  }
}
