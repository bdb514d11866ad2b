/// Whether a task's function was found and can be called, as the build found it.
public enum TaskAvailability: Sendable, Equatable {
  /// It compiles and can be called; `signatureProblem` says how the declaration still differs
  /// from the exercise's (not `async`, no default value), or is `nil` when it matches exactly.
  case callable(signatureProblem: String?)
  /// No function of that name is declared.
  case missing
  /// A function of that name is declared but cannot be called as the exercise says.
  case wrongSignature(found: String)
  /// The function does not compile; the compiler's messages.
  case compileError([Diagnostic])
  /// The function does not compile because it uses another task's function, which is broken.
  case needsTask(Int)
  /// The function compiles with the student's own versions of the functions it builds on, but
  /// not with the exercise's (it calls them with other parameters, say), so it cannot be graded
  /// on its own; the compiler's messages.
  case incompatible([Diagnostic])

  /// Whether the harness can call the function.
  public var isCallable: Bool {
    if case .callable = self { return true }
    return false
  }
}
