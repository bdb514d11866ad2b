import Foundation
import Testing

@testable import CheckerCore

#if canImport(Glibc)
  import Glibc
#endif

/// What a grading leaves in its workspace is removed, however student code shaped it.
@Suite("A workspace is removed whatever student code left in it")
struct FolderRemoverTests {
  @Test("a chain of folders deeper than PATH_MAX, locked folders, a link out: all removed")
  func hostileTree() throws {
    let workspace = try Workspace.make()
    let outside = FileManager.default.temporaryDirectory.appendingPathComponent(
      "asynccheck-outside-\(UUID().uuidString)")
    try Data("keep".utf8).write(to: outside)
    defer { try? FileManager.default.removeItem(at: outside) }
    // 600 levels of 20-character names: 12,600 bytes of path, three times PATH_MAX.
    var descriptor = open(workspace.root, O_RDONLY | O_DIRECTORY)
    try #require(descriptor >= 0)
    for level in 0..<600 {
      let name = String(format: "level-%014d", level)
      #expect(mkdirat(descriptor, name, 0o755) == 0)
      let next = openat(descriptor, name, O_RDONLY | O_DIRECTORY)
      close(descriptor)
      descriptor = next
      if level % 100 == 99 {
        _ = openat(descriptor, "file", O_CREAT | O_WRONLY | O_CLOEXEC, 0o644)
      }
    }
    symlinkat(outside.path, descriptor, "link-out")
    close(descriptor)
    let locked = try workspace.makeFolder("locked/inner")
    _ = FileManager.default.createFile(atPath: locked + "/file", contents: Data("x".utf8))
    chmod(locked, 0)
    chmod(workspace.path("locked"), 0o500)

    #expect(workspace.remove())
    #expect(!FileManager.default.fileExists(atPath: workspace.root))
    // The link was removed, not followed.
    #expect(FileManager.default.contents(atPath: outside.path) == Data("keep".utf8))
  }
}
