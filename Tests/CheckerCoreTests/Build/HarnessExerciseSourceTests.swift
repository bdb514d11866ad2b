import Foundation
import Testing

@testable import CheckerCore

/// The Swift harness's exercise part, generated from the exercise model, and the calls as both
/// harnesses receive them: keyed by task, with the task's arguments in order.
@Suite("The harnesses' task table is the exercise model")
struct HarnessExerciseSourceTests {
  @Test("each task gets a stand-in with the exercise's signature and a case in the dispatch")
  func standInsAndDispatch() {
    let text = HarnessExerciseSource.text
    for task in Exercise.tasks {
      let signature = task.signature
      let parameters = zip(signature.labels, signature.parameterTypes).map { "\($0): \($1)" }
      let header =
        "public func \(signature.name)(\(parameters.joined(separator: ", ")))"
        + (signature.isAsync ? " async" : "") + " -> \(signature.returnType) {"
      #expect(text.contains(header), "no stand-in for task \(task.id)")
      #expect(text.contains("AsyncCheckRun.gradedTask == \(task.id), "), "task \(task.id)")
      #expect(
        text.contains("case (\(task.id), \(signature.labels.count)):"),
        "no dispatch for task \(task.id)")
      #expect(
        signature.resultShape != nil,
        "the harness cannot report what task \(task.id) returns")
    }
    // The task with a default argument is also called without one.
    let random = Exercise.randomDelay
    #expect(text.contains("public func \(random.signature.name)() async -> Double {"))
    #expect(text.contains("case (\(random.id), 0):"))
    #expect(text.contains("maxDelay: \(Exercise.defaultMaxDelay))"))
  }

  @Test("a task another builds on records its calls; one nothing builds on records none")
  func recording() {
    let text = HarnessExerciseSource.text
    func standIn(_ task: ExerciseTask) -> Substring {
      guard let start = text.range(of: "public func \(task.signature.name)(") else { return "" }
      let rest = text[start.lowerBound...]
      return rest[..<(rest.range(of: "\n}\n")?.lowerBound ?? rest.endIndex)]
    }
    for task in Exercise.tasks {
      let body = String(standIn(task))
      #expect(!body.isEmpty, "no stand-in for task \(task.id)")
      #expect(body.contains("AsyncCheckRecord.") == task.isBuiltOn, "task \(task.id): \(body)")
    }
  }

  @Test(
    "a call is its id, its task and its arguments in the function's order",
    arguments: [
      (PlannedCall(id: 3, taskID: 1, n: 12, maxDelay: 1, purpose: .sample), "3:1:12,1"),
      (PlannedCall(id: 4, taskID: 0, n: 0, maxDelay: 2, purpose: .sample), "4:0:2"),
      (
        PlannedCall(
          id: 5, taskID: 0, usesDefault: true, n: 0, maxDelay: 10, purpose: .defaultArgument),
        "5:0:"
      ),
      (PlannedCall(id: 6, taskID: 3, n: 0, maxDelay: 1, purpose: .sample), "6:3:1"),
    ])
  func harnessArgument(call: PlannedCall, expected: String) {
    #expect(call.harnessArgument == expected)
  }

  @Test("the Python harness's description says how each task is called and read")
  func pythonDescription() throws {
    let data = Data(PythonBuilder.exerciseDescription.utf8)
    let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    let tasks = try #require(object["tasks"] as? [[String: Any]])
    #expect(tasks.count == Exercise.tasks.count)
    for (described, task) in zip(tasks, Exercise.tasks) {
      #expect(described["function"] as? String == task.python.name)
      #expect(described["has_default"] as? Bool == task.hasDefaultArgument)
      #expect((described["built_on"] as? Int) == task.builtOn)
      let expected = ["Double": "value", "[Double]": "values", "Task<Double, Never>": "task"]
      #expect(
        described["returns"] as? String == expected[task.signature.returnType], "task \(task.id)")
    }
  }
}
