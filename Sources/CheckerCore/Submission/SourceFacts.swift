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
    /// Where it starts.
    public let location: SourceLocation
  }

  /// The language the facts were read from.
  public let language: Language
  /// Each task's function declaration, by task number.
  public var declared: [Int: Declared] = [:]
  /// Where each task's function, or code it shares with others, sorts.
  var sorting: [Int: [SourceLocation]] = [:]
  /// Whether `waitRandom` declares a default value for `maxDelay`.
  public var waitRandomHasDefault = false
  /// The whole-number default value of `maxDelay`, when it is a literal.
  public var waitRandomDefaultLiteral: Int?
  /// What each Python file's text says, for the project's requirement checks.
  public var pythonFiles: [Int: PythonFileFacts] = [:]
  /// Lines on the Python probe's channel that the probe did not write (forged by the submission).
  public var forgedLines = 0
  /// The `///` (or `/** */`) comment above each task's Swift function, its markers removed;
  /// empty when there is none.
  public var documentation: [Int: String] = [:]
  /// Where each task's Swift function is, from its comment to its closing brace.
  public var extent: [Int: (file: String, lines: ClosedRange<Int>)] = [:]
  /// What `swift format lint` said of the Swift sources, or why it could not run.
  public var swiftFormat: SwiftFormatFindings?

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
    var shared: [(location: SourceLocation, code: String)] = []
    var bodies: [Int: (file: String, declaration: FunctionDeclaration)] = [:]
    var texts: [String: [Substring]] = [:]
    for file in submission.files {
      // Comments as the student wrote them: `main.swift`'s left-out lines are not in `text`.
      texts[file.relativePath] = (file.original ?? file.text).split(
        separator: "\n", omittingEmptySubsequences: false)
      let scanner = SourceScanner(text: file.text)
      var taskRanges: [ClosedRange<Int>] = []
      for task in Exercise.tasks {
        let found = scanner.functions(named: task.signature.name)
        // The exercise's function is the one at file scope: a documented `static func waitN`
        // in an enum above it is another function, and its comment is not this one's.
        if bodies[task.id] == nil,
          let first = scanner.fileScopeFunctions(named: task.signature.name).first ?? found.first
        {
          bodies[task.id] = (file.relativePath, first)
        }
        taskRanges += found.map { $0.startLine...$0.endLine }
      }
      let lines = String(decoding: scanner.code, as: UTF8.self)
        .split(separator: "\n", omittingEmptySubsequences: false)
      for (index, line) in lines.enumerated()
      where !taskRanges.contains(where: { $0.contains(index + 1) }) {
        shared.append((SourceLocation(file: file.relativePath, line: index + 1), String(line)))
      }
    }
    let sharedSorting = shared.filter { Self.sorts($0.code) }.map(\.location)
    for task in Exercise.tasks {
      sorting[task.id] = sharedSorting
      guard let (file, declaration) = bodies[task.id] else { continue }
      declared[task.id] = Declared(
        header: declaration.header,
        location: SourceLocation(file: file, line: declaration.startLine))
      let (comment, firstLine) = Self.documentation(
        above: declaration.startLine, in: texts[file] ?? [])
      documentation[task.id] = comment
      extent[task.id] = (file, firstLine...declaration.endLine)
      let lines = declaration.body.split(separator: "\n", omittingEmptySubsequences: false)
      let bodyStart = declaration.endLine - lines.count + 1
      sorting[task.id] =
        lines.enumerated().filter { Self.sorts($0.element) }.map {
          SourceLocation(file: file, line: bodyStart + $0.offset)
        }
        + sharedSorting
    }
    if let header = declared[Exercise.randomDelay.id]?.header,
      let range = header.range(of: Exercise.randomDelay.signature.labels.first ?? "maxDelay")
    {
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
  /// - Returns: The places that sort; empty when none does.
  public func sortingPlaces(forTask taskID: Int) -> [SourceLocation] {
    sorting[taskID] ?? []
  }

  /// The documentation comment that ends just above line `line` (attributes between them
  /// allowed), its markers removed, and the line it starts on (`line` when there is none).
  static func documentation(above line: Int, in lines: [Substring]) -> (String, Int) {
    var index = line - 2
    var comment: [String] = []
    var first = line
    while index >= 0, lines[index].trimmingCharacters(in: .whitespaces).hasPrefix("@") {
      index -= 1
    }
    while index >= 0 {
      let trimmed = lines[index].trimmingCharacters(in: .whitespaces)
      if trimmed.hasPrefix("///") {
        comment.insert(trimmed.dropFirst(3).trimmingCharacters(in: .whitespaces), at: 0)
        first = index + 1
        index -= 1
      } else if trimmed.hasSuffix("*/"), comment.isEmpty {
        // A `/** … */` block: up to its opening line.
        var start = index
        while start >= 0, !lines[start].contains("/*") { start -= 1 }
        guard start >= 0, lines[start].contains("/**") else { break }
        comment = lines[start...index].map {
          $0.replacingOccurrences(of: "/**", with: "").replacingOccurrences(of: "*/", with: "")
            .trimmingCharacters(in: .whitespaces)
            .drop { $0 == "*" }.trimmingCharacters(in: .whitespaces)
        }
        first = start + 1
        break
      } else {
        break
      }
    }
    return (comment.joined(separator: " ").trimmingCharacters(in: .whitespaces), first)
  }

  private static func sorts(_ line: some StringProtocol) -> Bool {
    String(line).contains(/\.\s*sort(ed)?\b/)
  }
}
