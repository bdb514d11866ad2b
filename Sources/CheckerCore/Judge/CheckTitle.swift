/// A check's title, written once with the exercise's names as placeholders and built in the
/// submission's language: `"returns delays within 0...\(parameter: "maxDelay")"` reads
/// `0...maxDelay` to a Swift student and `0...max_delay` to a Python one.
///
/// A title is a string literal; names go in through `\(parameter:)` (a parameter, by its Swift
/// label) and `\(function:)` (a task's function), never as text, so that no name is left in the
/// other language (`CheckTitleTests` reads every title in Python).
public struct CheckTitle: Sendable, Hashable, ExpressibleByStringInterpolation {
  /// A piece of a title.
  enum Part: Sendable, Hashable {
    /// Text, the same in every language.
    case text(String)
    /// A parameter, by its Swift label.
    case parameter(String)
    /// The function of the task with this number.
    case function(Int)
  }

  /// The title's pieces, in order.
  let parts: [Part]

  /// A title without names.
  ///
  /// - Parameter value: The title.
  public init(stringLiteral value: String) {
    parts = [.text(value)]
  }

  /// A title with names.
  ///
  /// - Parameter interpolation: The title's pieces.
  public init(stringInterpolation interpolation: Interpolation) {
    parts = interpolation.parts
  }

  /// The title in `language`.
  ///
  /// - Parameter language: The submission's language.
  /// - Returns: The sentence the report prints.
  public func text(in language: Language) -> String {
    parts.map { part in
      switch part {
      case .text(let text): text
      case .parameter(let label):
        language == .swift
          ? label : Exercise.parameterNames.first { $0.swift == label }?.python ?? label
      case .function(let id): Exercise.task(id)?.functionName(in: language) ?? "?"
      }
    }.joined()
  }

  /// The pieces of a title being written.
  public struct Interpolation: StringInterpolationProtocol {
    var parts: [Part] = []

    /// Starts a title.
    ///
    /// - Parameters:
    ///   - literalCapacity: Unused.
    ///   - interpolationCount: Unused.
    public init(literalCapacity: Int, interpolationCount: Int) {}

    /// Text, the same in every language.
    ///
    /// - Parameter literal: The text.
    public mutating func appendLiteral(_ literal: String) {
      parts.append(.text(literal))
    }

    /// A parameter of the exercise's functions, named in the submission's language.
    ///
    /// - Parameter label: Its Swift label, such as `maxDelay`.
    public mutating func appendInterpolation(parameter label: String) {
      parts.append(.parameter(label))
    }

    /// A task's function, named in the submission's language.
    ///
    /// - Parameter task: The task.
    public mutating func appendInterpolation(function task: ExerciseTask) {
      parts.append(.function(task.id))
    }

    /// A number, the same in every language.
    ///
    /// - Parameter number: The number.
    public mutating func appendInterpolation(_ number: Int) {
      parts.append(.text("\(number)"))
    }
  }
}
