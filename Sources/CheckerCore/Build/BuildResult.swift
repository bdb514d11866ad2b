/// What building a submission produced.
public struct BuildResult: Sendable {
  /// Each task's function, as the build found it.
  public var availability: [Int: TaskAvailability]
  /// The command that starts the harness with the submission (the built program, or `python3`
  /// and the Python harness), or `nil` when nothing could be built.
  public var launcher: [String]?
  /// The command that starts the harness as a server of runs (see `HarnessServer`), when the
  /// harness has one (Python); `nil` to start `launcher` once per run.
  public var serverCommand: [String]?
  /// Whether `waitRandom` and `taskWaitRandom` calls are recorded (see `Instrumenter`).
  public var isInstrumented: Bool
  /// Compiler errors outside any task's function, which stop the whole submission from building.
  public var submissionErrors: [Diagnostic]
  /// Seconds spent type-checking and compiling.
  public var seconds: Double
  /// What the sources say, when the build read it (Python's `ast` probe); `nil` for Swift,
  /// whose sources the checker reads itself.
  public var facts: SourceFacts?
  /// The files and folders the harness reads (the built program, or the Python harness and the
  /// sources): all a sandboxed harness is shown besides its scratch folder.
  public var readablePaths: [String] = []
  /// What the submission's compiled Swift module defines or calls that an honest solution
  /// never needs (a C symbol such as `write`, a call of `dlsym`), read from its object file;
  /// `nil` when no Swift program was built.
  public var compiledSymbols: CompiledSymbols?
  /// What `swift format lint` said of a Swift submission.
  public var swiftFormat: SwiftFormatFindings?
  /// Whether `waitRandom` can be called without an argument, as the compiler found.
  ///
  /// A probe that calls `waitRandom()` tells; `nil` when the type-check did not get that far.
  /// This, not a reading of the text, is what the judge's default check goes by for Swift;
  /// Python's probe says it in `facts`.
  public var hasDefaultArgument: Bool?
  /// What the Python harness's audit hook saw the probe's imports do to reach the harness
  /// (`HarnessFinding`, as `file:line: detail`).
  public var harnessFindings: [String] = []

  /// Creates a build result.
  ///
  /// - Parameters:
  ///   - availability: Each task's function, as the build found it.
  ///   - launcher: The command that starts the harness, if anything was built.
  ///   - isInstrumented: Whether sleeps are recorded.
  ///   - submissionErrors: Errors outside every task's function.
  ///   - seconds: Seconds spent building.
  ///   - facts: What the sources say, when the build read it.
  public init(
    availability: [Int: TaskAvailability], launcher: [String]?, isInstrumented: Bool,
    submissionErrors: [Diagnostic], seconds: Double,
    facts: SourceFacts? = nil
  ) {
    self.availability = availability
    self.launcher = launcher
    self.isInstrumented = isInstrumented
    self.submissionErrors = submissionErrors
    self.seconds = seconds
    self.facts = facts
  }

  /// Everything the sources say, complete: the facts read while building (or read from the
  /// text, when the build read none), with the one decision on `waitRandom`'s default argument
  /// (the compiler's, when it got that far: the text only says what the default's literal value
  /// is) and, for Swift, what `swift format lint` found.
  ///
  /// - Parameter submission: The submission built.
  /// - Returns: The facts the judge reads.
  public func completeFacts(of submission: Submission) -> SourceFacts {
    var complete = facts ?? SourceFacts(submission: submission)
    if let hasDefaultArgument { complete.waitRandomHasDefault = hasDefaultArgument }
    if submission.language == .swift { complete.swiftFormat = swiftFormat }
    return complete
  }
}
