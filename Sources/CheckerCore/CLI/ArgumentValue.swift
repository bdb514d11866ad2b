/// A type an option's value is read as, as swift-argument-parser's `ExpressibleByArgument`.
protocol ArgumentValue {
  /// The value `argument` stands for; `nil` when it stands for none.
  init?(argument: String)
  /// What the option takes, for messages: "a whole number ≥ 0".
  static var expectedValue: String { get }
}

extension String: ArgumentValue {
  init?(argument: String) { self = argument }
  static var expectedValue: String { "a value" }
}

extension Int: ArgumentValue {
  init?(argument: String) { self.init(argument) }
  static var expectedValue: String { "a whole number" }
}

extension UInt64: ArgumentValue {
  init?(argument: String) { self.init(argument) }
  static var expectedValue: String { "a whole number ≥ 0" }
}

extension Language: ArgumentValue {
  init?(argument: String) { self.init(rawValue: argument) }
  static var expectedValue: String { allCases.map(\.rawValue).joined(separator: " or ") }
}

extension ReportFormat: ArgumentValue {
  init?(argument: String) { self.init(rawValue: argument) }
  static var expectedValue: String {
    "one of " + allCases.map(\.rawValue).joined(separator: ", ")
  }
}

extension Shard: ArgumentValue {
  init?(argument: String) { self.init(argument) }
  static var expectedValue: String { "K/N with 1 ≤ K ≤ N, such as 2/5" }
}

/// A Swift language mode: `5` or `6`.
struct SwiftLanguageMode: ArgumentValue, Equatable {
  var number: Int

  init?(argument: String) {
    guard let number = Int(argument), number == 5 || number == 6 else { return nil }
    self.number = number
  }

  static var expectedValue: String { "5 or 6" }
}

/// Report formats, comma-separated: `text,json`.
struct ReportFormatList: ArgumentValue, Equatable {
  var formats: [ReportFormat]

  init?(argument: String) {
    let parsed = argument.split(separator: ",").map { ReportFormat(rawValue: String($0)) }
    guard !parsed.isEmpty, parsed.allSatisfy({ $0 != nil }) else { return nil }
    formats = parsed.compactMap { $0 }
  }

  static var expectedValue: String {
    "a comma-separated list of " + ReportFormat.allCases.map(\.rawValue).joined(separator: ", ")
  }
}

/// Task numbers, comma-separated: `0,3`; sorted, each once.
struct TaskSelection: ArgumentValue, Equatable {
  var ids: [Int]

  init?(argument: String) {
    let ids = argument.split(separator: ",").map { Int($0.trimmingPrefix(" ")) }
    guard !ids.isEmpty, ids.allSatisfy({ $0.map { Exercise.task($0) != nil } ?? false }) else {
      return nil
    }
    self.ids = Array(Set(ids.compactMap { $0 })).sorted()
  }

  static var expectedValue: String {
    let ids = Exercise.tasks.map(\.id)
    return "task numbers \(ids.first ?? 0) to \(ids.last ?? 0), as in 0,3"
  }
}
