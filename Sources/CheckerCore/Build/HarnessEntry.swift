/// The one file the checker compiles into a submission's module: it hands the student's
/// functions that compile to the harness (`HarnessLibrary`), through the symbol the harness
/// declares in `AsyncCheckStudentFunctions.swift`.
///
/// It names only the student's functions, so whatever a submission declares can change nothing
/// but what its own functions do, which is what is graded.
enum HarnessEntry {
  /// The file's name in the build folder (outside the submission's sources).
  static let fileName = "AsyncCheckEntry.swift"

  /// The C symbol the entry defines and the harness calls (`AsyncCheckStudentFunctions.swift`):
  /// the one unmangled name the submission's module defines by the checker's doing.
  static let studentFunctionsSymbol = "asynccheck_student_functions"

  /// The entry file's text.
  ///
  /// - Parameters:
  ///   - callable: The tasks whose student function compiles.
  ///   - substituted: Whether the student's functions were renamed (`Instrumenter`).
  ///   - hasDefault: Whether the student's `waitRandom` has a default `maxDelay`.
  /// - Returns: Swift source.
  static func text(callable: [ExerciseTask], substituted: Bool, hasDefault: Bool) -> String {
    func name(_ task: ExerciseTask) -> String {
      substituted ? Instrumenter.renamed(task.signature.name) : task.signature.name
    }
    // Only the struct: imported whole, the harness's `waitRandom()` would compete with the
    // student's own names in a build without renaming, and win (a call to itself, for ever).
    var lines = [
      "import struct \(HarnessLibrary.moduleName).AsyncCheckStudentFunctions",
      "",
      "@_silgen_name(\"\(studentFunctionsSymbol)\")",
      "func asyncCheckStudentFunctionsEntry() -> \(HarnessLibrary.moduleName)"
        + ".AsyncCheckStudentFunctions {",
      "  var functions = \(HarnessLibrary.moduleName).AsyncCheckStudentFunctions("
        + "substituted: \(substituted))",
    ]
    for task in callable {
      let signature = task.signature
      let arguments = signature.labels.enumerated().map { "\($1): $\($0)" }.joined(
        separator: ", ")
      let call =
        (signature.functionType.contains("async") ? "await " : "")
        + "\(name(task))(\(arguments))"
      lines.append("  functions.\(signature.name) = { \(call) }")
      if task.behaviour == .sleepsRandomDelay, hasDefault {
        lines.append("  functions.\(signature.name)Default = { await \(name(task))() }")
      }
    }
    lines += ["  return functions", "}", ""]
    return lines.joined(separator: "\n")
  }
}
