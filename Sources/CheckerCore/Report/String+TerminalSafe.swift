extension String {
  /// The text with every control character (ESC, CR, new lines, the other C0 characters and
  /// DEL) shown as a visible symbol (`␛`, `␍`, `␤`, …), so that text a student controls (a
  /// folder name, what their code printed, an exception's message) stays on its line and cannot
  /// move the cursor, colour the terminal or add a fake "Score:" line to a report; and every
  /// invisible format control shown as its code point, as `formatControlsVisible` does.
  public var terminalSafe: String {
    guard unicodeScalars.contains(where: { Self.isControl($0) || Self.isFormatControl($0) })
    else { return self }
    var result = String.UnicodeScalarView()
    for scalar in unicodeScalars {
      if scalar == "\n" {
        result.append("\u{2424}")
      } else if scalar.value < 0x20, let symbol = Unicode.Scalar(0x2400 + scalar.value) {
        result.append(symbol)
      } else if scalar.value == 0x7F {
        result.append("\u{2421}")
      } else if (0x80...0x9F).contains(scalar.value) {
        result.append("\u{FFFD}")
      } else if Self.isFormatControl(scalar) {
        result.append(contentsOf: Self.codePoint(scalar).unicodeScalars)
      } else {
        result.append(scalar)
      }
    }
    return String(result)
  }

  /// The text with every invisible format control shown as its code point (`[U+202E]`): the
  /// bidirectional marks, embeddings, overrides and isolates (U+200E, U+200F, U+202A–U+202E,
  /// U+2066–U+2069), every other Unicode format character (category Cf: U+061C, U+200B,
  /// U+FEFF, …), and the line and paragraph separators (U+2028, U+2029).
  ///
  /// A folder named `bob\u{202E}gnissap` reads "bob passing" backwards to a teacher and
  /// reverses the rest of its row in `grades.csv`; a zero-width space makes two names look the
  /// same. New lines, tabs and the other C0 controls are left as they are: formats that keep
  /// lines (HTML's `<pre>`, XML) use this; `terminalSafe` shows those too.
  public var formatControlsVisible: String {
    guard unicodeScalars.contains(where: Self.isFormatControl) else { return self }
    var result = String.UnicodeScalarView()
    for scalar in unicodeScalars {
      if Self.isFormatControl(scalar) {
        result.append(contentsOf: Self.codePoint(scalar).unicodeScalars)
      } else {
        result.append(scalar)
      }
    }
    return String(result)
  }

  private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
  }

  /// Whether a scalar is an invisible format control: category Cf (the bidirectional controls
  /// among them), or a line or paragraph separator.
  static func isFormatControl(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.properties.generalCategory {
    case .format, .lineSeparator, .paragraphSeparator: true
    default: false
    }
  }

  /// `[U+202E]`: a scalar's code point, in at least four hexadecimal digits.
  static func codePoint(_ scalar: Unicode.Scalar) -> String {
    let hex = String(scalar.value, radix: 16, uppercase: true)
    let padding = String(repeating: "0", count: Swift.max(0, 4 - hex.count))
    return "[U+\(padding)\(hex)]"
  }
}
