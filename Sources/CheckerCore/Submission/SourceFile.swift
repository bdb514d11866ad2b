/// One Swift source file of a submission.
public struct SourceFile: Sendable, Hashable {
  /// The path relative to the submission, as reports show it (`Sources/Lib/WaitN.swift`).
  public let relativePath: String
  /// The file's text.
  public var text: String
  /// Whether the file is executable (the Python project requires it).
  public var isExecutable = false
  /// The text as the student wrote it, when `text` leaves something out (`main.swift`'s
  /// top-level code, an `@main`): what style checks read.
  public var original: String?

  /// Creates a source file.
  ///
  /// - Parameters:
  ///   - relativePath: The path relative to the submission.
  ///   - text: The file's text.
  public init(relativePath: String, text: String) {
    self.relativePath = relativePath
    self.text = text
  }
}
