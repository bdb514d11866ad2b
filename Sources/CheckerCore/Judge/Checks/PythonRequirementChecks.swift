/// The Python project's own requirements, checked on each task's file: a "Requirements" group.
enum PythonRequirementChecks {
  static let all: [Check] = [shebang, executable, finalNewline, docstrings, annotations, style]

  /// A check on the facts of the task's file; `nil` from `judge` is a pass.
  static func fileCheck(
    _ name: String, _ title: String,
    _ judge: @escaping @Sendable (PythonFileFacts, String) -> Verdict
  )
    -> Check
  {
    functionCheck(name, title) { facts, function in judge(facts, function.file) }
  }

  /// A check on the facts of the task's file, given the task's function (its name and file).
  static func functionCheck(
    _ name: String, _ title: String,
    _ judge: @escaping @Sendable (PythonFileFacts, PythonFunction) -> Verdict
  )
    -> Check
  {
    Check(
      name: name, title: CheckTitle(stringLiteral: "requirements: " + title), readsSourceOnly: true
    ) { context in
      let function = context.task.python
      guard let facts = context.facts.pythonFiles[context.task.id] else {
        return .skip("\(function.file) is missing")
      }
      return judge(facts, function)
    }
  }

  /// A check on the functions the task's file defines: skipped when the file does not parse,
  /// failed when the task's function is not the def the module exports (`exportedDef`).
  static func definitionsCheck(
    _ name: String, _ title: String,
    _ judge: @escaping @Sendable (PythonFileFacts, [PythonFileFacts.Function], String) -> Verdict
  )
    -> Check
  {
    functionCheck(name, title) { facts, function in
      guard facts.moduleDocstring != nil, let functions = facts.functions else {
        return .skip("\(function.file) does not parse: fix the syntax error first")
      }
      if let failure = exportedDef(facts, functions, function.name, in: function.file) {
        return failure
      }
      return judge(facts, functions, function.file)
    }
  }

  static let shebang = fileCheck("shebang", "the first line is #!/usr/bin/env python3") {
    facts, file in
    // The system does not read a shebang after a byte order mark.
    if facts.byteOrderMark == true {
      return .fail(
        "\(file) starts with a byte order mark (BOM) before `#!`: run as ./\(file), the "
          + "system does not see the shebang; save it as UTF-8 without BOM")
    }
    if facts.firstLine.unicodeScalars.elementsEqual("#!/usr/bin/env python3".unicodeScalars) {
      return .pass()
    }
    if facts.firstLine == "#!/usr/bin/env python3\r" {
      return .fail(
        "\(file) has Windows line endings (CRLF): run as ./\(file), its first line asks for "
          + "`python3\\r`, which does not exist; save it with LF line endings")
    }
    // The first line is read up to the first "\n": a file whose lines end with a lone CR is
    // one line, shown up to its first line ending.
    let firstLine = facts.firstLine.sourceLines.first ?? ""
    if firstLine == "#!/usr/bin/env python3" {
      return .fail(
        "\(file) has old Mac line endings (a lone CR): run as ./\(file), its first line is "
          + "the whole file; save it with LF line endings")
    }
    return .mismatch(
      Mismatch(
        file, "starts with", actual: "`\(firstLine.prefix(120))`",
        expected: "`#!/usr/bin/env python3`"))
  }

  static let executable = fileCheck("executable", "the file is executable") { facts, file in
    facts.executable ? .pass() : .fail("\(file) is not executable: chmod +x \(file)")
  }

  static let finalNewline = fileCheck("final-newline", "the file ends with a new line") {
    facts, file in
    facts.endsWithNewline ? .pass() : .fail("\(file) does not end with a new line")
  }

  /// How a check of every function fails when the task's own function is not among them (a
  /// lambda, an assignment): its docstring and annotations cannot be read, so nothing passes.
  static func undeclared(_ name: String, in file: String) -> Verdict {
    .fail(
      "\(file) has no `def \(name)`: the requirement is read from a def with its docstring "
        + "and annotations (a lambda or an assignment has neither)")
  }

  /// The failure when the task's function is not the def the module exports.
  ///
  /// There is no def, or a later statement replaces it; `nil` when the def is the module's.
  static func exportedDef(
    _ facts: PythonFileFacts, _ functions: [PythonFileFacts.Function], _ name: String,
    in file: String
  ) -> Verdict? {
    if !functions.contains(where: { $0.name == name }) { return undeclared(name, in: file) }
    if let line = facts.rebound?[name] {
      return .fail(
        "\(file):\(line) binds `\(name)` again after its def: the module exports that, not "
          + "the def whose docstring and annotations were read")
    }
    return nil
  }

  static let docstrings = definitionsCheck(
    "docstrings", "the module and its functions have real docstrings"
  ) { facts, functions, file in
    var missing: [String] = []
    if !isSentence(facts.moduleDocstring ?? "") { missing.append("the module") }
    missing += functions.filter { !isSentence($0.docstring) }.map { "\($0.name) (line \($0.line))" }
    return missing.isEmpty
      ? .pass()
      : .fail(
        "\(file): no real docstring (a sentence, not one word) for \(missing.joined(separator: ", "))"
      )
  }

  static let annotations = definitionsCheck(
    "annotations", "every function's parameters and return value are annotated"
  ) { _, functions, file in
    let missing = functions.filter { !$0.unannotated.isEmpty }.map {
      "\($0.name) (\($0.unannotated.joined(separator: ", ")))"
    }
    return missing.isEmpty
      ? .pass() : .fail("\(file): missing type annotations in \(missing.joined(separator: "; "))")
  }

  static let style = fileCheck("pycodestyle", "pycodestyle finds nothing") { facts, file in
    guard let messages = facts.pycodestyle else {
      return .skip("pycodestyle not installed: pip install pycodestyle")
    }
    return messages.isEmpty
      ? .pass()
      : .fail(
        "pycodestyle: \(messages.count) problem\(messages.count == 1 ? "" : "s") in \(file)",
        details: Array(messages.prefix(8)))
  }

  /// Whether a docstring is a real sentence: more than one word.
  static func isSentence(_ text: String) -> Bool {
    text.split(whereSeparator: \.isWhitespace).count >= 2
  }
}
