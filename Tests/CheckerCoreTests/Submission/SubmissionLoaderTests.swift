import Foundation
import Testing

@testable import CheckerCore

@Suite("SubmissionLoader reads packages, folders and files")
struct SubmissionLoaderTests {
  let root: URL

  init() throws {
    root = FileManager.default.temporaryDirectory.appendingPathComponent(
      "asynccheck-loader-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
  }

  func write(_ text: String, _ path: String) throws {
    let url = root.appendingPathComponent(path)
    try FileManager.default.createDirectory(
      at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(text.utf8).write(to: url)
  }

  @Test("a file over the size limit is refused, naming it and its size")
  func tooLarge() throws {
    defer { try? FileManager.default.removeItem(at: root) }
    try write("func waitN() {}\n", "WaitN.swift")
    let size = 20_000_000
    try write("// " + String(repeating: "x", count: size - 4) + "\n", "Big.swift")
    let path = root.appendingPathComponent("Big.swift").path
    #expect(
      throws: SubmissionError.fileTooLarge(
        path: path, bytes: size, limit: SubmissionLoader.maximumFileBytes)
    ) {
      try SubmissionLoader().load(path: root.path)
    }
    let message = SubmissionError.fileTooLarge(
      path: path, bytes: size, limit: SubmissionLoader.maximumFileBytes
    ).localizedDescription
    #expect(message.contains(path) && message.contains("19.1 MiB") && message.contains("1 MiB"))
  }

  @Test("sources over the submission's limit together are refused")
  func submissionTooLarge() throws {
    defer { try? FileManager.default.removeItem(at: root) }
    let file = "// " + String(repeating: "x", count: SubmissionLoader.maximumFileBytes - 10) + "\n"
    for index in 0..<5 { try write(file, "F\(index).swift") }
    do {
      _ = try SubmissionLoader().load(path: root.path)
      Issue.record("5 MiB of sources were read")
    } catch {
      guard case .submissionTooLarge(let path, _, let limit) = error else {
        Issue.record("wrong error: \(error)")
        return
      }
      #expect(path == root.path && limit == SubmissionLoader.maximumSubmissionBytes)
    }
  }

  @Test("a .swift-format that cannot be read is a problem to report, not a file to ignore")
  func unreadableFormatConfiguration() throws {
    defer { try? FileManager.default.removeItem(at: root) }
    try write("func waitN() {}\n", "WaitN.swift")
    try Data([0xFF, 0xFE, 0x00]).write(to: root.appendingPathComponent(".swift-format"))
    let submission = try SubmissionLoader().load(path: root.path)
    #expect(submission.formatConfiguration == nil)
    #expect(submission.formatConfigurationProblem?.contains("not UTF-8") == true)
    try write("{}", ".swift-format")
    let readable = try SubmissionLoader().load(path: root.path)
    #expect(readable.formatConfiguration == "{}" && readable.formatConfigurationProblem == nil)
  }

  @Test("a package: its library target, not the executable or the tests; its language mode")
  func package() throws {
    defer { try? FileManager.default.removeItem(at: root) }
    try write("// swift-tools-version:5.9\nimport PackageDescription\n", "Package.swift")
    try write("func waitN() {}", "Sources/Lib/WaitN.swift")
    try write("print(1)", "Sources/App/main.swift")
    try write("import Testing", "Tests/LibTests/T.swift")
    let submission = try SubmissionLoader().load(path: root.path)
    #expect(submission.origin == .package(target: "Lib"))
    #expect(submission.files.map(\.relativePath) == ["Sources/Lib/WaitN.swift"])
    #expect(submission.languageMode == 5)
    #expect(try SubmissionLoader(languageMode: 6).load(path: root.path).languageMode == 6)
  }

  @Test("several libraries: --target picks one; a wrong name lists the targets")
  func severalTargets() throws {
    defer { try? FileManager.default.removeItem(at: root) }
    try write("// swift-tools-version: 6.0\n", "Package.swift")
    try write("func a() {}", "Sources/A/A.swift")
    try write("func b() {}", "Sources/B/B.swift")
    #expect(throws: SubmissionError.ambiguousTarget(candidates: ["A", "B"])) {
      try SubmissionLoader().load(path: root.path)
    }
    #expect(try SubmissionLoader(target: "B").load(path: root.path).files.count == 1)
    #expect(throws: SubmissionError.unknownTarget(name: "C", available: ["A", "B"])) {
      try SubmissionLoader(target: "C").load(path: root.path)
    }
  }

  @Test("a folder: every .swift file below it, main.swift's top-level code left out, Swift 6")
  func folder() throws {
    defer { try? FileManager.default.removeItem(at: root) }
    try write("func a() {}", "a.swift")
    try write("func b() {}", "sub/b.swift")
    try write("func c() {}\nprint(1)", "main.swift")
    try write("ignored", ".build/x.swift")
    let submission = try SubmissionLoader().load(path: root.path)
    #expect(submission.files.map(\.relativePath) == ["a.swift", "main.swift", "sub/b.swift"])
    #expect(submission.files[1].text == "func c() {}\n")
    #expect(
      submission.notes == [
        "read 3 files: a.swift, main.swift, sub/b.swift",
        "read the declarations of main.swift; its top-level code is left out (the checker calls "
          + "your functions itself)",
      ])
    #expect(submission.languageMode == 6)
  }

  @Test("Windows line endings in Swift files become new lines, keeping line numbers")
  func windowsLineEndings() throws {
    defer { try? FileManager.default.removeItem(at: root) }
    try write("func a() {}\r\n\r\nfunc waitN() {}\r\n", "A.swift")
    let file = try #require(try SubmissionLoader().load(path: root.path).files.first)
    #expect(file.text == "func a() {}\n\nfunc waitN() {}\n")
    #expect(SourceScanner(text: file.text).functions(named: "waitN").first?.startLine == 3)
  }

  @Test(
    "a file name with a control character is refused: tools report by name, line by line",
    arguments: ["Solution\n: warning: x.swift", "Tab\there.swift", "Back\u{202E}tfiws.swift"])
  func controlCharacterInName(name: String) throws {
    defer { try? FileManager.default.removeItem(at: root) }
    try write("func waitN() {}", name)
    let path = root.appendingPathComponent(name).path
    #expect(throws: SubmissionError.controlCharacterInName(path: path)) {
      try SubmissionLoader().load(path: root.path)
    }
    #expect(
      SubmissionError.controlCharacterInName(path: path).errorDescription?.contains("rename")
        == true)
  }

  @Test("a project one or two folders down is found, with a note; two projects are not guessed")
  func nestedProject() throws {
    defer { try? FileManager.default.removeItem(at: root) }
    // A zipped folder as uploaded: macOS's __MACOSX beside it, the package two levels down.
    try write("// swift-tools-version: 6.0\n", "upload/project/Package.swift")
    try write("func waitN() {}", "upload/project/Sources/Lib/WaitN.swift")
    try write("", "__MACOSX/upload/._Package.swift")
    let swift = try SubmissionLoader().load(path: root.path)
    #expect(swift.files.map(\.relativePath) == ["Sources/Lib/WaitN.swift"])
    #expect(
      swift.notes.first == "read the project in upload/project/, where the folder given holds it")
    // A repository with the Python project in a subfolder and a README at the top.
    let python = root.appendingPathComponent("repository")
    try write("# notes", "repository/README.md")
    try write("async def wait_random(): ...\n", "repository/0x01/0-basic_async_syntax.py")
    let loaded = try SubmissionLoader().load(path: python.path)
    #expect(loaded.language == .python)
    #expect(loaded.files.map(\.relativePath) == ["0-basic_async_syntax.py"])
    #expect(SubmissionLoader.nestedProject(in: python)?.lastPathComponent == "0x01")
    // Two candidates: none is chosen.
    try write("async def wait_random(): ...\n", "repository/0x02/0-basic_async_syntax.py")
    #expect(SubmissionLoader.nestedProject(in: python) == nil)
  }

  @Test("links out of the submission and special files are refused, naming them")
  func onlyOwnRegularFiles() throws {
    defer { try? FileManager.default.removeItem(at: root) }
    try write("func waitN() {}", "Sources/Lib/WaitN.swift")
    try write("// swift-tools-version: 6.0\n", "Package.swift")
    // A link that stays inside is read.
    try FileManager.default.createSymbolicLink(
      atPath: root.appendingPathComponent("Sources/Lib/Alias.swift").path,
      withDestinationPath: root.appendingPathComponent("Sources/Lib/WaitN.swift").path)
    #expect(try SubmissionLoader().load(path: root.path).files.count == 2)
    let outside = root.appendingPathComponent("Sources/Lib/Passwd.swift").path
    try FileManager.default.createSymbolicLink(atPath: outside, withDestinationPath: "/etc/passwd")
    #expect(throws: SubmissionError.linksOutside(path: outside, target: "/etc/passwd")) {
      try SubmissionLoader().load(path: root.path)
    }
    try FileManager.default.removeItem(atPath: outside)
    let fifo = root.appendingPathComponent("Sources/Lib/Pipe.swift").path
    #expect(mkfifo(fifo, 0o644) == 0)
    #expect(throws: SubmissionError.notARegularFile(path: fifo, kind: "a FIFO (named pipe)")) {
      try SubmissionLoader().load(path: root.path)
    }
    #expect(
      SubmissionError.linksOutside(path: "a", target: "/etc/shadow").errorDescription?.contains(
        "a is a link to /etc/shadow, outside the submission") == true)
  }

  @Test("bad paths get errors that name them")
  func errors() throws {
    defer { try? FileManager.default.removeItem(at: root) }
    try write("text", "notes.txt")
    try Data([0xFF, 0xFE, 0x00]).write(to: root.appendingPathComponent("bad.swift"))
    let missing = root.appendingPathComponent("missing").path
    #expect(throws: SubmissionError.notFound(path: missing)) {
      try SubmissionLoader().load(path: missing)
    }
    let text = root.appendingPathComponent("notes.txt").path
    #expect(throws: SubmissionError.notASwiftFile(path: text)) {
      try SubmissionLoader().load(path: text)
    }
    let bad = root.appendingPathComponent("bad.swift").path
    #expect(throws: SubmissionError.notUTF8(path: bad)) { try SubmissionLoader().load(path: bad) }
    let empty = root.appendingPathComponent("empty")
    try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
    #expect(throws: SubmissionError.noSwiftSources(path: empty.path)) {
      try SubmissionLoader().load(path: empty.path)
    }
  }
}

@Suite("SubmissionLoader recognises the Python original")
struct PythonSubmissionLoaderTests {
  @Test("a folder with the project's file names is Python; --language overrides")
  func detection() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent(
      "asynccheck-python-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: root) }
    let file = root.appendingPathComponent("1-concurrent_coroutines.py")
    try Data("#!/usr/bin/env python3\n".utf8).write(to: file)
    try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: file.path)
    // The folder's other Python files come along, as the task files may import them; a link
    // out of the folder is left out, said in a note; other files stay out.
    try Data("x".utf8).write(to: root.appendingPathComponent("notes.py"))
    try Data("{}".utf8).write(to: root.appendingPathComponent("config.json"))
    try FileManager.default.createSymbolicLink(
      atPath: root.appendingPathComponent("passwd.py").path, withDestinationPath: "/etc/passwd")
    let submission = try SubmissionLoader().load(path: root.path)
    #expect(submission.language == .python)
    #expect(submission.files.map(\.relativePath) == ["1-concurrent_coroutines.py", "notes.py"])
    #expect(submission.files.first?.isExecutable == true)
    #expect(submission.notes.contains("left out passwd.py: not a file of the submission's own"))
    #expect(throws: SubmissionError.noSwiftSources(path: root.path)) {
      try SubmissionLoader(language: .swift).load(path: root.path)
    }
    let empty = root.appendingPathComponent("empty")
    try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
    #expect(throws: SubmissionError.noPythonSources(path: empty.path)) {
      try SubmissionLoader(language: .python).load(path: empty.path)
    }
  }
}
