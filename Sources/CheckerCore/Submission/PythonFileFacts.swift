/// What one file of a Python submission says, as the harness's `ast` probe read it: the
/// material of the project's requirement checks.
public struct PythonFileFacts: Sendable, Hashable, Codable {
  /// A top-level function or coroutine.
  public struct Function: Sendable, Hashable, Codable {
    /// Its name.
    public var name: String
    /// The line it starts on.
    public var line: Int
    /// Its docstring, or "".
    public var docstring: String
    /// Its parameters without an annotation, and `return` when the return type has none.
    public var unannotated: [String]
  }

  /// The file's first line (after a byte order mark, if any).
  public var firstLine: String
  /// Whether the file starts with a UTF-8 byte order mark (`nil` from an older harness).
  public var byteOrderMark: Bool?
  /// Whether the file ends with a newline.
  public var endsWithNewline: Bool
  /// Whether the file is executable.
  public var executable: Bool
  /// The module docstring, or "" (`nil` when the file does not parse).
  public var moduleDocstring: String?
  /// The top-level functions (`nil` when the file does not parse).
  public var functions: [Function]?
  /// Lines that call `sorted`, `.sort` or `.sorted`.
  public var sortingLines: [Int]?
  /// What pycodestyle said, one message per line; `nil` when it is not installed.
  public var pycodestyle: [String]?
  /// The imports a solution of this exercise never needs (`import inspect`, `from ctypes
  /// import …`, `__import__("gc")` with a literal name), in file order; `nil` when the file
  /// does not parse.
  public var unexpectedImports: [Import]?
  /// The module-level functions a later statement binds again (`wait_n = build()`), with the
  /// line of the last binding; `nil` when the file does not parse.
  public var rebound: [String: Int]?

  /// An import statement or call.
  public struct Import: Sendable, Hashable, Codable {
    /// Its line.
    public var line: Int
    /// The module it imports.
    public var module: String
  }

  private enum CodingKeys: String, CodingKey {
    case firstLine = "first_line"
    case byteOrderMark = "byte_order_mark"
    case endsWithNewline = "ends_with_newline"
    case executable
    case moduleDocstring = "module_docstring"
    case functions
    case sortingLines = "sorting_lines"
    case pycodestyle
    case unexpectedImports = "unexpected_imports"
    case rebound
  }
}
