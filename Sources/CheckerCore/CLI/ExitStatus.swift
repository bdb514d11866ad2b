/// How the checker exits: the statuses every command documents in its help.
public enum ExitStatus: Int32, Sendable, Equatable {
  /// The command did what was asked: every check passed, or the class was graded, merged or
  /// bundled (whatever the grades).
  case success = 0
  /// A single grading ran and a check failed (compile errors included).
  case checksFailed = 1
  /// The checker could not run: bad options, a bad path, no sources, no toolchain.
  case cannotRun = 2
}
