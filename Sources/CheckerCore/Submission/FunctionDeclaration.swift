/// A function declaration found in a source file.
public struct FunctionDeclaration: Sendable, Hashable {
  /// The function's base name.
  public let name: String
  /// The declaration up to its body, on one line (`public func waitN(n: Int, …) async -> […]`).
  public let header: String
  /// The body, braces included, with comments and strings blanked.
  public let body: String
  /// The first line of the declaration (1-based), attributes on that line included.
  public let startLine: Int
  /// The line of the body's closing brace.
  public let endLine: Int

  /// Whether `line` falls inside this declaration.
  ///
  /// - Parameter line: A 1-based line number.
  /// - Returns: `true` when the line is part of the declaration or its body.
  public func contains(line: Int) -> Bool {
    (startLine...endLine).contains(line)
  }
}
