import Foundation

/// Compiles a submission with the harness, one task at a time where it must.
///
/// 1. Compiles the sources, renamed for recording (`Instrumenter`), with the harness and with
///    probes that compile only if every task's function has the exercise's signature
///    (`SignatureProbe.allPassFile`). Most submissions compile: that program is the build.
/// 2. Otherwise, type-checks the student's sources with one probe file per question (see
///    `SignatureProbe`), in a single compiler run: each task's function is found, missing, or
///    declared with another signature.
/// 3. A compile error inside a task's function fails that task: the function's body is replaced
///    by one that stops the program (its declaration stays, so the tasks that call it still
///    type-check; a declaration that does not compile goes too) and the rest type-checked
///    again, so the other tasks are still graded on their own code. An error outside every
///    task's function stops the whole build.
/// 4. Compiles the sources, renamed for recording, with the harness and only the callable
///    tasks' code; without the renaming if that breaks the build.
///
/// Everything happens in the workspace; the submission itself is never written to. The steps
/// are in extensions by concern: the type-check pass (`SubmissionBuilder+TypeCheck`), blanking
/// broken functions (`+Blanking`), substitution (`+Substitution`), the compiler's invocation
/// and its output (`+Compiler`), and `swift format lint` (`+Lint`).
public struct SubmissionBuilder: Sendable {
  /// The module the submission's sources are compiled as.
  static let moduleName = "Submission"

  /// The compiler.
  public let toolchain: Toolchain

  /// Where the build happens.
  public let workspace: Workspace

  /// The clock the build is timed on.
  public var clock: any Clock<Duration> = ContinuousClock()

  /// Creates a builder.
  ///
  /// - Parameters:
  ///   - toolchain: The compiler to use.
  ///   - workspace: The temporary folder to build in.
  public init(toolchain: Toolchain, workspace: Workspace) {
    self.toolchain = toolchain
    self.workspace = workspace
  }

  /// Builds `submission` for the given tasks.
  ///
  /// - Parameters:
  ///   - submission: The student's sources.
  ///   - tasks: The tasks to grade.
  /// - Returns: Each task's availability and, when anything could be built, the harness program.
  /// - Throws: `BuildError` when the compiler cannot be run or the workspace cannot be written.
  public func build(_ submission: Submission, tasks: [ExerciseTask]) throws(BuildError)
    -> BuildResult
  {
    let stopwatch = Stopwatch(clock: clock)
    // First, compile as if the submission were correct, with probes that compile only if it
    // is (`SignatureProbe.allPassFile`), and lint beside it. Most submissions compile: for them
    // this is the whole build, and the type-check that finds what is wrong is never needed.
    let allCallable = Dictionary(
      uniqueKeysWithValues: Exercise.tasks.map {
        ($0.id, TaskAvailability.callable(signatureProblem: nil))
      })
    let speculative = try compileJob(
      submission.files, submission: submission, availability: allCallable,
      substitute: true, hasDefault: true, folder: "build-speculative", probed: true)
    let lint = try lintJob(submission)
    let outcomes = runContained([speculative.job] + (lint.job.map { [$0] } ?? []))
    var result: BuildResult
    if outcomes[0].termination == .exited(0) {
      result = BuildResult(
        availability: allCallable, launcher: [speculative.executable], isInstrumented: true,
        submissionErrors: [], seconds: 0)
      result.readablePaths = [speculative.executable]
      result.hasDefaultArgument = true
      result.compiledSymbols = Self.compiledSymbols(of: speculative.executable)
    } else {
      var checked: TypeCheckPass
      if let limit = Self.limitError(outcomes[0].termination, submission.files) {
        // The compiler ran out of time or memory: a type-check would too, after as long again.
        checked = TypeCheckPass(sources: submission.files, submissionErrors: [limit])
      } else {
        checked = try typecheckBlankingBrokenTasks(submission)
      }
      if !checked.submissionErrors.isEmpty {
        result = Self.failedBuild(checked, tasks: tasks, seconds: 0)
      } else {
        let program = try chooseProgram(&checked, submission: submission, tasks: tasks)
        result = BuildResult(
          availability: checked.availability, launcher: program.executable.map { [$0] },
          isInstrumented: program.isInstrumented, submissionErrors: checked.submissionErrors,
          seconds: 0)
        result.readablePaths = program.executable.map { [$0] } ?? []
        result.hasDefaultArgument = checked.hasDefault
        result.compiledSymbols = program.executable.map(Self.compiledSymbols(of:))
      }
    }
    result.swiftFormat = lint.findings(outcomes.count > 1 ? outcomes[1] : nil)
    result.seconds = stopwatch.seconds
    return result
  }

  /// The build of a submission with compile errors outside its task functions: every task not
  /// otherwise broken gets those errors, and nothing runs.
  static func failedBuild(_ pass: TypeCheckPass, tasks: [ExerciseTask], seconds: Double)
    -> BuildResult
  {
    var availability = pass.availability
    for task in tasks where availability[task.id] == nil {
      availability[task.id] = .compileError(pass.submissionErrors)
    }
    return BuildResult(
      availability: availability, launcher: nil, isInstrumented: false,
      submissionErrors: pass.submissionErrors, seconds: seconds)
  }

  /// The program to run for a submission the speculative build did not fit: one compiled for
  /// the tasks that are callable; none when no graded task is.
  func chooseProgram(
    _ pass: inout TypeCheckPass, submission: Submission, tasks: [ExerciseTask]
  ) throws(BuildError) -> (executable: String?, isInstrumented: Bool) {
    guard tasks.contains(where: { pass.availability[$0.id]?.isCallable == true }) else {
      return (nil, false)
    }
    let (executable, instrumented) = try compileSubstituted(
      &pass.sources, submission: submission, tasks: tasks, availability: &pass.availability,
      hasDefault: pass.hasDefault ?? false, submissionErrors: &pass.submissionErrors)
    return (executable, instrumented)
  }
}
