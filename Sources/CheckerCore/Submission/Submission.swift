/// A student's work as the checker reads it: the sources to compile and how to compile them.
public struct Submission: Sendable {
  /// Where the sources came from.
  public enum Origin: Sendable, Hashable {
    /// The reference implementation bundled with the checker.
    case reference
    /// A SwiftPM package; `target` is the library target that was read.
    case package(target: String)
    /// A folder of `.swift` files.
    case folder
    /// A single `.swift` file.
    case file
  }

  /// The path the user gave (or `(reference)`), as reports show it.
  public let displayPath: String
  /// Where the sources came from.
  public let origin: Origin
  /// The language the submission is written in.
  public var language: Language = .swift
  /// The Swift language mode to compile in: 5 or 6.
  public let languageMode: Int
  /// The sources, in a stable order.
  public let files: [SourceFile]
  /// Files that were found but deliberately left out, with the reason, and where the project was
  /// found when it was below the folder given (shown in the report).
  public var notes: [String]
  /// The submission's own `.swift-format` configuration, if it has one.
  public var formatConfiguration: String?
  /// Why the submission's `.swift-format` could not be read, when it has one that cannot (not
  /// readable, not UTF-8, too large, a link out of the submission): the lint check fails.
  public var formatConfigurationProblem: String?

  /// Creates a submission.
  ///
  /// - Parameters:
  ///   - displayPath: The path as reports show it.
  ///   - origin: Where the sources came from.
  ///   - languageMode: The Swift language mode, 5 or 6.
  ///   - files: The sources.
  ///   - notes: What was left out, and why.
  public init(
    displayPath: String, origin: Origin, languageMode: Int, files: [SourceFile],
    notes: [String] = []
  ) {
    self.displayPath = displayPath
    self.origin = origin
    self.languageMode = languageMode
    self.files = files
    self.notes = notes
  }
}
