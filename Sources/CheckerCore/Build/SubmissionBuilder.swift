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
/// Everything happens in the workspace; the submission itself is never written to.
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

  /// Where type-checking left a submission: its sources with the broken task functions
  /// blanked, what each task is, and the errors outside any task function.
  struct TypeCheckPass {
    /// The sources, each task function that does not compile blanked out.
    var sources: [SourceFile]
    /// What each task is: compile errors found, then what the probes said.
    var availability: [Int: TaskAvailability] = [:]
    /// Compile errors outside every task function: the whole submission's.
    var submissionErrors: [Diagnostic] = []
    /// Whether `waitRandom`'s `maxDelay` has a default value; `nil` when the probes never
    /// type-checked.
    var hasDefault: Bool?
    /// The tasks whose function's body was replaced by a stub (see `blankBrokenTasks`).
    var stubbed: Set<Int> = []
  }

  /// Type-checks the submission with the signature probes, blanking out each task function
  /// that does not compile, until the rest does (or an error outside a task function stops it).
  ///
  /// - Parameter submission: The student's sources.
  /// - Returns: Where type-checking left the submission.
  /// - Throws: `BuildError` when the compiler cannot be run or the workspace written.
  private func typecheckBlankingBrokenTasks(_ submission: Submission) throws(BuildError)
    -> TypeCheckPass
  {
    var pass = TypeCheckPass(sources: submission.files)
    var probed: [Int: TaskAvailability] = [:]
    for _ in 0...Exercise.tasks.count {
      let errors = try typecheck(pass.sources, submission: submission)
      let studentErrors = errors.filter { !$0.file.hasPrefix("AsyncCheckProbe") }
      if studentErrors.isEmpty {
        let (found, hasDefault) = interpretProbes(errors, sources: pass.sources)
        (probed, pass.hasDefault) = (found, hasDefault)
        break
      }
      let blanked = blankBrokenTasks(studentErrors, in: &pass)
      if !pass.submissionErrors.isEmpty || !blanked { break }
    }
    if pass.submissionErrors.isEmpty {
      for task in Exercise.tasks where pass.availability[task.id] == nil {
        pass.availability[task.id] = probed[task.id] ?? .missing
      }
    }
    return pass
  }

  /// Blanks out the task function each error is in, noting the error as that task's; an error
  /// outside every task function becomes the submission's.
  ///
  /// The first time, only the body goes: the function keeps its declaration with a body that
  /// stops the program (`fatalError`), so that the tasks that call it still type-check and are
  /// graded on their own code (the harness calls its own version of the broken one for them).
  /// `Thread.sleep` in `waitRandom` fails task 0 alone. A function that still does not compile
  /// so (an error in its declaration) is blanked whole.
  ///
  /// - Returns: Whether any function was blanked.
  private func blankBrokenTasks(_ errors: [Diagnostic], in pass: inout TypeCheckPass) -> Bool {
    var blanked = false
    for error in errors {
      guard let index = pass.sources.firstIndex(where: { $0.relativePath == error.file })
      else { continue }
      guard
        let (task, declaration) = Self.taskFunction(
          containing: error.line, in: pass.sources[index].text)
      else {
        pass.submissionErrors.append(error)
        continue
      }
      if let used = brokenTaskNamed(in: error, availability: pass.availability) {
        pass.availability[task.id] = .needsTask(used)
      } else if case .compileError(let earlier) = pass.availability[task.id] {
        pass.availability[task.id] = .compileError(earlier + [error])
      } else if pass.availability[task.id] == nil {
        pass.availability[task.id] = .compileError([error])
      }
      if pass.stubbed.insert(task.id).inserted {
        pass.sources[index].text = Self.stub(declaration, in: pass.sources[index].text)
      } else {
        pass.sources[index].text = Self.blank(
          lines: declaration.startLine...declaration.endLine, in: pass.sources[index].text)
      }
      blanked = true
    }
    return blanked
  }

  /// `text` with `declaration`'s lines emptied but its first, which holds its header and a body
  /// that stops the program: line numbers elsewhere stay the same.
  static func stub(_ declaration: FunctionDeclaration, in text: String) -> String {
    let header =
      declaration.header + " { fatalError(\"asynccheck: this function does not compile\") }"
    return blank(lines: declaration.startLine...declaration.endLine, in: text, keeping: header)
  }

  /// The build of a submission with compile errors outside its task functions: every task not
  /// otherwise broken gets those errors, and nothing runs.
  private static func failedBuild(_ pass: TypeCheckPass, tasks: [ExerciseTask], seconds: Double)
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
  private func chooseProgram(
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

  /// Compiles the harness with the student's functions renamed, so that each task runs against
  /// the checker's versions of the functions it builds on.
  ///
  /// A task function that compiles with the student's own functions may not compile with the
  /// exercise's (it calls a `waitRandom` declared with other parameters, say), and errors that
  /// only code generation finds (a missing `return`) are not seen by a type-check: each such
  /// error inside a task function takes that task out, and the rest is compiled again. An error
  /// elsewhere falls back to a build without substitution; if that fails too, its errors are
  /// the submission's compile errors.
  ///
  /// - Returns: The program, if any, and whether it substitutes and records.
  private func compileSubstituted(
    _ sources: inout [SourceFile], submission: Submission, tasks: [ExerciseTask],
    availability: inout [Int: TaskAvailability], hasDefault: Bool,
    submissionErrors: inout [Diagnostic]
  ) throws(BuildError) -> (String?, Bool) {
    for attempt in 0...Exercise.tasks.count {
      let wanted = tasks.filter { availability[$0.id]?.isCallable == true }
      guard !wanted.isEmpty else { return (nil, false) }
      let compilation = try compileJob(
        sources, submission: submission, availability: availability,
        substitute: true, hasDefault: hasDefault, folder: "build-substituted-\(attempt)")
      let outcome = ProcessSupervisor.run([compilation.job])[0]
      let result = try Self.compilerResult(outcome)
      if result.status == 0 { return (compilation.executable, true) }
      var blanked = false
      for located in Self.errors(
        in: result.text, under: workspace.path("build-substituted-\(attempt)/src/"))
      {
        guard let index = sources.firstIndex(where: { $0.relativePath == located.file }),
          let (task, declaration) = Self.taskFunction(
            containing: located.line, in: sources[index].text)
        else { continue }
        if case .compileError(let earlier) = availability[task.id] {
          availability[task.id] = .compileError(earlier + [located])
        } else if case .incompatible(let earlier) = availability[task.id] {
          availability[task.id] = .incompatible(earlier + [located])
        } else {
          availability[task.id] =
            Self.isCodeGenerationError(located)
            ? .compileError([located]) : .incompatible([located])
        }
        sources[index].text = Self.blank(
          lines: declaration.startLine...declaration.endLine, in: sources[index].text)
        blanked = true
      }
      if !blanked { break }
    }
    // An error outside every task function: build without substitution.
    let plain = try compileJob(
      sources, submission: submission, availability: availability,
      substitute: false, hasDefault: hasDefault, folder: "build-plain")
    let result = try Self.compilerResult(ProcessSupervisor.run([plain.job])[0])
    if result.status == 0 { return (plain.executable, false) }
    submissionErrors = Self.errors(in: result.text, under: workspace.path("build-plain/src/"))
    if submissionErrors.isEmpty {
      submissionErrors = Self.linkErrors(in: result.text, sources: sources)
    }
    guard !submissionErrors.isEmpty else {
      throw .compilerFailed("the submission type-checks but the harness does not build with it")
    }
    for task in tasks where availability[task.id]?.isCallable == true {
      availability[task.id] = .compileError(submissionErrors)
    }
    return (nil, false)
  }

  /// What the submission's module, compiled into `executable`, defines and calls: read from the
  /// object file the compile left in its `temporary` folder (see `compilerJob`).
  static func compiledSymbols(of executable: String) -> CompiledSymbols {
    CompiledSymbols.inspect(
      objectsIn: URL(fileURLWithPath: executable).deletingLastPathComponent()
        .appendingPathComponent("temporary").path)
  }

  /// The task function that contains `line` of `text`, if any.
  static func taskFunction(containing line: Int, in text: String) -> (
    ExerciseTask, FunctionDeclaration
  )? {
    let scanner = SourceScanner(text: text)
    return Exercise.tasks.lazy.compactMap { task in
      scanner.functions(named: task.signature.name).first { $0.contains(line: line) }.map {
        (task, $0)
      }
    }.first
  }

  /// The compiler's errors about files below `prefix`, their paths made relative to it.
  static func errors(in output: String, under prefix: String) -> [Diagnostic] {
    Diagnostic.parse(output).filter { $0.severity == .error && $0.file.hasPrefix(prefix) }.map {
      var located = $0
      located.file = String($0.file.dropFirst(prefix.count))
      return located
    }
  }

  /// The linker's errors, as the submission's: its code compiles but does not make a program
  /// with the harness (most often an entry point of its own, which the harness provides).
  static func linkErrors(in output: String, sources: [SourceFile]) -> [Diagnostic] {
    let messages = output.split(separator: "\n").compactMap { line -> String? in
      guard let range = line.range(of: "error: "), !line.contains("command failed") else {
        return nil
      }
      return String(line[range.upperBound...])
    }
    guard !messages.isEmpty else { return [] }
    var file = sources.first?.relativePath ?? "?"
    var line = 0
    var message = "the program does not link: " + messages.prefix(3).joined(separator: "; ")
    if messages.contains(where: { $0.contains("'main'") || $0.contains("`main'") }) {
      message =
        "the program does not link: it has an entry point (`main`) of its own, and the "
        + "checker's harness is the program's entry point: remove `@main`, or move the code "
        + "that runs at start-up into a function"
      for source in sources {
        let lines = source.text.split(separator: "\n", omittingEmptySubsequences: false)
        if let index = lines.firstIndex(where: { $0.contains("@main") }) {
          (file, line) = (source.relativePath, index + 1)
          break
        }
      }
    }
    return [Diagnostic(file: file, line: line, severity: .error, message: message)]
  }

  /// Whether an error is one that only code generation reports (the function's own fault), as
  /// opposed to one that calling the exercise's functions causes.
  static func isCodeGenerationError(_ error: Diagnostic) -> Bool {
    ["missing return", "before being initialized", "used before", "never mutated"].contains {
      error.message.contains($0)
    }
  }

  // MARK: - Steps

  private func typecheck(
    _ sources: [SourceFile], submission: Submission, retriedCache: Bool = false
  ) throws(BuildError) -> [Diagnostic] {
    var paths: [String] = []
    for source in sources {
      paths.append(
        try BuildError.preparing(
          workspace.write(source.text, to: "typecheck/src/" + source.relativePath)))
    }
    for task in Exercise.tasks {
      paths.append(
        try BuildError.preparing(
          workspace.write(
            SignatureProbe.exactFile(for: task), to: "typecheck/" + SignatureProbe.exactName(task)))
      )
      if let plain = SignatureProbe.plainFile(for: task) {
        paths.append(
          try BuildError.preparing(
            workspace.write(plain, to: "typecheck/" + SignatureProbe.plainName(task))))
      }
    }
    paths.append(
      try BuildError.preparing(
        workspace.write(
          SignatureProbe.defaultArgumentFile, to: "typecheck/" + SignatureProbe.defaultArgumentName)
      ))
    let typecheckJob = try contained(
      compilerJob(
        flags: ["-typecheck"] + commonFlags(submission), sources: paths, output: nil,
        folder: "typecheck", timeLimit: 120))
    let outcomes = runContained([typecheckJob])
    if let limit = Self.limitError(outcomes[0].termination, sources) { return [limit] }
    let output = try Self.compilerResult(outcomes[0])
    if output.status != 0, !retriedCache, Self.blamesModuleCache(output.text) {
      // A cache left corrupt (a full disk, a killed compiler) would fail every grading after
      // it: start it again, once.
      Toolchain.resetSharedModuleCache()
      return try typecheck(sources, submission: submission, retriedCache: true)
    }
    let prefixes = [workspace.path("typecheck/src/"), workspace.path("typecheck/")]
    let errors = Diagnostic.parse(output.text).filter { $0.severity == .error }.map {
      diagnostic in
      var relative = diagnostic
      if let prefix = prefixes.first(where: { diagnostic.file.hasPrefix($0) }) {
        relative.file = String(diagnostic.file.dropFirst(prefix.count))
      }
      return relative
    }
    if errors.isEmpty, output.status != 0 {
      throw .compilerFailed(String(output.text.prefix(2000)))
    }
    return errors
  }

  /// Runs `jobs` together and waits for them: in one sandbox when there is one (they are all
  /// the compiler's, run as the checker's own user), else each as it is.
  private func runContained(_ jobs: [ProcessSupervisor.Job]) -> [ProcessSupervisor.Outcome] {
    (try? Sandbox.current.get()).map {
      SharedSandbox.run(jobs, sandbox: $0, workspace: workspace)
    } ?? ProcessSupervisor.run(jobs)
  }

  private func interpretProbes(_ errors: [Diagnostic], sources: [SourceFile])
    -> ([Int: TaskAvailability], Bool)
  {
    let failedFiles = Set(errors.map(\.file))
    let declared = sources.reduce(into: Set<String>()) {
      $0.formUnion(SourceScanner(text: $1.text).declaredFunctionNames)
    }
    var result: [Int: TaskAvailability] = [:]
    for task in Exercise.tasks {
      let name = task.signature.name
      if failedFiles.contains(SignatureProbe.exactName(task)) {
        if !declared.contains(name) {
          result[task.id] = .missing
        } else {
          let found = sources.lazy.compactMap {
            SourceScanner(text: $0.text).functions(named: name).first?.header
          }.first
          result[task.id] = .wrongSignature(found: found ?? name)
        }
      } else if task.signature.plainFunctionType != nil,
        !failedFiles.contains(SignatureProbe.plainName(task))
      {
        result[task.id] = .callable(signatureProblem: "it is not async")
      } else {
        result[task.id] = .callable(signatureProblem: nil)
      }
    }
    let hasDefault = !failedFiles.contains(SignatureProbe.defaultArgumentName)
    let randomDelay = Exercise.randomDelay.id
    if !hasDefault, case .callable(nil) = result[randomDelay] {
      result[randomDelay] = .callable(
        signatureProblem: "maxDelay has no default value (\(Exercise.defaultMaxDelay))")
    }
    return (result, hasDefault)
  }

  /// A `swift format lint` run over the sources as the student wrote them, with the
  /// submission's own `.swift-format` when it has one; no job, and the reason, when the
  /// toolchain has no `swift format`.
  private func lintJob(_ submission: Submission) throws(BuildError) -> SwiftFormatLint {
    let folder = "lint/src/"
    var paths: [String] = []
    for file in submission.files {
      // `// swift-format-ignore-file` (or `-ignore` before a declaration) would switch the
      // check off where the student says: the directive is renamed, the lines stay.
      let text = (file.original ?? file.text).replacingOccurrences(
        of: "swift-format-ignore", with: "swift-format-ignore-not-honoured")
      paths.append(try BuildError.preparing(workspace.write(text, to: folder + file.relativePath)))
    }
    // swift format skips a file it cannot read without a word: a file it must complain about
    // (a syntax error, whatever the configuration) proves that it read the folder.
    paths.append(
      try BuildError.preparing(workspace.write("func (\n", to: folder + SwiftFormatLint.sentinel)))
    guard let beside = toolchain.swiftFormat() else {
      return SwiftFormatLint(
        job: nil, prefix: "", configuration: "",
        unavailable: "swift-format is neither beside \(toolchain.swiftc) nor on the PATH")
    }
    // A `.swift-format` the student left unreadable fails the check: were it dropped, an
    // unreadable file would be a way out of the style check.
    if let problem = submission.formatConfigurationProblem {
      return SwiftFormatLint(
        job: nil, prefix: "", configuration: "your .swift-format", refused: problem)
    }
    // Always an explicit configuration: swift format would otherwise take the first
    // `.swift-format` above the files, wherever the temporary folder is.
    var configuration = "your .swift-format (its layout; the toolchain's rules)"
    let defaults = Self.defaultFormatConfiguration(beside)
    var text = submission.formatConfiguration.map {
      Self.withDefaultRules($0, from: defaults) ?? $0
    }
    if text == nil {
      configuration = "the toolchain's default configuration"
      text = defaults
    }
    guard let text else {
      return SwiftFormatLint(
        job: nil, prefix: "", configuration: "",
        unavailable: "swift format did not say its default configuration")
    }
    let arguments = [
      "lint", "--configuration",
      try BuildError.preparing(workspace.write(text, to: "lint/.swift-format")),
    ]
    let job = try contained(
      ProcessSupervisor.Job(
        executable: beside, arguments: arguments + paths,
        workingDirectory: try BuildError.preparing(workspace.makeFolder("lint/scratch")),
        timeLimit: 60),
      reading: [workspace.path("lint/src"), workspace.path("lint/.swift-format")])
    return SwiftFormatLint(
      job: job, prefix: workspace.path(folder),
      files: submission.files.map(\.relativePath) + [SwiftFormatLint.sentinel],
      configuration: configuration,
      isSubmissionsConfiguration: submission.formatConfiguration != nil)
  }

  /// A student's `.swift-format` with the rules of `defaults` in place of its own: its layout
  /// (indentation, line length) is the student's to choose, which rules apply is not (a
  /// configuration that turns every rule off would pass any code).
  ///
  /// - Parameters:
  ///   - configuration: The student's configuration.
  ///   - defaults: The toolchain's default configuration, if known.
  /// - Returns: The merged configuration; `nil` when either is not a JSON object (the student's
  ///   is then used as it is, and swift format says what is wrong with it).
  static func withDefaultRules(_ configuration: String, from defaults: String?) -> String? {
    guard let defaults,
      var own = try? JSONSerialization.jsonObject(with: Data(configuration.utf8))
        as? [String: Any],
      let standard = try? JSONSerialization.jsonObject(with: Data(defaults.utf8))
        as? [String: Any]
    else { return nil }
    own["rules"] = standard["rules"]
    guard let data = try? JSONSerialization.data(withJSONObject: own, options: [.sortedKeys])
    else { return nil }
    return String(decoding: data, as: UTF8.self)
  }

  /// `swift format dump-configuration`, asked once per program.
  private static func defaultFormatConfiguration(_ swiftFormat: String) -> String? {
    formatDefaults.value(for: swiftFormat) { Toolchain.output(of: $0, ["dump-configuration"]) }
  }

  /// `swift format`'s default configuration, by program (`nil`: it could not say).
  private static let formatDefaults = ComputedOnce<String, String?>()

  /// The compiler run that builds `sources` into a program with the harness (`HarnessLibrary`),
  /// handing it the functions of the callable tasks; with `substitute`, the student's task
  /// functions are renamed and the submission imports the harness's stand-ins under the
  /// exercise's names (`HarnessExerciseSource`); with `probed`, it compiles only if every
  /// signature probe passes (`SignatureProbe.allPassFile`).
  private func compileJob(
    _ sources: [SourceFile], submission: Submission,
    availability: [Int: TaskAvailability], substitute: Bool, hasDefault: Bool, folder: String,
    probed: Bool = false
  ) throws(BuildError) -> (job: ProcessSupervisor.Job, executable: String) {
    let library = try HarnessLibrary.prepared(for: toolchain)
    let renamed = substitute ? Exercise.tasks.map(\.signature.name) : []
    var paths: [String] = []
    for source in sources {
      paths.append(
        try BuildError.preparing(
          workspace.write(
            Instrumenter.rename(renamed, in: source.text),
            to: "\(folder)/src/\(source.relativePath)")))
    }
    let entry = HarnessEntry.text(
      callable: Exercise.tasks.filter { availability[$0.id]?.isCallable == true },
      substituted: substitute, hasDefault: hasDefault)
    paths.append(
      try BuildError.preparing(
        workspace.write(entry, to: "\(folder)/harness/\(HarnessEntry.fileName)")))
    if probed {
      let probes = SignatureProbe.allPassFile {
        substitute ? Instrumenter.renamed($0.signature.name) : $0.signature.name
      }
      paths.append(
        try BuildError.preparing(
          workspace.write(probes, to: "\(folder)/harness/\(SignatureProbe.allPassName)")))
    }
    // Substituted, every file of the submission sees the stand-ins, as if it imported them.
    let imports =
      substitute ? ["-Xfrontend", "-import-module", "-Xfrontend", HarnessLibrary.moduleName] : []
    let executable = workspace.path("\(folder)/harness-program")
    let job = try contained(
      compilerJob(
        flags: ["-Onone", "-suppress-warnings"] + commonFlags(submission)
          + ["-I", library.folder] + imports + [library.object],
        sources: paths, output: executable, folder: folder, timeLimit: 120),
      library: library)
    return (job, executable)
  }

  /// The job that runs `swiftc` with `flags` on `sources`, writing the program `output` when
  /// there is one, in the workspace's `folder`: the commands the driver would run, without the
  /// driver, when it has told them (`DriverPlan`); else the driver.
  private func compilerJob(
    flags: [String], sources: [String], output: String?, folder: String, timeLimit: Double
  ) throws(BuildError) -> ProcessSupervisor.Job {
    let outputFlags = output.map { ["-o", $0] } ?? []
    // Without the shared module cache the flags name this workspace's own: a plan would be
    // asked for every build, and serve none other.
    guard Toolchain.sharedModuleCache != nil,
      let plan = DriverPlan.plan(
        swiftc: toolchain.swiftc, flags: flags, writesProgram: output != nil)
    else {
      return ProcessSupervisor.Job(
        executable: toolchain.swiftc, arguments: flags + sources + outputFlags,
        workingDirectory: workspace.path(folder), timeLimit: timeLimit)
    }
    let (executable, arguments) = plan.invocation(
      sources: sources, output: output,
      temporary: try BuildError.preparing(workspace.makeFolder("\(folder)/temporary")))
    return ProcessSupervisor.Job(
      executable: executable, arguments: arguments, workingDirectory: workspace.path(folder),
      timeLimit: timeLimit)
  }

  /// `job`, a compiler run on the student's sources, in the sandbox when there is one: the
  /// compiler reads the toolchain, the harness and the sources, writes its own folder and the
  /// module cache, and sees nothing else (no other submission, no network).
  private func contained(
    _ job: ProcessSupervisor.Job, library: HarnessLibrary? = nil, reading: [String] = []
  ) throws(BuildError) -> ProcessSupervisor.Job {
    guard let sandbox = try? Sandbox.current.get() else { return job }
    let cache = Toolchain.moduleCacheFlags(workspace: workspace)[1]
    try? FileManager.default.createDirectory(atPath: cache, withIntermediateDirectories: true)
    let toolchainFolder = URL(fileURLWithPath: toolchain.swiftc).resolvingSymlinksInPath()
      .deletingLastPathComponent().deletingLastPathComponent().path
    return try BuildError.preparing(
      sandbox.wrap(
        job,
        readable: [
          toolchainFolder, URL(fileURLWithPath: job.executable).deletingLastPathComponent().path,
        ]
          + (library.map { [$0.folder] } ?? []) + reading,
        writable: [cache], asChecker: true, workspace: workspace))
  }

  private func commonFlags(_ submission: Submission) -> [String] {
    [
      "-wmo", "-parse-as-library", "-swift-version", "\(submission.languageMode)",
      "-module-name", Self.moduleName, "-diagnostic-style", "llvm",
    ] + Toolchain.moduleCacheFlags(workspace: workspace)
  }

  /// The compile error to report when the compiler ran out of time or memory on the submission,
  /// or `nil` when it did not.
  ///
  /// A compile of a few small files that runs out of time or memory is the student's code (a
  /// huge literal, an expression the type checker explores for ever): a compile error.
  static func limitError(_ termination: ProcessSupervisor.Termination, _ sources: [SourceFile])
    -> Diagnostic?
  {
    switch termination {
    case .timedOut(let seconds):
      return limitError(sources, "more than \(Int(seconds)) s")
    case .memoryLimit(let bytes):
      return limitError(sources, "more than \(bytes >> 20) MiB of memory")
    default:
      return nil
    }
  }

  /// The compile error to report when the compiler ran out of `what` on the submission.
  static func limitError(_ sources: [SourceFile], _ what: String) -> Diagnostic {
    Diagnostic(
      file: sources.first?.relativePath ?? "?", line: 0, severity: .error,
      message: "the compiler needed \(what) to type-check this submission and was stopped: "
        + "look for a very large literal or a long expression mixing literals and operators")
  }

  /// Whether the compiler's output blames its module cache rather than the sources.
  static func blamesModuleCache(_ text: String) -> Bool {
    guard let cache = Toolchain.sharedModuleCache else { return false }
    return text.contains(cache)
      || ["malformed or corrupted", "could not build module", "module file", "PCH file"].contains {
        text.contains($0)
      }
  }

  /// The compiler's exit status and output, or the error when it could not run or was stopped.
  private static func compilerResult(_ outcome: ProcessSupervisor.Outcome) throws(BuildError)
    -> (status: Int32, text: String)
  {
    let text = String(decoding: outcome.output, as: UTF8.self)
    switch outcome.termination {
    case .exited(let status):
      return (status, text)
    case .failedToStart(let reason):
      throw .compilerFailed(reason)
    default:
      throw .compilerFailed("swiftc ended with \(outcome.termination): \(text.prefix(500))")
    }
  }

  /// The task whose function an error says cannot be found, when that task is already broken.
  private func brokenTaskNamed(in error: Diagnostic, availability: [Int: TaskAvailability]) -> Int?
  {
    Exercise.tasks.first { task in
      availability[task.id] != nil && error.message.contains("'\(task.signature.name)'")
    }?.id
  }

  /// `text` with the given lines emptied, so that line numbers elsewhere stay the same; with
  /// `first`, the first of them holds it instead.
  static func blank(lines: ClosedRange<Int>, in text: String, keeping first: String = "")
    -> String
  {
    text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map {
      guard lines.contains($0.offset + 1) else { return String($0.element) }
      return $0.offset + 1 == lines.lowerBound ? first : ""
    }.joined(separator: "\n")
  }
}
