extension String {
  /// The text with every control character (ESC, CR, new lines, the other C0 characters and
  /// DEL) shown as a visible symbol (`␛`, `␍`, `␤`, …), so that text a student controls (a
  /// folder name, what their code printed, an exception's message) stays on its line and cannot
  /// move the cursor, colour the terminal or add a fake "Score:" line to a report.
  public var terminalSafe: String {
    guard unicodeScalars.contains(where: Self.isControl) else { return self }
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
      } else {
        result.append(scalar)
      }
    }
    return String(result)
  }

  private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
  }
}
