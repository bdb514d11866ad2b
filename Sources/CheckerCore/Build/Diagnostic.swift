/// One message from the Swift compiler.
public struct Diagnostic: Sendable, Hashable, Codable {
  /// How serious a diagnostic is, in the compiler's words.
  public enum Severity: String, Sendable, Hashable, Codable {
    /// The code does not compile.
    case error
    /// The code compiles, but the compiler warns.
    case warning
    /// More about the diagnostic before it.
    case note
  }

  /// The file, relative to the submission (or the checker's own file name for its probes).
  public var file: String
  /// The 1-based line.
  public var line: Int
  /// How serious it is.
  public var severity: Severity
  /// The compiler's message.
  public var message: String

  /// Creates a diagnostic.
  ///
  /// - Parameters:
  ///   - file: The file, relative to the submission.
  ///   - line: The 1-based line.
  ///   - severity: How serious it is.
  ///   - message: The compiler's message.
  public init(file: String, line: Int, severity: Severity, message: String) {
    self.file = file
    self.line = line
    self.severity = severity
    self.message = message
  }

  /// The diagnostic as a report shows it: `Sources/Lib/WaitN.swift:12: error: …`.
  public var description: String {
    "\(file):\(line): \(severity.rawValue): \(message)"
  }

  /// Parses the compiler's output in `-diagnostic-style llvm` (`path:line:column: severity: …`).
  ///
  /// - Parameter output: What `swiftc` printed.
  /// - Returns: The diagnostics that name a file and line, in order.
  public static func parse(_ output: String) -> [Diagnostic] {
    output.split(separator: "\n").compactMap { line in
      let parts = line.split(separator: ":", maxSplits: 4, omittingEmptySubsequences: false)
      guard parts.count == 5, let lineNumber = Int(parts[1]), Int(parts[2]) != nil else {
        return nil
      }
      guard let severity = Severity(rawValue: parts[3].trimmingCharacters(in: " ")) else {
        return nil
      }
      return Diagnostic(
        file: String(parts[0]), line: lineNumber, severity: severity,
        message: parts[4].trimmingCharacters(in: " "))
    }
  }
}

extension Substring {
  fileprivate func trimmingCharacters(in characters: String) -> String {
    String(drop { characters.contains($0) }.reversed().drop { characters.contains($0) }.reversed())
  }
}
