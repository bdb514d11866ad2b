/// What `swift format lint` said of a Swift submission, or why it could not say.
public enum SwiftFormatFindings: Sendable, Equatable {
  /// One finding: where, and what the rule asks.
  public struct Finding: Sendable, Equatable {
    /// The file, relative to the submission.
    public var file: String
    /// The line (1-based).
    public var line: Int
    /// The finding as `swift format` words it (`[Indentation] replace 4 spaces with 2`).
    public var message: String
  }

  /// It ran: its findings (none for clean code), with the configuration it used.
  case ran([Finding], configuration: String)
  /// It could not run; the reason says what to install or fix.
  case unavailable(String)

  /// Reads `swift format lint`'s output (`PATH:LINE:COLUMN: warning: [Rule] message`).
  ///
  /// - Parameters:
  ///   - output: What it printed.
  ///   - prefix: The folder the linted files were in, removed from their paths.
  /// - Returns: The findings, in order.
  static func parse(_ output: String, under prefix: String) -> [Finding] {
    output.split(separator: "\n").compactMap { line in
      let parts = line.split(separator: ":", maxSplits: 4, omittingEmptySubsequences: false)
      guard parts.count == 5, let number = Int(parts[1]), Int(parts[2]) != nil else { return nil }
      var file = String(parts[0])
      if file.hasPrefix(prefix) { file.removeFirst(prefix.count) }
      return Finding(
        file: file, line: number,
        message: parts[4].trimmingCharacters(in: .whitespaces))
    }
  }
}

/// A `swift format lint` run, and how to read its outcome.
struct SwiftFormatLint: Sendable {
  /// The checker's own file among the linted ones, which swift format must complain about.
  static let sentinel = "__asynccheck_lint_sentinel__.swift"

  /// The run, or `nil` when it cannot be made.
  var job: ProcessSupervisor.Job?
  /// The folder the linted files are in.
  var prefix: String
  /// Which configuration it uses, for messages.
  var configuration: String
  /// Why it cannot run, when it cannot.
  var unavailable: String?

  /// What the run found.
  func findings(_ outcome: ProcessSupervisor.Outcome?) -> SwiftFormatFindings {
    if let unavailable { return .unavailable(unavailable) }
    guard let outcome else { return .unavailable("swift format did not run") }
    let text = String(decoding: outcome.output, as: UTF8.self)
    switch outcome.termination {
    case .exited:
      let all = SwiftFormatFindings.parse(text, under: prefix)
      guard all.contains(where: { $0.file == Self.sentinel }) else {
        return .unavailable("swift format did not read the sources: \(text.prefix(300))")
      }
      return .ran(all.filter { $0.file != Self.sentinel }, configuration: configuration)
    default:
      return .unavailable("swift format ended with \(outcome.termination)")
    }
  }
}
