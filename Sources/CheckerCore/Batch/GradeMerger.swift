import Foundation

/// Merges the output folders of `grade-all --shard K/N` runs into one, as a single run with
/// the same seed would have written it: every student's reports, `grades.csv`, the results.
public struct GradeMerger: Sendable {
  /// The shards' output folders.
  public var shards: [String]
  /// Where the merged gradebook goes.
  public var output: String

  /// Creates a merger.
  public init(shards: [String], output: String) {
    self.shards = shards
    self.output = output
  }

  /// Merges.
  ///
  /// - Returns: The class's results, by student name.
  /// - Throws: `BatchError` when a folder is not a shard, the seeds differ, a student was
  ///   graded twice, or the output cannot be written.
  public func merge() throws(BatchError) -> ClassResults {
    var merged: ClassResults?
    var origin: [String: String] = [:]
    let target = URL(fileURLWithPath: output).standardizedFileURL.path
    if let same = shards.first(where: {
      URL(fileURLWithPath: $0).standardizedFileURL.path == target
    }) {
      throw .incompleteShards("--out \(output) is the shard \(same): merge into another folder")
    }
    var parts: [Int: String] = [:]
    var count: Int?
    for shard in shards {
      let results = try ClassResults.load(from: shard)
      guard let part = results.shard else {
        throw .incompleteShards("\(shard) was graded whole, not with --shard K/N")
      }
      if let count, count != part.count {
        throw .incompleteShards(
          "they come from different splits (\(shards.first ?? "") in \(count) parts, \(shard) in "
            + "\(part.count))")
      }
      count = part.count
      if let earlier = parts[part.index] {
        throw .incompleteShards("\(earlier) and \(shard) are both part \(part.description)")
      }
      parts[part.index] = shard
      if let seed = merged?.seed, seed != results.seed, let first = shards.first {
        throw .seedsDiffer(
          first: first, firstSeed: seed, other: shard, otherSeed: results.seed)
      }
      for student in results.students {
        if let first = origin[student.student] {
          throw .gradedTwice(student: student.student, first: first, other: shard)
        }
        origin[student.student] = shard
      }
      merged = ClassResults(
        seed: results.seed, seconds: max(merged?.seconds ?? 0, results.seconds),
        students: (merged?.students ?? []) + results.students)
    }
    guard var merged, let count else { throw .notAShard(path: "(no folder)") }
    // Every part K of one N, once: a part left out would leave its students out silently.
    let missing = (1...count).filter { parts[$0] == nil }
    guard missing.isEmpty else {
      throw .incompleteShards(
        "part\(missing.count == 1 ? "" : "s") "
          + missing.map { "\($0)/\(count)" }.joined(separator: ", ") + " missing")
    }
    merged.students.sort { $0.student < $1.student }
    let fileManager = FileManager.default
    do {
      try fileManager.createDirectory(
        at: ClassResults.file(in: output).deletingLastPathComponent(),
        withIntermediateDirectories: true)
      for student in merged.students {
        guard let shard = origin[student.student] else { continue }
        let from = BatchGrader.reportFolder(for: student.student, in: shard)
        let to = BatchGrader.reportFolder(for: student.student, in: output)
        guard fileManager.fileExists(atPath: from.path) else { continue }
        try? fileManager.removeItem(at: to)
        try fileManager.createDirectory(
          at: to.deletingLastPathComponent(), withIntermediateDirectories: true)
        try fileManager.copyItem(at: from, to: to)
      }
      try Data(Gradebook.csv(merged.students).utf8).write(
        to: URL(fileURLWithPath: output).appendingPathComponent("grades.csv"))
      try merged.save(in: output)
      guard ClassDashboard.write(merged.students, seed: merged.seed, in: output) else {
        throw BatchError.unwritable(path: output)
      }
    } catch {
      throw .unwritable(path: output)
    }
    return merged
  }
}
