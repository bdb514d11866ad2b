/// Keeps a program's declarations and leaves out what would run at start-up, so that functions
/// a student wrote in an executable target (`main.swift`, or beside an `@main` type) can be
/// graded: the checker calls them itself.
///
/// Line numbers never change (left-out code becomes blank lines, a left-out `@main` spaces), so
/// every message still points at the student's own lines.
enum EntryPointFilter {
  /// The keywords that start a declaration the checker keeps.
  static let declarationKeywords: Set<String> = [
    "func", "struct", "class", "enum", "actor", "protocol", "extension", "typealias", "import",
  ]
  /// Words that may come before a declaration's keyword.
  static let modifiers: Set<String> = [
    "public", "internal", "private", "fileprivate", "package", "open", "final", "nonisolated",
    "indirect", "static", "override", "convenience", "required", "mutating", "async",
  ]

  /// `main.swift`'s text with its top-level code (statements, `let`/`var`) blanked, and its
  /// declarations (functions, types, extensions, imports) and comments kept.
  ///
  /// - Parameter text: The file's text.
  /// - Returns: The text and whether anything was left out.
  static func declarationsOnly(_ text: String) -> (text: String, leftOut: Bool) {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let code = String(decoding: SourceScanner(text: text).code, as: UTF8.self)
      .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    var kept: [String] = []
    var depth = 0
    var keeping = true
    var pendingAttributes: [Int] = []
    var leftOut = false
    for (index, line) in lines.enumerated() {
      let codeLine = index < code.count ? code[index] : ""
      if depth == 0 {
        let words = Self.words(codeLine)
        if words.isEmpty {
          // Blank, or only a comment: kept (doc comments stay with what follows).
          kept.append(line)
          continue
        }
        if words.allSatisfy({ $0.hasPrefix("@") }) {
          // Attributes alone on their line: they go with the next statement.
          pendingAttributes.append(kept.count)
          kept.append(line)
          continue
        }
        keeping = isDeclaration(words)
        if !keeping {
          for attribute in pendingAttributes { kept[attribute] = "" }
        }
        pendingAttributes = []
      }
      depth += codeLine.reduce(0) { total, character in
        "{([".contains(character) ? total + 1 : ")}]".contains(character) ? total - 1 : total
      }
      depth = max(0, depth)
      if keeping {
        kept.append(line)
      } else {
        kept.append("")
        leftOut = true
      }
    }
    return (kept.joined(separator: "\n"), leftOut)
  }

  /// `text` with each `@main` attribute replaced by spaces: the type stays, and is never run.
  ///
  /// - Parameter text: A file's text.
  /// - Returns: The text and whether it had an `@main`.
  static func withoutMainAttribute(_ text: String) -> (text: String, leftOut: Bool) {
    let code = SourceScanner(text: text).code
    var bytes = Array(text.utf8)
    let pattern = Array("@main".utf8)
    var found = false
    var index = 0
    while index + pattern.count <= code.count {
      if Array(code[index..<(index + pattern.count)]) == pattern {
        let after = index + pattern.count < code.count ? code[index + pattern.count] : 0
        let isIdentifier =
          (after >= UInt8(ascii: "a") && after <= UInt8(ascii: "z"))
          || (after >= UInt8(ascii: "A") && after <= UInt8(ascii: "Z"))
          || (after >= UInt8(ascii: "0") && after <= UInt8(ascii: "9"))
          || after == UInt8(ascii: "_")
        if !isIdentifier {
          for offset in index..<(index + pattern.count) { bytes[offset] = UInt8(ascii: " ") }
          found = true
        }
      }
      index += 1
    }
    return (String(decoding: bytes, as: UTF8.self), found)
  }

  /// The words of a line of code (comments and strings already blanked), attributes kept whole.
  private static func words(_ line: String) -> [String] {
    line.split { $0 == " " || $0 == "\t" || $0 == "{" || $0 == "(" || $0 == ":" || $0 == "<" }
      .map(String.init)
  }

  /// Whether a statement that starts with `words` declares something the checker keeps.
  private static func isDeclaration(_ words: [String]) -> Bool {
    for word in words {
      if word.hasPrefix("@") || modifiers.contains(word) { continue }
      if word.hasPrefix("private(") || word.hasPrefix("nonisolated(") { continue }
      return declarationKeywords.contains(word)
    }
    return false
  }
}
