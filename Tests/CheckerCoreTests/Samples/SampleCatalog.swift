import Foundation

/// The sample submissions in `checker/samples/` and the verdict each must get
/// (`checker/samples/verdicts.json`).
struct SampleCatalog: Decodable {
  struct Sample: Decodable {
    let about: String
    let expect: [String: String]
  }

  let samples: [String: Sample]

  /// The repository's `checker/samples` folder.
  static let folder = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("checker/samples")

  /// The catalog, or an empty one when it cannot be read (a test checks that it is not empty).
  static let shared: SampleCatalog = {
    guard
      let data = FileManager.default.contents(
        atPath: folder.appendingPathComponent("verdicts.json").path),
      let catalog = try? JSONDecoder().decode(SampleCatalog.self, from: data)
    else { return SampleCatalog(samples: [:]) }
    return catalog
  }()

  /// Whether `task` got the verdict `expectation` describes (see `verdicts.json`'s `about`).
  static func matches(_ task: TaskReportView, _ expectation: String) -> Bool {
    expectation.split(separator: "|").contains { alternative in
      let words = alternative.split(separator: " ").map(String.init)
      let failed = Set(task.failed)
      switch words.first {
      case "pass": return task.failed.isEmpty && task.skipped.isEmpty
      case "nofail": return task.failed.isEmpty
      case "skip": return task.failed.isEmpty && Set(task.skipped).isSuperset(of: task.behaviour)
      case "fail": return failed == Set(words.dropFirst())
      case "nopass": return task.passed.allSatisfy { !task.behaviour.contains($0) }
      default: return false
      }
    }
  }
}

/// The parts of a task report a verdict expectation reads.
struct TaskReportView {
  let failed: [String]
  let skipped: [String]
  /// The checks that passed.
  let passed: [String]
  /// The checks that call the function (not the signature, not source-only requirements).
  let behaviour: [String]
}
