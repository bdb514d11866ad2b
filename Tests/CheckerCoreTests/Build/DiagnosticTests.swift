import Testing

@testable import CheckerCore

@Suite("Build helpers")
struct DiagnosticTests {
  @Test("compiler output in llvm style becomes diagnostics; other lines are dropped")
  func parse() {
    let output = """
      /tmp/x/src/A.swift:12:5: error: cannot find 'waitRandom' in scope
      /tmp/x/src/A.swift:3:1: warning: unused
      error: emit-module command failed
      """
    let diagnostics = Diagnostic.parse(output)
    #expect(diagnostics.count == 2)
    #expect(
      diagnostics[0]
        == Diagnostic(
          file: "/tmp/x/src/A.swift", line: 12, severity: .error,
          message: "cannot find 'waitRandom' in scope"))
  }

  @Test("the instrumenter renames declarations only, keeping spacing")
  func rename() {
    let text = "public func  waitRandom(maxDelay: Int) async -> Double { 0 }\nlet x = waitRandom\n"
    let renamed = Instrumenter.rename(["waitRandom"], in: text)
    #expect(renamed.hasPrefix("public func  asyncCheckStudentWaitRandom(maxDelay:"))
    #expect(renamed.hasSuffix("let x = waitRandom\n"))
    // A name in backticks is the same declaration.
    #expect(
      Instrumenter.rename(["waitRandom"], in: "func `waitRandom`(maxDelay: Int) -> Double { 0 }")
        == "func asyncCheckStudentWaitRandom(maxDelay: Int) -> Double { 0 }")
    #expect(Instrumenter.rename(["waitN"], in: "func waitNow() {}") == "func waitNow() {}")
  }

  @Test("blanking a function keeps every other line where it was")
  func blank() {
    let text = "a\nb\nc\nd"
    #expect(SubmissionBuilder.blank(lines: 2...3, in: text) == "a\n\n\nd")
  }
}

@Suite("The build's own failures")
struct BuildFailureTests {
  @Test("a corrupt module cache is told apart from a student's compile error")
  func moduleCache() {
    #expect(
      SubmissionBuilder.blamesModuleCache(
        "error: malformed or corrupted AST file: 'could not find file'"))
    #expect(
      !SubmissionBuilder.blamesModuleCache(
        "Solution.swift:3:5: error: cannot find 'waitRandm' in scope"))
  }

  @Test("running out of compiler time or memory is the submission's compile error")
  func limits() {
    let sources = [SourceFile(relativePath: "Big.swift", text: "let x = [1, 2]")]
    let error = SubmissionBuilder.limitError(sources, "more than 120 s")
    #expect(error.file == "Big.swift")
    #expect(error.message.hasPrefix("the compiler needed more than 120 s to type-check"))
    #expect(SubmissionBuilder.limitError(.timedOut(seconds: 120), sources) == error)
    let memory = SubmissionBuilder.limitError(.memoryLimit(bytes: 1 << 30), sources)
    #expect(memory?.message.contains("more than 1024 MiB of memory") == true)
    #expect(SubmissionBuilder.limitError(.exited(1), sources) == nil)
  }
}
