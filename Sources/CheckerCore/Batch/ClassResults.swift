import Foundation

/// A batch's results as `grade-all` saves them (`OUT/.asynccheck/results.json`), so that shards
/// graded apart can be merged into one gradebook (`checker merge-grades`).
public struct ClassResults: Sendable, Codable, Equatable {
  /// The seed every student was graded with.
  public var seed: UInt64
  /// How long the batch took, in seconds.
  public var seconds: Double
  /// Each student's outcome, by name.
  public var students: [StudentResult]
  /// The part of the class these are, or `nil` for the whole class.
  public var shard: Shard?

  /// Where a batch's results are saved in its output folder.
  public static func file(in output: String) -> URL {
    BatchGrader.stateFolder(in: output).appendingPathComponent("results.json")
  }

  /// Saves the results in `output`.
  func save(in output: String) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    try encoder.encode(self).write(to: Self.file(in: output))
  }

  /// The results saved in `output`.
  ///
  /// - Throws: `BatchError.notAShard` when there are none.
  static func load(from output: String) throws(BatchError) -> ClassResults {
    guard let data = FileManager.default.contents(atPath: file(in: output).path),
      let results = try? JSONDecoder().decode(ClassResults.self, from: data)
    else { throw .notAShard(path: output) }
    return results
  }
}
