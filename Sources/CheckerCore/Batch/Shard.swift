/// One of N equal parts of a class (`--shard K/N`), chosen by student name so that re-runs and
/// retries of a shard grade the same students.
public struct Shard: Sendable, Equatable, Codable, CustomStringConvertible {
  /// This part, from 1.
  public var index: Int
  /// How many parts.
  public var count: Int

  /// Parses `K/N` (1 ≤ K ≤ N).
  ///
  /// - Parameter text: The option's value.
  public init?(_ text: String) {
    let parts = text.split(separator: "/")
    guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]), count >= 1,
      (1...count).contains(index)
    else { return nil }
    self.index = index
    self.count = count
  }

  /// Whether `student` belongs to this part: a stable hash of the name (FNV-1a), not the order
  /// of the folder listing, so that adding a student moves no other student.
  ///
  /// - Parameter student: A student's folder name.
  /// - Returns: `true` when this shard grades the student.
  public func contains(_ student: String) -> Bool {
    Int(ContentHash.number(of: student) % UInt64(count)) == index - 1
  }

  /// `K/N`, as the option is written.
  public var description: String { "\(index)/\(count)" }
}
