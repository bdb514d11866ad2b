import Foundation
import Testing

@testable import CheckerCore

/// The process layer throws its own error; Build and Run each say it in their terms.
@Suite("The process layer's errors, as Build and Run report them")
struct ProcessErrorTests {
  @Test("a folder that cannot be made is a ProcessError, a BuildError and a RunError")
  func layers() throws {
    let workspace = try Workspace.make()
    defer { workspace.remove() }
    // A folder under a file cannot be made.
    try workspace.write("not a folder", to: "file")
    #expect(throws: ProcessError.self) { try workspace.makeFolder("file/inside") }
    do {
      try BuildError.preparing(workspace.makeFolder("file/inside"))
      Issue.record("a folder under a file was made")
    } catch {
      guard case .workspace(let detail) = error else {
        Issue.record("not a workspace error: \(error)")
        return
      }
      #expect(detail.contains(workspace.path("file/inside")))
      #expect(error.errorDescription?.hasPrefix("cannot prepare the build folder: ") == true)
    }
    do {
      try RunError.preparing(workspace.makeFolder("file/inside"))
      Issue.record("a folder under a file was made")
    } catch {
      #expect(error.errorDescription?.contains(workspace.path("file/inside")) == true)
    }
    #expect(try RunError.preparing(workspace.makeFolder("fine")) == workspace.path("fine"))
  }
}
