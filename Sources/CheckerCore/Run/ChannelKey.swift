/// The secret that authenticates a harness's records on its channel.
///
/// The checker draws a key per harness process and hands it over on file descriptor 4 (see
/// `ProcessSupervisor.Job.secret`); the harness reads it before any student code runs and ends
/// every record with a sequence number and the key: `RECORD\tSEQ\tKEY`. Student code can write
/// to descriptor 3 but cannot read the channel back (a local socket whose end in the harness
/// only writes, see `ProcessSupervisor.makeChannel`, and which the channel guard keeps in
/// place), so it cannot learn the key from it; a record
/// without the key, or out of sequence, is not the harness's, and the grading is marked
/// tampered. (Student code runs in the harness's process, so reading the key from memory stays
/// possible in principle: the tampering scan flags the means, see `TamperingScan`.)
public struct ChannelKey: Sendable, Hashable {
  /// The key as the records carry it: 32 hexadecimal digits.
  public let text: String

  /// A fresh random key.
  public init() {
    var generator = SystemRandomNumberGenerator()
    text = (0..<2).map { _ in
      let number = generator.next() as UInt64
      let digits = String(number, radix: 16)
      return String(repeating: "0", count: 16 - digits.count) + digits
    }.joined()
  }

  /// A given key, for tests.
  ///
  /// - Parameter text: The key's text.
  public init(text: String) {
    self.text = text
  }

  /// The records of a channel that carry this key, in sequence, without the two trailing
  /// fields, and how many lines did not.
  ///
  /// - Parameter channel: What the harness process wrote on its channel.
  /// - Returns: The authentic records (fields without sequence and key) and the count of lines
  ///   that were not authentic.
  public func authenticate(_ channel: String) -> (records: [[Substring]], forged: Int) {
    var records: [[Substring]] = []
    var forged = 0
    var expected = 0
    for line in channel.split(separator: "\n") {
      let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
      guard fields.count >= 3, fields[fields.count - 1] == text,
        Int(fields[fields.count - 2]) == expected
      else {
        forged += 1
        continue
      }
      expected += 1
      records.append(Array(fields.dropLast(2)))
    }
    return (records, forged)
  }
}
