/// Keeps a program's declarations and leaves out what would run at start-up, so that functions
/// a student wrote in an executable target (`main.swift`, or beside an `@main` type) can be
/// graded: the checker calls them itself.
///
/// Line numbers never change (left-out code becomes blank lines, a left-out `@main` spaces), so
/// every message still points at the student's own lines.
enum EntryPointFilter {
  /// The keywords that start a declaration the checker keeps.
  static let declarationKeywords = bodiedKeywords.union(lineKeywords)
  /// Declarations that have a body in braces, perhaps after a header over several lines.
  static let bodiedKeywords: Set<String> = [
    "func", "struct", "class", "enum", "actor", "protocol", "extension",
  ]
  /// Declarations that end with their line.
  static let lineKeywords: Set<String> = ["import", "typealias"]
  /// Words that may come before a declaration's keyword.
  static let modifiers: Set<String> = [
    "public", "internal", "private", "fileprivate", "package", "open", "final", "nonisolated",
    "indirect", "static", "override", "convenience", "required", "mutating", "async",
  ]

  /// `main.swift`'s text with its top-level code (statements, and `let`/`var` that `await`)
  /// blanked, and its declarations (functions, types, extensions, imports, globals), compiler
  /// directives (`#if`) and comments kept.
  ///
  /// A declaration runs from its first line until its body closes (a header may span lines, a
  /// brace may sit on a line of its own); `import` and `typealias` end with their line.
  ///
  /// - Parameter text: The file's text.
  /// - Returns: The text and whether anything was left out.
  static func declarationsOnly(_ text: String) -> (text: String, leftOut: Bool) {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let code = String(decoding: SourceScanner(text: text).code, as: UTF8.self)
      .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    var kept: [String] = []
    var depth = 0
    /// The statement being read: keep it or not, and whether its body has opened.
    var current: (keep: Bool, opened: Bool, endsWithLine: Bool)?
    var pendingAttributes: [Int] = []
    var leftOut = false
    for (index, line) in lines.enumerated() {
      let codeLine = index < code.count ? code[index] : ""
      let trimmed = codeLine.trimmingCharacters(in: .whitespaces)
      let opens = codeLine.filter { "{([".contains($0) }.count
      let closes = codeLine.filter { ")}]".contains($0) }.count
      if depth == 0, current == nil {
        let words = Self.words(withoutAttributes: codeLine)
        if trimmed.isEmpty || trimmed.hasPrefix("#") {
          // Blank, a comment, or a compiler directive: kept.
          kept.append(line)
          continue
        }
        if words.isEmpty {
          // Attributes alone on their line: they go with the next statement.
          pendingAttributes.append(kept.count)
          kept.append(line)
          continue
        }
        let keyword = Self.keyword(words)
        let keep =
          declarationKeywords.contains(keyword)
          || (["let", "var"].contains(keyword) && !codeLine.contains("await"))
        if !keep {
          for attribute in pendingAttributes { kept[attribute] = "" }
        }
        pendingAttributes = []
        current = (keep, false, lineKeywords.contains(keyword))
      }
      depth = max(0, depth + opens - closes)
      if let statement = current {
        kept.append(statement.keep ? line : "")
        if !statement.keep { leftOut = true }
        let opened = statement.opened || codeLine.contains("{")
        current?.opened = opened
        // The statement ends when its body has closed, or at the end of its line for a
        // bodiless one (an import, a `let` without braces, a call).
        let bodiless = statement.endsWithLine || !(opened || Self.continues(codeLine))
        if depth == 0, opened || bodiless { current = nil }
      } else {
        kept.append(line)
      }
    }
    return (kept.joined(separator: "\n"), leftOut)
  }

  /// Whether a line's statement goes on past it: a declaration header not yet at its body (a
  /// `func` line without `{`, or a line ending with `,`, `(`, `->` or an operator).
  private static func continues(_ line: String) -> Bool {
    let trimmed = line.trimmingCharacters(in: .whitespaces)
    if trimmed.isEmpty { return false }
    let words = Self.words(withoutAttributes: line)
    if bodiedKeywords.contains(Self.keyword(words)), !trimmed.contains("{") { return true }
    return [",", "(", "->", "=", "&&", "||", "+", "-", ".", "in", "throws", "async"].contains {
      trimmed.hasSuffix($0)
    }
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
        if !SourceScanner.isIdentifier(after) {
          for offset in index..<(index + pattern.count) { bytes[offset] = UInt8(ascii: " ") }
          found = true
        }
      }
      index += 1
    }
    return (String(decoding: bytes, as: UTF8.self), found)
  }

  /// The words of a line of code (comments and strings already blanked), without its
  /// attributes and their arguments (`@available(macOS 13, *)`).
  private static func words(withoutAttributes line: String) -> [String] {
    let stripped = line.replacing(/@\w+(\([^)]*\))?/, with: " ")
    return stripped.split {
      $0 == " " || $0 == "\t" || $0 == "{" || $0 == "(" || $0 == ":" || $0 == "<"
    }
    .map(String.init)
  }

  /// The keyword that says what a statement is: its first word that is not a modifier.
  private static func keyword(_ words: [String]) -> String {
    words.first { word in
      !modifiers.contains(word) && !word.hasPrefix("private(") && !word.hasPrefix("nonisolated(")
    } ?? ""
  }
}
