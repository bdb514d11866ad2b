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
  /// It could not judge the sources for a reason the submission controls (its `.swift-format`
  /// cannot be read or used; the lint ran past its time limit or crashed on its sources): the
  /// check fails, and the reason says what to fix.
  case failed(String)
  /// The machine has no `swift format`: the check is dropped; the reason says what to install.
  case unavailable(String)

  /// Reads `swift format lint`'s output (`PATH:LINE:COLUMN: warning: [Rule] message`).
  ///
  /// A file name may hold anything but "/": `a:1:1.swift` or `x: warning: y.swift`. So a line
  /// is matched against the paths that were linted (the longest first), and only what follows
  /// the path is read as `LINE:COLUMN: severity: message`. A line whose path is not one of
  /// them is read from the severity leftwards: the column and the line are the two numbers
  /// before it.
  ///
  /// - Parameters:
  ///   - output: What it printed.
  ///   - prefix: The folder the linted files were in, removed from their paths.
  ///   - files: The linted files' paths under `prefix`.
  /// - Returns: The findings, in order.
  static func parse(_ output: String, under prefix: String, files: [String] = []) -> [Finding] {
    let known = files.map { (file: $0, head: Array((prefix + $0 + ":").utf8)) }
      .sorted { $0.head.count > $1.head.count }
    return output.split(separator: "\n").compactMap { line in
      let bytes = Array(line.utf8)
      if let match = known.first(where: { bytes.starts(with: $0.head) }) {
        let rest = String(decoding: bytes.dropFirst(match.head.count), as: UTF8.self)
        let parts = rest.split(separator: ":", maxSplits: 3, omittingEmptySubsequences: false)
        guard parts.count == 4, let number = Int(parts[0]), Int(parts[1]) != nil else {
          return nil
        }
        return Finding(
          file: match.file, line: number,
          message: parts[3].trimmingCharacters(in: .whitespaces))
      }
      return unknownPath(String(line), under: prefix)
    }
  }

  /// A finding whose path is none of the linted files': `PATH:LINE:COLUMN` read from the right
  /// of the first `: warning: ` or `: error: `.
  private static func unknownPath(_ line: String, under prefix: String) -> Finding? {
    guard
      let severity = [": warning: ", ": error: "].compactMap({ line.range(of: $0) })
        .min(by: { $0.lowerBound < $1.lowerBound })
    else { return nil }
    let location = line[..<severity.lowerBound]
    let parts = location.split(separator: ":", omittingEmptySubsequences: false)
    guard parts.count >= 3, let number = Int(parts[parts.count - 2]),
      Int(parts[parts.count - 1]) != nil
    else { return nil }
    var file = parts.dropLast(2).joined(separator: ":")
    if file.hasPrefix(prefix) { file.removeFirst(prefix.count) }
    return Finding(
      file: file, line: number,
      message: line[severity.upperBound...].trimmingCharacters(in: .whitespaces))
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
  /// The linted files, relative to `prefix` (the sentinel among them).
  var files: [String] = []
  /// Which configuration it uses, for messages.
  var configuration: String
  /// Whether that configuration is the submission's own `.swift-format`.
  var isSubmissionsConfiguration = false
  /// Why it cannot run on this machine, when it cannot: the check is dropped.
  var unavailable: String?
  /// Why it cannot run for a reason the submission controls: the check fails.
  var refused: String?

  /// What the run found.
  func findings(_ outcome: ProcessSupervisor.Outcome?) -> SwiftFormatFindings {
    if let unavailable { return .unavailable(unavailable) }
    if let refused { return .failed(refused) }
    guard let outcome else { return .unavailable("swift format did not run") }
    let text = String(decoding: outcome.output, as: UTF8.self)
    let said = Self.excerpt(text)
    switch outcome.termination {
    case .exited:
      let all = SwiftFormatFindings.parse(text, under: prefix, files: files)
      guard all.contains(where: { $0.file == Self.sentinel }) else {
        // Our own file always has findings: without them, swift format read nothing. With the
        // submission's configuration, that is the configuration's doing (`Unable to read
        // configuration`); with the toolchain's, the sources' (nothing else changed).
        return .failed(
          isSubmissionsConfiguration
            ? "swift format lint cannot use your .swift-format (\(said)): fix it (`swift format "
              + "dump-configuration` prints a valid one) or remove it"
            : "swift format lint could not read your sources (\(said))")
      }
      return .ran(all.filter { $0.file != Self.sentinel }, configuration: configuration)
    case .timedOut(let seconds):
      return .failed(
        "swift format lint did not finish within \(Int(seconds)) s on your sources: a solution "
          + "lints in a second; remove what is not the exercise (generated code, long comments)")
    case .failedToStart(let reason):
      return .unavailable("swift format could not be started: \(reason)")
    default:
      return .failed(
        "swift format lint ended with \(outcome.termination) on your sources (\(said)): "
          + "run `swift format lint` on them to see why")
    }
  }

  /// The start of what swift format said (its first different lines), on one line, for a
  /// message.
  private static func excerpt(_ text: String) -> String {
    var seen: Set<String> = []
    let line = text.sourceLines.map { $0.trimmingCharacters(in: .whitespaces) }
      .filter { !$0.isEmpty && seen.insert($0).inserted }.prefix(2).joined(separator: " ")
    return line.isEmpty ? "it said nothing" : "it said: \(line.prefix(300))"
  }
}
