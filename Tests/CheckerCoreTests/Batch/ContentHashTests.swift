import Foundation
import Testing

@testable import CheckerCore

#if canImport(Glibc)
  import Glibc
#endif

/// A student's folder is hashed as hostile input: what a huge or linked file holds is not read.
@Suite("A folder's fingerprint reads no huge file and follows no link")
struct ContentHashTests {
  /// A fresh folder with one source file, removed after `body`.
  static func withFolder(_ body: (URL) throws -> Void) throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "asynccheck-hash-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    try Data("print(1)\n".utf8).write(to: folder.appendingPathComponent("main.py"))
    try body(folder)
  }

  @Test("a 3 GiB sparse file counts by its size and time, and is not read")
  func hugeFile() throws {
    try Self.withFolder { folder in
      let huge = folder.appendingPathComponent("data.bin").path
      let descriptor = open(huge, O_CREAT | O_WRONLY, 0o644)
      try #require(descriptor >= 0)
      #expect(ftruncate(descriptor, 3 << 30) == 0)
      close(descriptor)
      let clock = ContinuousClock()
      let start = clock.now
      let first = ContentHash.of(folder: folder, salt: "")
      // Reading 3 GiB takes tens of seconds; its size and time take nothing. The bound is
      // generous: a loaded machine must not make this fail.
      #expect(clock.now - start < .seconds(10))
      // A change in its size changes the fingerprint.
      #expect(truncate(huge, (3 << 30) + 1) == 0)
      #expect(ContentHash.of(folder: folder, salt: "") != first)
    }
  }

  @Test("a link counts by where it points, not by what it points at")
  func link() throws {
    try Self.withFolder { folder in
      let target = folder.deletingLastPathComponent().appendingPathComponent(
        "asynccheck-hash-target-\(UUID().uuidString)")
      try Data("one".utf8).write(to: target)
      defer { try? FileManager.default.removeItem(at: target) }
      symlink(target.path, folder.appendingPathComponent("link").path)
      let first = ContentHash.of(folder: folder, salt: "")
      try Data("two".utf8).write(to: target)
      #expect(ContentHash.of(folder: folder, salt: "") == first)
      try Data("print(2)\n".utf8).write(to: folder.appendingPathComponent("main.py"))
      #expect(ContentHash.of(folder: folder, salt: "") != first)
    }
  }
}
