import Foundation

// Substitution: the student's functions renamed so that the harness's stand-ins take the
// exercise's names, each task run against the checker's versions of what it builds on.
extension SubmissionBuilder {
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
  func compileSubstituted(
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

  /// The compiler run that builds `sources` into a program with the harness (`HarnessLibrary`),
  /// handing it the functions of the callable tasks; with `substitute`, the student's task
  /// functions are renamed and the submission imports the harness's stand-ins under the
  /// exercise's names (`HarnessExerciseSource`); with `probed`, it compiles only if every
  /// signature probe passes (`SignatureProbe.allPassFile`).
  func compileJob(
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
    // Without its symbol table: student code that reads the program's file would find the
    // harness's functions and data by name (its channel writer, its key), and call or read
    // them.
    let job = try contained(
      compilerJob(
        flags: ["-Onone", "-suppress-warnings"] + commonFlags(submission)
          + ["-I", library.folder] + imports + [library.object, "-Xlinker", "--strip-all"],
        sources: paths, output: executable, folder: folder, timeLimit: 120),
      library: library)
    return (job, executable)
  }
}
