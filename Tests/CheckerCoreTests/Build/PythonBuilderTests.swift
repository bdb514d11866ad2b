import Foundation
import Testing

@testable import CheckerCore

@Suite("PythonBuilder reads the Python probe")
struct PythonBuilderTests {
  func outcome(channel: String = "", output: String = "", status: Int32 = 0)
    -> ProcessSupervisor.Outcome
  {
    ProcessSupervisor.Outcome(
      termination: .exited(status), output: Array(output.utf8), outputByteCount: output.utf8.count,
      channel: Array(channel.utf8), duration: 0.1)
  }

  @Test("signatures, errors, dependencies and facts become availability and source facts")
  func probeLines() {
    let facts =
      ##"{"first_line": "#!/usr/bin/env python3", "ends_with_newline": true, "executable": false, "module_docstring": "A module.", "functions": [], "sorting_lines": [12]}"##
    let lines = [
      "P\t0\tdefault\t10", "P\t0\tok\tasync def wait_random(max_delay: int = 10) -> float",
      "P\t1\terror\t{\"file\": \"1-concurrent_coroutines.py\", \"line\": 7, \"message\": \"NameError: x\"}",
      "P\t2\tneeds\t1", "P\t3\twrong\tasync def task_wait_random(max_delay)",
      "P\t4\tmissing-file\t",
      // Facts come from the facts process, never from the probe, which runs student code.
      "F\t4\t" + facts,
    ]
    let (availability, read, _) = PythonBuilder.read(
      probe: outcome(channel: lines.joined(separator: "\n")))
    #expect(availability[0] == .callable(signatureProblem: nil))
    #expect(
      availability[1]
        == .compileError([
          Diagnostic(
            file: "1-concurrent_coroutines.py", line: 7, severity: .error, message: "NameError: x")
        ]))
    #expect(availability[2] == .needsTask(1))
    #expect(availability[3] == .wrongSignature(found: "async def task_wait_random(max_delay)"))
    #expect(availability[4] == .missing)
    #expect(read.waitRandomHasDefault && read.waitRandomDefaultLiteral == 10)
    #expect(read.pythonFiles.isEmpty)
    let files = PythonBuilder.readFacts("F\t4\t" + facts + "\nD\t0\n")
    #expect(files.sortingPlaces(forTask: 4).map(\.description) == ["4-tasks.py:12"])
    #expect(files.pythonFiles[4]?.executable == false)
  }

  @Test("the audit hook's findings are read; a record it refused counts as forged")
  func auditLines() {
    let lines = [
      "A\tframes\t1-concurrent_coroutines.py\t12\tsys._getframe",
      "A\tforged\t1-concurrent_coroutines.py\t14\tasynccheck.ended", "P\t1\tok\tx",
    ]
    let (_, read, findings) = PythonBuilder.read(
      probe: outcome(channel: lines.joined(separator: "\n")))
    #expect(read.forgedLines == 1)
    #expect(
      findings == [
        "1-concurrent_coroutines.py:12: sys._getframe (reads the running program's frames)",
        "1-concurrent_coroutines.py:14: asynccheck.ended (wrote a record the harness did not write)",
      ])
  }

  @Test("a probe that says nothing fails every task with the reason")
  func silentProbe() {
    let (availability, _, _) = PythonBuilder.read(probe: outcome(status: 1))
    #expect(availability.count == Exercise.tasks.count)
    #expect(availability.values.allSatisfy { !$0.isCallable })
  }

  @Test("pycodestyle's messages come with their file's facts; without it they stay unknown")
  func style() {
    func facts(_ style: String) -> String {
      ##"{"first_line": "", "ends_with_newline": true, "executable": true"## + style + "}"
    }
    let lines = [
      "F\t0\t" + facts(##", "pycodestyle": ["0-basic_async_syntax.py:3:80: E501 line too long"]"##),
      "F\t1\t" + facts(##", "pycodestyle": []"##), "F\t2\t" + facts(""),
    ]
    let read = PythonBuilder.readFacts(lines.joined(separator: "\n"))
    #expect(
      read.pythonFiles[0]?.pycodestyle == ["0-basic_async_syntax.py:3:80: E501 line too long"])
    #expect(read.pythonFiles[1]?.pycodestyle == [])
    #expect(read.pythonFiles[2] != nil && read.pythonFiles[2]?.pycodestyle == nil)
  }

  @Test("the Python harness's task table is the exercise model's, handed over as JSON")
  func exerciseDescription() throws {
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(PythonBuilder.exerciseDescription.utf8))
        as? [String: Any])
    let tasks = try #require(object["tasks"] as? [[String: Any]])
    // The channel guard's program, as the Swift harness gets it too.
    let guardProgram = try #require(object["channel_guard"] as? String)
    #expect(guardProgram.count == 2 * SeccompFilter.channelGuard.programBytes.count)
    #expect(guardProgram.count == 16 * SeccompFilter.channelGuard.program().count)
    #expect(
      tasks.map { $0["module"] as? String }
        == Exercise.tasks.map { String($0.python.file.dropLast(3)) })
    #expect(tasks.map { $0["function"] as? String } == Exercise.tasks.map(\.python.name))
    #expect(
      tasks.map { $0["coroutine"] as? Bool }
        == Exercise.tasks.map { $0.python.declaration.hasPrefix("async def ") })
    #expect(
      tasks.map { $0["parameters"] as? [String] } == Exercise.tasks.map(\.python.parameterNames))
    // No table of its own: no file name of the project written in the harness's code.
    for name in ["asynccheck_harness.py", "asynccheck_facts.py"] {
      let text = try HarnessProtocolTests.harness(name)
      for task in Exercise.tasks {
        #expect(
          !text.contains("\"\(task.python.file.dropLast(3))\""), "\(name) names \(task.python.file)"
        )
      }
    }
  }

  @Test("calls read as Python: wait_n(12, 1)")
  func pythonCalls() {
    let call = PlannedCall(id: 0, taskID: 1, n: 12, maxDelay: 1, purpose: .sample)
    #expect(call.description(in: .python) == "wait_n(12, 1)")
    #expect(call.description(in: .swift) == "waitN(n: 12, maxDelay: 1)")
  }

  @Test("an exception ends its own call only")
  func exceptionPerCall() {
    let calls = RunPlan(seed: 1).calls(forTask: 1)
    let channel = "X\t\(calls[0].id)\tZeroDivisionError: division by zero\nD\t1\n"
    let evidence = HarnessReader.evidence(
      taskID: 1, calls: calls, outcome: outcome(channel: channel), instrumented: true)
    #expect(evidence.calls[0].interruption == .raised("ZeroDivisionError: division by zero"))
    #expect(evidence.calls.dropFirst().allSatisfy { $0.interruption == nil })
  }
}
