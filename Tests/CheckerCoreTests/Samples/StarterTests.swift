import Foundation
import Testing

/// The starters students copy (`exercises/`) are the samples the verdict tests grade: byte for
/// byte, executable bits included, so that what the tests say of a sample holds of the starter.
@Suite("The starters")
struct StarterTests {
  static let exercises = SampleCatalog.folder.deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("exercises")

  /// Every file below `root`, by its path relative to it: its bytes and whether it is executable.
  static func files(in root: URL) -> [String: (Data, Bool)] {
    var files: [String: (Data, Bool)] = [:]
    let enumerator = FileManager.default.enumerator(atPath: root.path)
    while let path = enumerator?.nextObject() as? String {
      let full = root.appendingPathComponent(path).path
      var isFolder: ObjCBool = false
      guard FileManager.default.fileExists(atPath: full, isDirectory: &isFolder),
        !isFolder.boolValue, let data = FileManager.default.contents(atPath: full)
      else { continue }
      files[path] = (data, FileManager.default.isExecutableFile(atPath: full))
    }
    return files
  }

  @Test(
    "each starter is its sample, file for file",
    arguments: [("starter", "swift/starter"), ("python/starter", "python/starter")])
  func sameAsSample(starter: String, sample: String) {
    let given = Self.files(in: Self.exercises.appendingPathComponent(starter))
    let graded = Self.files(in: SampleCatalog.folder.appendingPathComponent(sample))
    #expect(!given.isEmpty)
    #expect(given.keys.sorted() == graded.keys.sorted())
    for (path, (data, executable)) in given {
      #expect(graded[path]?.0 == data, "\(path) differs")
      #expect(graded[path]?.1 == executable, "\(path): executable bit differs")
    }
    #expect(SampleCatalog.shared.samples[sample] != nil, "\(sample) has no verdict")
  }
}
