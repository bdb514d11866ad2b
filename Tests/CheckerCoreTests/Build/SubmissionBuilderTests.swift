import Foundation
import Testing

@testable import CheckerCore

/// `SubmissionBuilder`'s steps, on small submissions: what each task becomes, and which program
/// is built.
@Suite(
  "SubmissionBuilder", .serialized, .tags(.spawnsProcesses), .notInQuickRuns,
  .timeLimit(.minutes(5)))
struct SubmissionBuilderTests {
  static let correct = [
    "/// Sleeps.\nfunc waitRandom(maxDelay: Int = 10) async -> Double {\n  let d = Double.random(in: 0...Double(maxDelay))\n  try? await Task.sleep(for: .seconds(d))\n  return d\n}\n",
    "/// Collects.\nfunc waitN(n: Int, maxDelay: Int) async -> [Double] {\n  await withTaskGroup(of: Double.self) { group in\n    for _ in 0..<n { group.addTask { await waitRandom(maxDelay: maxDelay) } }\n    var all: [Double] = []\n    for await d in group { all.append(d) }\n    return all\n  }\n}\n",
    "/// Times.\nfunc measureTime(n: Int, maxDelay: Int) async -> Double {\n  let t = await ContinuousClock().measure { _ = await waitN(n: n, maxDelay: maxDelay) }\n  return n == 0 ? 0 : Double(t.components.seconds) / Double(n)\n}\n",
    "/// Starts.\nfunc taskWaitRandom(maxDelay: Int) -> Task<Double, Never> {\n  Task { await waitRandom(maxDelay: maxDelay) }\n}\n",
    "/// Collects tasks.\nfunc taskWaitN(n: Int, maxDelay: Int) async -> [Double] {\n  await waitN(n: n, maxDelay: maxDelay)\n}\n",
  ]

  /// Builds one file made of `functions`.
  static func build(_ functions: [String]) throws -> BuildResult {
    let workspace = try Workspace.make()
    defer { workspace.remove() }
    let submission = Submission(
      displayPath: "Solution.swift", origin: .file, languageMode: 6,
      files: [SourceFile(relativePath: "Solution.swift", text: functions.joined(separator: "\n"))])
    return try SubmissionBuilder(toolchain: try Toolchain.find(), workspace: workspace)
      .build(submission, tasks: Exercise.tasks)
  }

  @Test("a submission that compiles as assumed runs the speculative, recording program")
  func speculative() async throws {
    let build = try await offPool { try Self.build(Self.correct) }
    #expect(build.submissionErrors.isEmpty)
    #expect(
      Exercise.tasks.allSatisfy { build.availability[$0.id] == .callable(signatureProblem: nil) })
    #expect(build.launcher != nil && build.isInstrumented)
  }

  @Test("a task function that does not compile is blanked: that task fails, the others run")
  func blanksBrokenTask() async throws {
    var functions = Self.correct
    functions[2] =
      "/// Times.\nfunc measureTime(n: Int, maxDelay: Int) async -> Double {\n  return \"no\"\n}\n"
    let sources = functions
    let build = try await offPool { try Self.build(sources) }
    guard case .compileError(let errors)? = build.availability[2] else {
      Issue.record("task 2: \(String(describing: build.availability[2]))")
      return
    }
    #expect(errors.first?.file == "Solution.swift")
    #expect(build.submissionErrors.isEmpty)
    #expect([0, 1, 3, 4].allSatisfy { build.availability[$0]?.isCallable == true })
    #expect(build.launcher != nil && build.isInstrumented)
  }

  @Test("a list function that is not async is callable, with its signature problem")
  func notAsync() async throws {
    var functions = Self.correct
    // Compiles beside the others (a plain function converts to an async function type): only
    // the probes tell.
    functions[1] =
      "/// Collects.\nfunc waitN(n: Int, maxDelay: Int) -> [Double] {\n  (0..<n).map { _ in 0 }\n}\n"
    let sources = functions
    let build = try await offPool { try Self.build(sources) }
    #expect(build.availability[1] == .callable(signatureProblem: "it is not async"))
    #expect([0, 2, 3, 4].allSatisfy { build.availability[$0] == .callable(signatureProblem: nil) })
    #expect(build.launcher != nil && build.isInstrumented)
  }

  @Test("a missing default maxDelay leaves task 0 callable, with its signature problem")
  func missingDefault() async throws {
    var functions = Self.correct
    functions[0] = functions[0].replacingOccurrences(
      of: "maxDelay: Int = 10", with: "maxDelay: Int")
    let sources = functions
    let build = try await offPool { try Self.build(sources) }
    #expect(
      build.availability[0]
        == .callable(
          signatureProblem: "maxDelay has no default value (\(Exercise.defaultMaxDelay))"))
    #expect(build.launcher != nil)
  }

  @Test("an error outside every task function is the submission's: nothing runs")
  func submissionError() async throws {
    let build = try await offPool { try Self.build(Self.correct + ["let broken: Int = \"x\"\n"]) }
    #expect(build.submissionErrors.count == 1)
    #expect(build.launcher == nil)
    #expect(
      Exercise.tasks.allSatisfy {
        if case .compileError = build.availability[$0.id] { return true }
        return false
      })
  }
}
