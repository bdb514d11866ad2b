/// Small Swift files, type-checked with a submission, that tell whether each task's function has
/// the exercise's exact signature, one file per question so that each answer stands alone.
enum SignatureProbe {
  /// The probe file that must compile: a reference to the function converts to its exact type.
  static func exactFile(for task: ExerciseTask) -> String {
    "func asyncCheckProbe\(task.id)() { let _: \(task.signature.functionType) = "
      + "\(task.signature.reference) }\n"
  }

  /// The probe file that must not compile for an `async` function: Swift lets a plain function
  /// convert to an `async` function type, so only this shows a missing `async`.
  static func plainFile(for task: ExerciseTask) -> String? {
    task.signature.plainFunctionType.map {
      "func asyncCheckProbePlain\(task.id)() { let _: \($0) = \(task.signature.reference) }\n"
    }
  }

  /// The probe file that compiles when `waitRandom` has a default `maxDelay`: it calls the
  /// function with no argument, as its result type.
  static let defaultArgumentFile = defaultArgumentProbe(
    calling: Exercise.randomDelay.signature.name)

  /// The default-argument probe, calling `waitRandom` by the name `function`.
  private static func defaultArgumentProbe(calling function: String) -> String {
    let type = Exercise.randomDelay.signature.functionType
    let result = type.components(separatedBy: "-> ").last ?? "Double"
    return "func asyncCheckProbeDefault() async { let _: \(result) = await \(function)() }\n"
  }

  /// One file, compiled into the speculative build (see `SubmissionBuilder`), that compiles
  /// only when every probe above gives the answer of a correct submission: each task's function,
  /// under the name `name` gives it, converts to its exact type; each that must be `async` is;
  /// and `waitRandom` has a default `maxDelay`.
  ///
  /// The plain-type probe cannot be turned around (a plain function converts to an `async`
  /// type), so `async` is shown by overloads instead: given a plain function,
  /// `asyncCheckProbeKindN` resolves to its plain overload, whose result has no `confirm()`.
  static func allPassFile(naming name: (ExerciseTask) -> String) -> String {
    var lines = [
      "struct AsyncCheckProbeIsAsync { func confirm() {} }",
      "struct AsyncCheckProbeIsPlain {}",
    ]
    for task in Exercise.tasks {
      let signature = task.signature
      let reference = "\(name(task))(\(signature.labels.map { "\($0):" }.joined()))"
      lines.append(
        "func asyncCheckProbe\(task.id)() { let _: \(signature.functionType) = \(reference) }")
      guard let plain = signature.plainFunctionType else { continue }
      lines += [
        "func asyncCheckProbeKind\(task.id)(_ f: \(signature.functionType)) -> AsyncCheckProbeIsAsync {",
        "  AsyncCheckProbeIsAsync()",
        "}",
        "func asyncCheckProbeKind\(task.id)(_ f: \(plain)) -> AsyncCheckProbeIsPlain {",
        "  AsyncCheckProbeIsPlain()",
        "}",
        "func asyncCheckProbeAsync\(task.id)() {",
        "  let kind = asyncCheckProbeKind\(task.id)(\(reference))",
        "  kind.confirm()",
        "}",
      ]
    }
    return lines.joined(separator: "\n") + "\n"
      + defaultArgumentProbe(calling: name(Exercise.randomDelay))
  }

  /// The all-pass file's name in the build folder.
  static let allPassName = "AsyncCheckProbes.swift"

  static func exactName(_ task: ExerciseTask) -> String { "AsyncCheckProbe\(task.id).swift" }
  static func plainName(_ task: ExerciseTask) -> String { "AsyncCheckProbePlain\(task.id).swift" }
  static let defaultArgumentName = "AsyncCheckProbeDefault.swift"
}
