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
  static let defaultArgumentFile: String = {
    let function = Exercise.randomDelay.signature
    let result = function.functionType.components(separatedBy: "-> ").last ?? "Double"
    return "func asyncCheckProbeDefault() async { let _: \(result) = await \(function.name)() }\n"
  }()

  static func exactName(_ task: ExerciseTask) -> String { "AsyncCheckProbe\(task.id).swift" }
  static func plainName(_ task: ExerciseTask) -> String { "AsyncCheckProbePlain\(task.id).swift" }
  static let defaultArgumentName = "AsyncCheckProbeDefault.swift"
}
