import Foundation

/// What a command may know of the world it runs in, handed over by the executable.
public struct CommandContext: Sendable {
  /// The environment (`NO_COLOR`, `TERM`).
  public var environment: [String: String]
  /// Whether standard output is a terminal (colour).
  public var isOutputTerminal: Bool
  /// Whether standard error is a terminal (`grade-all`'s progress line).
  public var isErrorTerminal: Bool
  /// Where relative paths start.
  public var currentDirectory: URL
  /// The running checker program, when known (`bundle` includes it).
  public var executable: URL?
  /// Where a long command's progress goes while it runs; the executable writes it to standard
  /// error.
  public var progress: @Sendable (String) -> Void

  /// Creates a context.
  ///
  /// - Parameters:
  ///   - environment: The environment.
  ///   - isOutputTerminal: Whether standard output is a terminal.
  ///   - isErrorTerminal: Whether standard error is a terminal.
  ///   - currentDirectory: Where relative paths start (default: the process's).
  ///   - executable: The running checker program (default: this process's, when found).
  ///   - progress: Where progress goes (default: nowhere).
  public init(
    environment: [String: String] = [:], isOutputTerminal: Bool = false,
    isErrorTerminal: Bool = false,
    currentDirectory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath),
    executable: URL? = CommandContext.runningChecker(),
    progress: @escaping @Sendable (String) -> Void = { _ in }
  ) {
    self.environment = environment
    self.isOutputTerminal = isOutputTerminal
    self.isErrorTerminal = isErrorTerminal
    self.currentDirectory = currentDirectory
    self.executable = executable
    self.progress = progress
  }

  /// The checker program this process runs, when it can be found (the one the sandbox also
  /// launches).
  public static func runningChecker() -> URL? {
    Sandbox.checkerProgram().map { URL(fileURLWithPath: $0) }
  }
}
