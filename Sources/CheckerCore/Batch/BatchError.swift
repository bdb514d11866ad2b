import Foundation

/// Why a batch could not run at all.
public enum BatchError: Error, Equatable, LocalizedError {
  /// The class folder does not exist.
  case notFound(path: String)
  /// The class path is a file.
  case notAFolder(path: String)
  /// The class folder has no student folders.
  case noStudents(path: String)
  /// The output folder is inside a student's submission.
  case outputInsideSubmission(output: String, student: String)
  /// The output folder cannot be written.
  case unwritable(path: String)
  /// A folder given to `merge-grades` holds no `grade-all` results.
  case notAShard(path: String)
  /// Shards graded with different seeds cannot make one gradebook.
  case seedsDiffer(first: String, firstSeed: UInt64, other: String, otherSeed: UInt64)
  /// A student graded by two shards.
  case gradedTwice(student: String, first: String, other: String)
  /// The shards given are not every part of one split.
  case incompleteShards(String)

  /// A one-line message naming the path.
  public var errorDescription: String? {
    switch self {
    case .notFound(let path):
      "no such folder: \(path)"
    case .notAFolder(let path):
      "\(path) is a file: grade-all takes a folder holding one subfolder per student"
    case .noStudents(let path):
      "no student folders in \(path): grade-all takes a folder holding one subfolder per student"
    case .outputInsideSubmission(let output, let student):
      "the output folder \(output) is inside \(student)'s submission: choose another with --out"
    case .unwritable(let path):
      "cannot write to \(path)"
    case .notAShard(let path):
      "\(path) holds no grade-all results (.asynccheck/results.json): give the --out folders "
        + "of grade-all runs"
    case .seedsDiffer(let first, let firstSeed, let other, let otherSeed):
      "\(first) was graded with seed \(firstSeed) and \(other) with seed \(otherSeed): grade "
        + "every shard with the class's one --seed"
    case .incompleteShards(let detail):
      "the shards do not make a whole class: \(detail)"
    case .gradedTwice(let student, let first, let other):
      "\(student) was graded in both \(first) and \(other): give each shard once, and shards "
        + "of one split (the same N in --shard K/N)"
    }
  }
}
