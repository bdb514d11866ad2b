import Foundation
import Testing

@testable import CheckerCore

/// Lines are read whatever ends them, so that no line ending hides code from the checker.
@Suite("Source lines: every line ending ends a line")
struct SourceLinesTests {
  /// Each line ending the brief names, by name.
  static let endings: [(name: String, text: String)] = [
    ("LF", "\n"), ("CRLF", "\r\n"), ("lone CR", "\r"), ("NEL", "\u{85}"),
    ("LINE SEPARATOR", "\u{2028}"), ("PARAGRAPH SEPARATOR", "\u{2029}"),
  ]

  @Test("three lines, whatever ends them", arguments: endings.map(\.name))
  func threeLines(ending name: String) throws {
    let ending = try #require(Self.endings.first { $0.name == name }).text
    let text = "first" + ending + "second" + ending + "third"
    #expect(text.sourceLines == ["first", "second", "third"])
    #expect((text + ending).sourceLines == ["first", "second", "third", ""])
  }

  @Test("mixed endings, and empty lines between them, keep every line's number")
  func mixed() {
    #expect("a\r\rb\r\n\nc\n\r".sourceLines == ["a", "", "b", "", "c", "", ""])
    #expect("".sourceLines == [""])
  }

  @Test("CRLF and a lone CR become LF; nothing else changes")
  func unixLineEndings() {
    #expect("a\r\nb\rc\nd\r\r\n".withUnixLineEndings == "a\nb\nc\nd\n\n")
    #expect("é\u{2028}x".withUnixLineEndings == "é\u{2028}x")
  }

  @Test("the tampering scan reads the line after a lone CR", arguments: endings.map(\.name))
  func swiftLineAfterEnding(ending name: String) throws {
    let ending = try #require(Self.endings.first { $0.name == name }).text
    let text = "// harmless" + ending + "@_cdecl(\"write\") func w() {}" + ending
    let submission = Submission(
      displayPath: "x", origin: .folder, languageMode: 6,
      files: [SourceFile(relativePath: "W.swift", text: text)])
    let found = TamperingScan.findings(in: submission)
    #expect(found.contains { $0.hasPrefix("W.swift:2: uses `@_cdecl`") }, "\(found)")
  }

  @Test("a CRLF Python file is not one comment line to the tampering scan")
  func pythonCRLF() {
    let text = "#!/usr/bin/env python3\r\n\"\"\"Doc.\"\"\"\r\nimport ctypes\r\n"
    var submission = Submission(
      displayPath: "x", origin: .folder, languageMode: 6,
      files: [SourceFile(relativePath: "0-basic_async_syntax.py", text: text)])
    submission.language = .python
    let found = TamperingScan.findings(in: submission)
    #expect(found.contains { $0.hasPrefix("0-basic_async_syntax.py:3: uses `ctypes`") }, "\(found)")
  }

  @Test("the loader reads a lone-CR Swift file as LF lines", arguments: ["\r", "\r\n"])
  func loaderNormalises(ending: String) throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent(
      "asynccheck-lines-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: root) }
    let text = ["func waitN() {", "  let x = 1", "}", ""].joined(separator: ending)
    try Data(text.utf8).write(to: root.appendingPathComponent("WaitN.swift"))
    let submission = try SubmissionLoader().load(path: root.path)
    #expect(submission.files.map(\.text) == ["func waitN() {\n  let x = 1\n}\n"])
  }
}
