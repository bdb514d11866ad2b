import Foundation
import Testing

@testable import CheckerCore

/// Names students choose for their folders, as an attacker would choose them.
@Suite("Student folder names")
struct StudentNameTests {
  @Test("every name gets a report folder of its own: a name cannot be another's safe form")
  func injective() {
    let names = [
      "v\u{1}", "v\u{2401}", "v[U+0001]", "v\u{2401}-8cedb07b5703f98", "ann [2]", "ann[U+005B]2]",
      "bad\u{FFFD}name", "bad[U+FFFD]name", "bob\u{202E}gnissap", "bob[U+202E]gnissap", "ann",
      "z\u{200C}ahra", "zahra",
    ]
    let folders = names.map(BatchGrader.safeFolderName)
    #expect(Set(folders).count == names.count, "\(folders)")
    // Plain names stay as they are; the others hold no hidden character.
    #expect(BatchGrader.safeFolderName("ann [2]") == "ann [2]")
    #expect(BatchGrader.safeFolderName("v\u{1}") == "v[U+0001]")
    #expect(BatchGrader.safeFolderName("v[U+0001]") == "v[U+005B]U+0001]")
    #expect(
      folders.allSatisfy { folder in
        !folder.unicodeScalars.contains { $0.value < 0x20 || String.isFormatControl($0) }
      })
    // A long one is cut, with a hash: still a file name.
    let long = BatchGrader.safeFolderName(String(repeating: "\u{1}", count: 200))
    #expect(long.utf8.count <= 255)
  }

  @Test(
    "a gradebook cell is never a formula, whatever follows its first scalar, and splits no row",
    arguments: [
      ("=\u{301}HYPERLINK(\"x\")", "\"'=\u{301}HYPERLINK(\"\"x\"\")\""), ("z;=1+1", "\"z;=1+1\""),
      ("+\u{20DD}1", "'+\u{20DD}1"),
    ])
  func cell(raw: String, written: String) {
    #expect(Gradebook.field(raw) == written)
  }

  @Test("a folder whose name is not UTF-8 is neither graded as another nor dropped: it is named")
  func notUTF8() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent(
      "asynccheck-names-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: root) }
    // `bad\xffname` beside `bad\u{FFFD}name`, which Foundation would take it for.
    let raw = Array(root.path.utf8) + Array("/bad".utf8) + [0xFF] + Array("name".utf8)
    #expect(mkdir(raw.map { CChar(bitPattern: $0) } + [0], 0o755) == 0)
    try FileManager.default.createDirectory(
      at: root.appendingPathComponent("bad\u{FFFD}name"), withIntermediateDirectories: true)
    let grader = BatchGrader(
      options: .init(
        classFolder: root.path, outputFolder: root.appendingPathComponent("out").path,
        formats: [.json], workers: 1, force: false, seed: 1, scoring: .perCheck, language: nil))
    #expect(try grader.students().map(\.name) == ["bad\u{FFFD}name"])
    let misnamed = grader.misnamedFolders()
    #expect(misnamed.map(\.student) == ["bad\u{FFFD}name (not UTF-8)"])
    #expect(misnamed.first?.status == .error)
    #expect(misnamed.first?.error?.contains("bytes 62 61 64 ff 6e 61 6d 65") == true)
  }
}
