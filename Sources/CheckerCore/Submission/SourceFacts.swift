/// What the checker learns by reading a submission's sources.
///
/// Where each task's function is declared and what its body uses. Source checks (no sorting, built on `taskWaitRandom`) read
/// these; comments and strings never count.
public struct SourceFacts: Sendable {
  /// A function declaration and the file it is in.
  public struct Located: Sendable, Hashable {
    /// The file, relative to the submission.
    public let file: String
    /// The declaration.
    public let declaration: FunctionDeclaration

    /// `file:line`, for messages.
    public var location: String { "\(file):\(declaration.startLine)" }
  }

  /// Each task function's first declaration, by function name.
  public let declarations: [String: Located]
  /// Lines of code outside every task function's body (helpers, extensions), with their place.
  private let sharedLines: [(location: String, code: String)]

  /// Reads `submission`.
  ///
  /// - Parameter submission: The sources to read.
  public init(submission: Submission) {
    let taskNames = Exercise.tasks.map(\.signature.name)
    var declarations: [String: Located] = [:]
    var shared: [(String, String)] = []
    for file in submission.files {
      let scanner = SourceScanner(text: file.text)
      var taskRanges: [ClosedRange<Int>] = []
      for name in taskNames {
        let found = scanner.functions(named: name)
        if declarations[name] == nil, let first = found.first {
          declarations[name] = Located(file: file.relativePath, declaration: first)
        }
        taskRanges += found.map { $0.startLine...$0.endLine }
      }
      let lines = String(decoding: scanner.code, as: UTF8.self)
        .split(separator: "\n", omittingEmptySubsequences: false)
      for (index, line) in lines.enumerated()
      where !taskRanges.contains(where: { $0.contains(index + 1) }) {
        shared.append(("\(file.relativePath):\(index + 1)", String(line)))
      }
    }
    self.declarations = declarations
    self.sharedLines = shared
  }

  /// Where the function named `name`, or the code it shares with others, sorts (`.sort`,
  /// `.sorted`): the places, as `file:line`.
  ///
  /// - Parameter name: A task function's name.
  /// - Returns: The places that sort; empty when none does.
  public func sortingPlaces(for name: String) -> [String] {
    var places: [String] = []
    if let located = declarations[name] {
      let lines = located.declaration.body.split(separator: "\n", omittingEmptySubsequences: false)
      let bodyStart = located.declaration.endLine - lines.count + 1
      for (index, line) in lines.enumerated() where Self.sorts(line) {
        places.append("\(located.file):\(bodyStart + index)")
      }
    }
    places += sharedLines.filter { Self.sorts($0.code) }.map(\.location)
    return places
  }

  /// Whether the body of the function named `name` mentions the identifier `identifier`.
  ///
  /// - Parameters:
  ///   - name: The function whose body to read.
  ///   - identifier: The identifier to look for.
  /// - Returns: `true` when it is used there (comments and strings excluded).
  public func body(of name: String, mentions identifier: String) -> Bool {
    guard let body = declarations[name]?.declaration.body else { return false }
    let identifiers = body.split { !($0.isLetter || $0.isNumber || $0 == "_") }
    return identifiers.contains { $0 == identifier }
  }

  /// Whether `waitRandom` declares a default value for `maxDelay`.
  public var waitRandomHasDefault: Bool {
    guard let header = declarations["waitRandom"]?.declaration.header,
      let range = header.range(of: "maxDelay")
    else { return false }
    let parameters = header[range.upperBound...].prefix { $0 != ")" }
    return parameters.contains("=")
  }

  /// The whole-number default value of `waitRandom`'s `maxDelay`, when it is written as a
  /// literal; `nil` when there is none or it is not a literal.
  public var waitRandomDefaultLiteral: Int? {
    guard let header = declarations["waitRandom"]?.declaration.header,
      let range = header.range(of: "maxDelay")
    else { return nil }
    let rest = header[range.upperBound...]
    guard let equals = rest.firstIndex(of: "=") else { return nil }
    let value = rest[rest.index(after: equals)...].drop { $0 == " " }.prefix {
      $0.isNumber || $0 == "_"
    }
    return Int(value.filter { $0 != "_" })
  }

  private static func sorts(_ line: some StringProtocol) -> Bool {
    String(line).contains(/\.\s*sort(ed)?\b/)
  }
}
