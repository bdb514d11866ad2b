import Foundation

// Blanking: a broken task function emptied or stubbed in place, line numbers elsewhere kept.
extension SubmissionBuilder {
  /// `text` with `declaration`'s lines emptied but its first, which holds its header and a body
  /// that stops the program: line numbers elsewhere stay the same.
  static func stub(_ declaration: FunctionDeclaration, in text: String) -> String {
    let header =
      declaration.header + " { fatalError(\"asynccheck: this function does not compile\") }"
    return blank(lines: declaration.startLine...declaration.endLine, in: text, keeping: header)
  }

  /// The task function that contains `line` of `text`, if any.
  static func taskFunction(containing line: Int, in text: String) -> (
    ExerciseTask, FunctionDeclaration
  )? {
    let scanner = SourceScanner(text: text)
    return Exercise.tasks.lazy.compactMap { task in
      scanner.functions(named: task.signature.name).first { $0.contains(line: line) }.map {
        (task, $0)
      }
    }.first
  }

  /// `text` with the given lines emptied, so that line numbers elsewhere stay the same; with
  /// `first`, the first of them holds it instead.
  static func blank(lines: ClosedRange<Int>, in text: String, keeping first: String = "")
    -> String
  {
    text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map {
      guard lines.contains($0.offset + 1) else { return String($0.element) }
      return $0.offset + 1 == lines.lowerBound ? first : ""
    }.joined(separator: "\n")
  }
}
