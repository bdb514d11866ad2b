/// What the checker learns by reading a submission's sources.
///
/// Where each task's function is declared, what its body uses, and where the code sorts: the
/// source checks (no sorting, built on `taskWaitRandom`) read these, never comments or strings.
/// Swift sources are read by `SourceScanner`; Python ones by the Python harness's `ast` probe.
public struct SourceFacts: Sendable {
  /// A task function's declaration, as found.
  public struct Declared: Sendable, Hashable {
    /// The declaration up to its body, on one line.
    public let header: String
    /// `file:line`, for messages.
    public let location: String
  }

  /// The language the facts were read from.
  public let language: Language
  /// Each task's function declaration, by task number.
  public var declared: [Int: Declared] = [:]
  /// Where each task's function, or code it shares with others, sorts (`file:line`).
  var sorting: [Int: [String]] = [:]
  /// Whether `waitRandom` declares a default value for `maxDelay`.
  public var waitRandomHasDefault = false
  /// The whole-number default value of `maxDelay`, when it is a literal.
  public var waitRandomDefaultLiteral: Int?
  /// What each Python file's text says, for the project's requirement checks.
  public var pythonFiles: [Int: PythonFileFacts] = [:]
  /// Lines on the Python probe's channel that the probe did not write (forged by the submission).
  public var forgedLines = 0

  /// Facts with nothing found, for `language`.
  ///
  /// - Parameter language: The submission's language.
  public init(language: Language) {
    self.language = language
  }

  /// Reads a Swift submission.
  ///
  /// - Parameter submission: The sources to read.
  public init(submission: Submission) {
    language = .swift
    var shared: [(location: String, code: String)] = []
    var bodies: [Int: (file: String, declaration: FunctionDeclaration)] = [:]
    for file in submission.files {
      let scanner = SourceScanner(text: file.text)
      var taskRanges: [ClosedRange<Int>] = []
      for task in Exercise.tasks {
        let found = scanner.functions(named: task.signature.name)
        if bodies[task.id] == nil, let first = found.first {
          bodies[task.id] = (file.relativePath, first)
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
    let sharedSorting = shared.filter { Self.sorts($0.code) }.map(\.location)
    for task in Exercise.tasks {
      sorting[task.id] = sharedSorting
      guard let (file, declaration) = bodies[task.id] else { continue }
      declared[task.id] = Declared(
        header: declaration.header, location: "\(file):\(declaration.startLine)")
      let lines = declaration.body.split(separator: "\n", omittingEmptySubsequences: false)
      let bodyStart = declaration.endLine - lines.count + 1
      sorting[task.id] =
        lines.enumerated().filter { Self.sorts($0.element) }.map {
          "\(file):\(bodyStart + $0.offset)"
        }
        + sharedSorting
    }
    if let header = declared[0]?.header, let range = header.range(of: "maxDelay") {
      let parameters = header[range.upperBound...].prefix { $0 != ")" }
      waitRandomHasDefault = parameters.contains("=")
      if let equals = parameters.firstIndex(of: "=") {
        let value = parameters[parameters.index(after: equals)...].drop { $0 == " " }
          .prefix { $0.isNumber || $0 == "_" }
        waitRandomDefaultLiteral = Int(value.filter { $0 != "_" })
      }
    }
  }

  /// Where the function of task `taskID`, or the code it shares with others, sorts.
  ///
  /// - Parameter taskID: A task number.
  /// - Returns: The places that sort, as `file:line`; empty when none does.
  public func sortingPlaces(forTask taskID: Int) -> [String] {
    sorting[taskID] ?? []
  }

  private static func sorts(_ line: some StringProtocol) -> Bool {
    String(line).contains(/\.\s*sort(ed)?\b/)
  }
}
