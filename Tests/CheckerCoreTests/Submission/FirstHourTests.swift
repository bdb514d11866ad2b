import Foundation
import Testing

@testable import CheckerCore

/// What a student meets in their first hour: where they put their functions, and what the
/// checker says when it is not what it expects.
@Suite("A student's first hour")
struct FirstHourTests {
  func package(_ files: [String: String]) throws -> URL {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent(
      "asynccheck-first-hour-\(UUID().uuidString)")
    for (path, text) in files {
      let url = root.appendingPathComponent(path)
      try FileManager.default.createDirectory(
        at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(text.utf8).write(to: url)
    }
    return root
  }

  static let manifest = """
    // swift-tools-version: 6.0
    import PackageDescription
    let package = Package(name: "App", targets: [.executableTarget(name: "App")])
    """

  @Test("functions in an executable's main.swift are read, its top-level code left out")
  func executableTarget() throws {
    let root = try package([
      "Package.swift": Self.manifest,
      "Sources/App/main.swift": """
      /// Sleeps a random delay.
      func waitRandom(maxDelay: Int = 10) async -> Double { 0 }
      print(await waitRandom())
      """,
    ])
    defer { try? FileManager.default.removeItem(at: root) }
    let submission = try SubmissionLoader().load(path: root.path)
    #expect(submission.origin == .package(target: "App"))
    #expect(submission.files.map(\.relativePath) == ["Sources/App/main.swift"])
    #expect(!submission.files[0].text.contains("print"))
    #expect(submission.files[0].original?.contains("print") == true)
    #expect(submission.notes.first == "read 1 file: Sources/App/main.swift")
    #expect(
      submission.notes.contains { $0.hasPrefix("read the declarations of Sources/App/main.swift") })
  }

  @Test("the starter: the library with the functions is graded, not the Playground")
  func starter() throws {
    let starter = SampleCatalog.folder.appendingPathComponent("swift/starter")
    let submission = try SubmissionLoader().load(path: starter.path)
    #expect(submission.origin == .package(target: "AsyncBasics"))
    #expect(submission.files.map(\.relativePath) == ["Sources/AsyncBasics/AsyncBasics.swift"])
  }

  @Test(
    "code that is not the exercise gets one sentence, naming what was expected and read",
    .tags(.spawnsProcesses), .notInQuickRuns, .timeLimit(.minutes(5)))
  func notTheExercise() async throws {
    let root = try package(["Hello.swift": "/// Says hello.\nfunc hello() -> String { \"hi\" }\n"])
    defer { try? FileManager.default.removeItem(at: root) }
    let path = root.path
    let output = await offPool { CheckerCommand.run(arguments: [path]) }
    #expect(output.status == .cannotRun)
    #expect(
      output.standardError
        == "checker: this does not look like the async basics exercise: expected waitRandom, "
        + "waitN, measureTime, taskWaitRandom and taskWaitN in \(root.path), and none of them "
        + "is there (read: Hello.swift)\n")
  }
}
