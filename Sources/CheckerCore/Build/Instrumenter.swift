/// Renames the student's `waitRandom` and `taskWaitRandom` so that the harness's recording
/// wrappers (`AsyncCheckInstrumentation.swift`) take their names.
///
/// Every call in the submission, the student's own `waitN` included, then goes through a
/// wrapper that reports when the sleep started and ended and what it returned. The wrappers
/// forward to the student's function unchanged, default value included, so behaviour is the
/// same; when renaming breaks the build, the checker builds again without it.
enum Instrumenter {
  /// The name the student's function gets.
  static func renamed(_ name: String) -> String {
    "asyncCheckStudent" + name.prefix(1).uppercased() + name.dropFirst()
  }

  /// `text` with each declaration `func NAME` of the given names renamed.
  static func rename(_ names: [String], in text: String) -> String {
    var result = text
    for name in names {
      let pattern = try? Regex("\\bfunc(\\s+)\(name)\\b")
      guard let pattern else { continue }
      result = result.replacing(pattern) { match in
        "func" + (match.output[1].substring.map(String.init) ?? " ") + renamed(name)
      }
    }
    return result
  }
}
