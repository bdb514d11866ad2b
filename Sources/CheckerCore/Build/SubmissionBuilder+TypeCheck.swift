import Foundation

// The type-check pass: a submission that does not compile as a whole is type-checked with the
// signature probes, and each task function that does not compile is blanked until the rest does.
extension SubmissionBuilder {
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
  func typecheckBlankingBrokenTasks(_ submission: Submission) throws(BuildError)
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
  func blankBrokenTasks(_ errors: [Diagnostic], in pass: inout TypeCheckPass) -> Bool {
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

  func typecheck(
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

  func interpretProbes(_ errors: [Diagnostic], sources: [SourceFile])
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

  /// The task whose function an error says cannot be found, when that task is already broken.
  func brokenTaskNamed(in error: Diagnostic, availability: [Int: TaskAvailability]) -> Int? {
    Exercise.tasks.first { task in
      availability[task.id] != nil && error.message.contains("'\(task.signature.name)'")
    }?.id
  }
}
