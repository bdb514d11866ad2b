import Testing

@testable import CheckerCore

/// The exercise model is the one source of task facts: what the checks, the plan and the
/// reports derive from it.
@Suite("The exercise model")
struct ExerciseModelTests {
  @Test("each task's built-on check is named after the function it builds on")
  func builtOnCheckNames() {
    let names: [Int: String?] = [
      0: nil, 1: "uses-wait-random", 2: "uses-wait-n", 3: "uses-wait-random",
      4: "uses-task-wait-random",
    ]
    for (id, name) in names {
      #expect(Exercise.task(id)?.builtOnCheckName == name, "task \(id)")
    }
    // Every task that builds on another has that one check, last of its behaviour checks,
    // titled with the function it builds on; one that builds on none has none.
    for task in Exercise.tasks {
      let checks = CheckCatalog.checks(forTask: task.id)
      let behaviour = checks.filter { !CheckCatalog.requirementNames.contains($0.name) }
      guard let builtOn = task.builtOnTask else {
        #expect(!behaviour.contains { $0.name.hasPrefix("uses-") }, "task \(task.id)")
        continue
      }
      #expect(behaviour.last?.name == task.builtOnCheckName, "task \(task.id)")
      #expect(
        behaviour.last?.title.text(in: .swift).contains(builtOn.signature.name) == true,
        "task \(task.id)")
      #expect(checks.filter { $0.name == task.builtOnCheckName }.count == 1)
      #expect(checks.filter { $0.name == "in-bounds" }.count <= 1)
    }
  }

  @Test("checks are chosen by what a task does, not by its number")
  func catalogByBehaviour() {
    let one = CheckCatalog.checks(forTask: 1).map(\.name)
    let four = CheckCatalog.checks(forTask: 4).map(\.name)
    // The same list checks, each built on its own prerequisite.
    #expect(one.dropLast(3) == four.dropLast(3))
    #expect(CheckCatalog.checks(forTask: 99).isEmpty)
  }

  @Test(
    "a call is written from the task's labels, in either language",
    arguments: [
      (1, ["n": 3, "maxDelay": 1], Language.swift, "waitN(n: 3, maxDelay: 1)"),
      (1, ["n": 3, "maxDelay": 1], .python, "wait_n(3, 1)"),
      (0, [:], .swift, "waitRandom()"),
      (3, ["maxDelay": 2, "n": 9], .python, "task_wait_random(2)"),
    ])
  func calls(task: Int, arguments: [String: Int], language: Language, expected: String) throws {
    #expect(try #require(Exercise.task(task)).call(arguments, in: language) == expected)
  }

  @Test("planned calls and check titles take their names from the model")
  func namesFromTheModel() {
    let call = PlannedCall(
      id: 0, taskID: 2, n: 4, maxDelay: 1, purpose: .sample)
    #expect(call.description == "measureTime(n: 4, maxDelay: 1)")
    #expect(call.description(in: .python) == "measure_time(4, 1)")
    #expect(Exercise.parameterNames.map(\.python) == ["max_delay", "n"])
    let title: CheckTitle =
      "calls \(function: Exercise.tasks[3])(\(parameter: "maxDelay")) \(2) times"
    #expect(title.text(in: .swift) == "calls taskWaitRandom(maxDelay) 2 times")
    #expect(title.text(in: .python) == "calls task_wait_random(max_delay) 2 times")
    #expect(
      WaitRandomChecks.defaultMaxDelay.title.text(in: .python)
        == "max_delay defaults to \(Exercise.defaultMaxDelay)")
  }

  @Test("the default-argument probe calls the random-delay function with no argument")
  func defaultProbe() {
    #expect(
      SignatureProbe.defaultArgumentFile
        == "func asyncCheckProbeDefault() async { let _: Double = await waitRandom() }\n")
  }

  @Test("renaming touches declarations of the task functions only, keeping every line")
  func instrumenterRenames() {
    let text = """
      func waitN(n: Int, maxDelay: Int) async -> [Double] { await waitN2() }
      func waitN2() async -> [Double] { [] }
      let f = waitN
      func  waitRandom(maxDelay: Int = 10) async -> Double { 0 }
      """
    let renamed = Instrumenter.rename(["waitN", "waitRandom"], in: text)
    #expect(renamed.split(separator: "\n").count == text.split(separator: "\n").count)
    #expect(renamed.contains("func asyncCheckStudentWaitN(n: Int"))
    #expect(renamed.contains("func waitN2()"), "a longer name is not the task's")
    #expect(renamed.contains("let f = waitN\n"), "a use is not a declaration")
    #expect(renamed.contains("func  asyncCheckStudentWaitRandom("))
  }

  @Test(
    "a manifest's language mode: the target's setting, the package's, else the tools version's",
    arguments: [
      ("// swift-tools-version: 6.0\n", 6),
      ("// swift-tools-version:5.9\n", 5),
      ("// swift-tools-version: 6.0\nlet p = Package(swiftLanguageModes: [.v5])\n", 5),
      (
        "// swift-tools-version: 6.0\n.target(name: \"Lib\", swiftSettings: "
          + "[.swiftLanguageMode(.v5)])\n", 5
      ),
      ("no header at all", 5),
    ])
  func manifestLanguageMode(text: String, mode: Int) {
    #expect(PackageManifest(text: text).languageMode(forTarget: "Lib") == mode)
  }
}
