/// A place in a student's code: a file, relative to the submission, and a line when known.
///
/// Reports show it as `file:line` (JSON keeps that text, a stable interface); GitHub's
/// annotations take its file and line apart.
public struct SourceLocation: Sendable, Hashable, Codable, CustomStringConvertible {
  /// The file, relative to the submission: `Sources/Lib/WaitN.swift`, `1-concurrent_coroutines.py`.
  public var file: String
  /// The 1-based line, when known.
  public var line: Int?

  /// A location.
  ///
  /// - Parameters:
  ///   - file: The file, relative to the submission.
  ///   - line: The 1-based line, when known.
  public init(file: String, line: Int? = nil) {
    self.file = file
    self.line = line
  }

  /// `file:line`, or `file` alone.
  public var description: String {
    line.map { "\(file):\($0)" } ?? file
  }

  /// Reads `file:line` or `file`, as `description` writes it.
  ///
  /// - Parameter decoder: The decoder.
  /// - Throws: `DecodingError` when the value is not a string.
  public init(from decoder: any Decoder) throws {
    let text = try decoder.singleValueContainer().decode(String.self)
    if let colon = text.lastIndex(of: ":"), let line = Int(text[text.index(after: colon)...]) {
      self.init(file: String(text[..<colon]), line: line)
    } else {
      self.init(file: text)
    }
  }

  /// Writes `description`.
  ///
  /// - Parameter encoder: The encoder.
  /// - Throws: `EncodingError` when the value cannot be written.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(description)
  }
}
