/// Renames the student's task functions so that the harness's substitutes
/// (`HarnessExerciseSource`) take their names.
///
/// Every call in the submission, the student's own `waitN` included, then goes through a
/// substitute that, in the process grading task k, leads to the student's function for task k
/// and to the checker's reference for the others, and reports each call of the functions a
/// task builds on. Renaming keeps every line where it was, so compiler messages still point at
/// the student's lines.
enum Instrumenter {
  /// The name the student's function gets.
  static func renamed(_ name: String) -> String {
    "asyncCheckStudent" + name.prefix(1).uppercased() + name.dropFirst()
  }

  /// `text` with each declaration `func NAME` (or `` func `NAME` ``) of the given names renamed.
  static func rename(_ names: [String], in text: String) -> String {
    var result = text
    for name in names {
      let pattern = try? Regex("\\bfunc(\\s+)(?:`\(name)`|\(name)\\b)")
      guard let pattern else { continue }
      result = result.replacing(pattern) { match in
        "func" + (match.output[1].substring.map(String.init) ?? " ") + renamed(name)
      }
    }
    return result
  }
}
