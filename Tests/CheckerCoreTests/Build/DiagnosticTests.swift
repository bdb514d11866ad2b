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
          file: "/tmp/x/src/A.swift", line: 12, severity: "error",
          message: "cannot find 'waitRandom' in scope"))
  }

  @Test("the instrumenter renames declarations only, keeping spacing")
  func rename() {
    let text = "public func  waitRandom(maxDelay: Int) async -> Double { 0 }\nlet x = waitRandom\n"
    let renamed = Instrumenter.rename(["waitRandom"], in: text)
    #expect(renamed.hasPrefix("public func  asyncCheckStudentWaitRandom(maxDelay:"))
    #expect(renamed.hasSuffix("let x = waitRandom\n"))
  }

  @Test("blanking a function keeps every other line where it was")
  func blank() {
    let text = "a\nb\nc\nd"
    #expect(SubmissionBuilder.blank(lines: 2...3, in: text) == "a\n\n\nd")
  }
}
