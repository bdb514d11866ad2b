/// Words as a POSIX shell reads and writes them: for the commands `swiftc -###` prints, and the
/// script that runs them again (`DriverPlan`).
enum ShellWords {
  /// The words of one command line: split at unquoted blanks, with single quotes, double quotes
  /// and backslashes taken as a shell takes them.
  ///
  /// - Returns: The words, or `nil` when a quote is left open or the line uses what a plain
  ///   command line does not (variables, substitutions, redirections, pipes).
  static func split(_ line: String) -> [String]? {
    var words: [String] = []
    var word = ""
    var inWord = false
    var characters = line.makeIterator()
    while let character = characters.next() {
      switch character {
      case " ", "\t":
        if inWord { words.append(word) }
        (word, inWord) = ("", false)
      case "'":
        inWord = true
        var closed = false
        while let quoted = characters.next() {
          if quoted == "'" {
            closed = true
            break
          }
          word.append(quoted)
        }
        guard closed else { return nil }
      case "\"":
        inWord = true
        var closed = false
        while let quoted = characters.next() {
          if quoted == "\"" {
            closed = true
            break
          }
          if quoted == "$" || quoted == "`" { return nil }
          if quoted == "\\" {
            guard let escaped = characters.next() else { return nil }
            if !"$`\"\\\n".contains(escaped) { word.append("\\") }
            word.append(escaped)
          } else {
            word.append(quoted)
          }
        }
        guard closed else { return nil }
      case "\\":
        guard let escaped = characters.next() else { return nil }
        inWord = true
        word.append(escaped)
      case "$", "`", "|", "&", ";", "<", ">", "(", ")", "*", "?", "[", "~", "#":
        return nil
      default:
        inWord = true
        word.append(character)
      }
    }
    if inWord { words.append(word) }
    return words
  }

  /// `word` as a shell reads it back as one word: as it is when it has nothing a shell would
  /// interpret, else in single quotes.
  static func quote(_ word: String) -> String {
    let plain =
      !word.isEmpty
      && word.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "/._-=+,:@%".contains($0)) }
    if plain { return word }
    return "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
  }
}
