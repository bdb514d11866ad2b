import Foundation
import Testing

@testable import CheckerCore

/// The bundled reference is the `AsyncBasics` target, whole: a file added there and not listed
/// in `ReferenceSubmission` would leave a task of the reference unbuilt.
@Suite("The bundled reference is the AsyncBasics target")
struct ReferenceSubmissionTests {
  @Test("every source file of the target is in the reference, with its text")
  func everyFile() throws {
    let folder = SampleCatalog.folder.deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("Sources/AsyncBasics")
    let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
      .filter { $0.hasSuffix(".swift") }.sorted()
    let files = ReferenceSubmission.submission.files
    #expect(files.map { ($0.relativePath as NSString).lastPathComponent }.sorted() == names)
    for file in files {
      let name = (file.relativePath as NSString).lastPathComponent
      let text = try String(
        contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
      #expect(file.text == text, "\(name) differs from the target's")
    }
  }

  @Test("it declares every task's function")
  func everyTask() {
    let text = ReferenceSubmission.submission.files.map(\.text).joined()
    for task in Exercise.tasks {
      #expect(text.contains("func \(task.signature.name)("), "task \(task.id)")
    }
  }
}
