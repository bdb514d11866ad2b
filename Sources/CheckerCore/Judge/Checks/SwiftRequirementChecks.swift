/// The Swift statement's own requirements, checked on each task's function: a "requirements"
/// group, as the Python project has.
enum SwiftRequirementChecks {
  static let all: [Check] = [documented, swiftFormat]

  /// A `///` comment above the function that says, in a sentence, what it does.
  static let documented = Check(
    name: "documented", title: "requirements: a `///` comment says what it does",
    readsSourceOnly: true
  ) { context in
    let name = context.task.signature.name
    guard let location = context.facts.declared[context.task.id]?.location else {
      return .skip("no \(name) to read")
    }
    let comment = context.facts.documentation[context.task.id] ?? ""
    if comment.isEmpty {
      return .fail(
        "no `///` documentation comment above `func \(name)` (\(location)): write one that "
          + "says what it does", location: location)
    }
    guard PythonRequirementChecks.isSentence(comment), comment.contains(where: \.isLetter) else {
      return .fail(
        "`/// \(comment)` above `func \(name)` is not a sentence: say what the function does",
        location: location)
    }
    return .pass()
  }

  /// `swift format lint` finds nothing in the function, and in the code around it that belongs
  /// to no other task.
  static let swiftFormat = Check(
    name: "swift-format", title: "requirements: `swift format lint` finds nothing",
    readsSourceOnly: true
  ) { context in
    let name = context.task.signature.name
    guard context.facts.extent[context.task.id] != nil else {
      return .skip("no \(name) to read")
    }
    switch context.facts.swiftFormat {
    case nil:
      return .skip("swift format did not run")
    case .unavailable(let reason):
      return .skip(reason)
    case .failed(let reason):
      // Something in the submission kept the lint from judging it: no style points for it.
      return .fail(reason)
    case .ran(let findings, let configuration):
      let mine = findings.filter {
        owner(of: $0, extents: context.facts.extent) == context.task.id
      }
      guard let first = mine.first else { return .pass() }
      let shown = mine.prefix(5).map { "\($0.file):\($0.line): \($0.message)" }
      return .fail(
        "swift format lint (\(configuration)) finds \(mine.count) "
          + "problem\(mine.count == 1 ? "" : "s") in the code of \(name)"
          + "; `swift format -i FILE` fixes most of them",
        details: shown + (mine.count > 5 ? ["… and \(mine.count - 5) more"] : []),
        location: SourceLocation(file: first.file, line: first.line))
    }
  }

  /// The task a finding is counted against: the one whose function (with its comment) holds
  /// the line, else the one whose function is nearest in the same file, else task 0.
  static func owner(
    of finding: SwiftFormatFindings.Finding,
    extents: [Int: (file: String, lines: ClosedRange<Int>)]
  ) -> Int {
    let inFile = extents.filter { $0.value.file == finding.file }
    if let holder = inFile.first(where: { $0.value.lines.contains(finding.line) }) {
      return holder.key
    }
    let nearest = inFile.min { first, second in
      let distance = { (lines: ClosedRange<Int>) in
        min(abs(lines.lowerBound - finding.line), abs(lines.upperBound - finding.line))
      }
      return (distance(first.value.lines), first.key) < (distance(second.value.lines), second.key)
    }
    return nearest?.key ?? extents.keys.min() ?? Exercise.randomDelay.id
  }
}
