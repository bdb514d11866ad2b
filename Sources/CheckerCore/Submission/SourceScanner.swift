/// Finds function declarations in Swift source text, without a parser.
///
/// Comments and string literals are blanked first (replaced by spaces, newlines kept), so a
/// `func` or a brace inside them is never mistaken for code, and line numbers stay true.
public struct SourceScanner: Sendable {
  /// The text with comments and string literal contents replaced by spaces.
  public let code: [UInt8]
  /// The byte offset at which each line starts (line 1 is index 0).
  private let lineStarts: [Int]

  /// Scans `text`.
  ///
  /// - Parameter text: Swift source.
  public init(text: String) {
    code = Self.blankCommentsAndStrings(Array(text.utf8))
    var starts = [0]
    for (index, byte) in code.enumerated() where byte == UInt8(ascii: "\n") {
      starts.append(index + 1)
    }
    lineStarts = starts
  }

  /// Every declaration of a function called `name`, with its header and body.
  ///
  /// - Parameter name: A function's base name.
  /// - Returns: The declarations, in source order.
  public func functions(named name: String) -> [FunctionDeclaration] {
    functions(named: name, fileScopeOnly: false)
  }

  /// Every declaration of a function called `name` at file scope.
  ///
  /// At file scope means outside every type, extension and function body. The harness calls the exercise's functions as global
  /// functions, so only those are theirs (a `static func waitN` in an enum is another one).
  ///
  /// - Parameter name: A function's base name.
  /// - Returns: The declarations, in source order.
  public func fileScopeFunctions(named name: String) -> [FunctionDeclaration] {
    functions(named: name, fileScopeOnly: true)
  }

  private func functions(named name: String, fileScopeOnly: Bool) -> [FunctionDeclaration] {
    let pattern = Array("func".utf8)
    var found: [FunctionDeclaration] = []
    var index = 0
    while let start = find(pattern, from: index) {
      index = start + pattern.count
      guard start == 0 || !Self.isIdentifier(code[start - 1]) else { continue }
      var cursor = index
      while cursor < code.count, isSpace(code[cursor]) { cursor += 1 }
      let nameStart = cursor
      while cursor < code.count, Self.isIdentifier(code[cursor]) { cursor += 1 }
      guard cursor > index, String(decoding: code[nameStart..<cursor], as: UTF8.self) == name
      else { continue }
      if fileScopeOnly, braceDepth(before: start) > 0 { continue }
      found.append(declaration(name: name, funcOffset: start, nameEnd: cursor))
    }
    return found
  }

  /// The names of all functions declared anywhere in the text.
  public var declaredFunctionNames: Set<String> {
    let text = String(decoding: code, as: UTF8.self)
    // A file may start with `func`: split on the keyword would drop that first name.
    return Set(text.matches(of: /\bfunc\s+([A-Za-z_][A-Za-z0-9_]*)/).map { String($0.output.1) })
  }

  /// How many braces are open before byte `offset` (comments and strings blanked).
  private func braceDepth(before offset: Int) -> Int {
    var depth = 0
    for byte in code[..<offset] {
      if byte == UInt8(ascii: "{") {
        depth += 1
      } else if byte == UInt8(ascii: "}") {
        depth -= 1
      }
    }
    return depth
  }

  /// The 1-based line that holds byte `offset`.
  ///
  /// - Parameter offset: A byte offset into the text.
  /// - Returns: The line number.
  public func line(at offset: Int) -> Int {
    var low = 0
    var high = lineStarts.count - 1
    while low < high {
      let middle = (low + high + 1) / 2
      if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
    }
    return low + 1
  }

  private func declaration(name: String, funcOffset: Int, nameEnd: Int) -> FunctionDeclaration {
    // The header runs to the body's opening brace, skipping braces nested in the parameter list
    // (a default value that is a closure, say) by tracking parentheses.
    var cursor = nameEnd
    var parentheses = 0
    while cursor < code.count {
      let byte = code[cursor]
      if byte == UInt8(ascii: "(") || byte == UInt8(ascii: "[") || byte == UInt8(ascii: "<") {
        parentheses += 1
      } else if byte == UInt8(ascii: ")") || byte == UInt8(ascii: "]") {
        parentheses -= 1
      } else if byte == UInt8(ascii: ">"), cursor > 0, code[cursor - 1] != UInt8(ascii: "-") {
        parentheses -= 1
      } else if byte == UInt8(ascii: "{"), parentheses <= 0 {
        break
      }
      cursor += 1
    }
    let lineStart = lineStarts[line(at: funcOffset) - 1]
    let header = String(decoding: code[lineStart..<min(cursor, code.count)], as: UTF8.self)
    let collapsedHeader = header.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" })
      .joined(separator: " ")
    guard cursor < code.count else {
      return FunctionDeclaration(
        name: name, header: collapsedHeader, body: "", startLine: line(at: funcOffset),
        endLine: line(at: code.count - 1))
    }
    var depth = 0
    var end = cursor
    while end < code.count {
      if code[end] == UInt8(ascii: "{") { depth += 1 }
      if code[end] == UInt8(ascii: "}") {
        depth -= 1
        if depth == 0 { break }
      }
      end += 1
    }
    let bodyEnd = min(end + 1, code.count)
    return FunctionDeclaration(
      name: name, header: collapsedHeader,
      body: String(decoding: code[cursor..<bodyEnd], as: UTF8.self),
      startLine: line(at: lineStart), endLine: line(at: max(bodyEnd - 1, cursor)))
  }

  private func find(_ pattern: [UInt8], from start: Int) -> Int? {
    guard pattern.count <= code.count else { return nil }
    var index = start
    while index + pattern.count <= code.count {
      if code[index] == pattern[0], Array(code[index..<index + pattern.count]) == pattern {
        return index
      }
      index += 1
    }
    return nil
  }

  /// Whether `byte` can be part of an identifier (non-ASCII bytes can: Swift allows Unicode
  /// letters).
  static func isIdentifier(_ byte: UInt8) -> Bool {
    (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
      || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
      || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "_")
      || byte >= 0x80
  }

  private func isSpace(_ byte: UInt8) -> Bool {
    byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n")
      || byte == UInt8(ascii: "\r")
  }

  /// Replaces comments and the contents of string literals with spaces, keeping newlines.
  static func blankCommentsAndStrings(_ bytes: [UInt8]) -> [UInt8] {
    var out = bytes
    let slash = UInt8(ascii: "/")
    let star = UInt8(ascii: "*")
    let quote = UInt8(ascii: "\"")
    let backslash = UInt8(ascii: "\\")
    let newline = UInt8(ascii: "\n")
    func blank(_ range: Range<Int>) {
      for index in range where out[index] != newline { out[index] = UInt8(ascii: " ") }
    }
    var index = 0
    let count = bytes.count
    while index < count {
      let byte = bytes[index]
      let next = index + 1 < count ? bytes[index + 1] : 0
      if byte == slash, next == slash {
        let start = index
        while index < count, bytes[index] != newline { index += 1 }
        blank(start..<index)
      } else if byte == slash, next == star {
        let start = index
        var depth = 0
        while index < count {
          if bytes[index] == slash, index + 1 < count, bytes[index + 1] == star {
            depth += 1
            index += 2
          } else if bytes[index] == star, index + 1 < count, bytes[index + 1] == slash {
            depth -= 1
            index += 2
            if depth == 0 { break }
          } else {
            index += 1
          }
        }
        blank(start..<min(index, count))
      } else if byte == quote {
        let isBlock = index + 2 < count && bytes[index + 1] == quote && bytes[index + 2] == quote
        let delimiter = isBlock ? 3 : 1
        let start = index + delimiter
        index = start
        while index < count {
          if bytes[index] == backslash {
            index += 2
            continue
          }
          if !isBlock, bytes[index] == newline { break }
          if bytes[index] == quote,
            !isBlock
              || (index + 2 < count && bytes[index + 1] == quote && bytes[index + 2] == quote)
          {
            break
          }
          index += 1
        }
        blank(start..<min(index, count))
        index += delimiter
      } else {
        index += 1
      }
    }
    return out
  }
}
