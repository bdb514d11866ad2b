extension String {
  /// The text's lines, whatever ends them: `\r\n`, a lone `\r`, `\n`, NEL (U+0085), LINE
  /// SEPARATOR (U+2028) or PARAGRAPH SEPARATOR (U+2029).
  ///
  /// Split on Unicode scalars, not Characters: in Swift `"\r\n"` is one Character, so splitting
  /// on the Character `"\n"` keeps a CRLF file as one line, and a lone `\r` ends no line at all.
  /// Code a student hides after a line that ends with `\r` must still be read on a line of its
  /// own. Like `split(separator:omittingEmptySubsequences: false)`, a text of `n` line breaks
  /// has `n + 1` lines (the last one empty when the text ends with a break).
  var sourceLines: [Substring] { lines(endingAt: Self.isLineBreak) }

  /// The text's lines as the Swift and Python compilers read them: ended by `\r\n`, a lone
  /// `\r` or `\n` only (U+2028 and NEL end no line of code: a `//` after one is still
  /// inside a block comment, or is code, as the line before makes it).
  var codeLines: [Substring] {
    lines { $0 == "\n" || $0 == "\r" }
  }

  /// The text's lines, ended by the scalars `isBreak` accepts (`\r\n` counts as one).
  private func lines(endingAt isBreak: (Unicode.Scalar) -> Bool) -> [Substring] {
    var lines: [Substring] = []
    let scalars = unicodeScalars
    var start = scalars.startIndex
    var index = start
    while index < scalars.endIndex {
      let scalar = scalars[index]
      guard isBreak(scalar) else {
        index = scalars.index(after: index)
        continue
      }
      lines.append(Substring(scalars[start..<index]))
      index = scalars.index(after: index)
      if scalar == "\r", index < scalars.endIndex, scalars[index] == "\n" {
        index = scalars.index(after: index)
      }
      start = index
    }
    lines.append(Substring(scalars[start..<scalars.endIndex]))
    return lines
  }

  /// The text with every `\r\n` and every lone `\r` as `\n`, counted on Unicode scalars.
  ///
  /// The Swift compiler ends a line at a lone `\r` as at `\n`, so a Swift file means the same
  /// once normalised, and every line-based reading (the facts, blanking a function that does
  /// not compile, the tampering scan) sees the lines the compiler sees, with their numbers.
  var withUnixLineEndings: String {
    guard unicodeScalars.contains("\r") else { return self }
    var result = String.UnicodeScalarView()
    var previousWasCR = false
    for scalar in unicodeScalars {
      if scalar == "\r" {
        result.append("\n")
        previousWasCR = true
        continue
      }
      if !(scalar == "\n" && previousWasCR) { result.append(scalar) }
      previousWasCR = false
    }
    return String(result)
  }

  /// Whether a scalar ends a line: LF, CR, NEL, LINE SEPARATOR or PARAGRAPH SEPARATOR.
  static func isLineBreak(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x0A, 0x0D, 0x85, 0x2028, 0x2029: true
    default: false
    }
  }
}
