import Foundation

/// The exact signature a task's function must have, and the Swift text the checker uses to
/// probe a submission for it.
public struct FunctionSignature: Sendable, Hashable {
  /// The function's base name, such as `waitN`.
  public let name: String
  /// Its argument labels, in order.
  public let labels: [String]
  /// The declaration as the exercise states it, for messages.
  public let declaration: String
  /// The function type a reference to it must convert to, such as `(Int, Int) async -> [Double]`.
  public let functionType: String
  /// The same type without `async`, to tell a function that is not `async`.
  ///
  /// A reference that converts to it means the function is not `async` (Swift lets a plain function convert to an `async` type, so this is probed apart).
  /// `nil` for a function that must be plain.
  public let plainFunctionType: String?

  /// A reference to the function by its full name, such as `waitN(n:maxDelay:)`.
  public var reference: String {
    "\(name)(\(labels.map { "\($0):" }.joined()))"
  }

  /// Whether the function is `async`, read from `functionType`.
  public var isAsync: Bool { functionType.contains(") async ") }

  /// The parameters' types, in order, read from `functionType`: `["Int", "Int"]`.
  public var parameterTypes: [String] {
    guard let open = functionType.firstIndex(of: "("), let close = functionType.firstIndex(of: ")")
    else { return [] }
    return functionType[functionType.index(after: open)..<close]
      .split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
  }

  /// What the function returns, read from `functionType`: `[Double]`.
  public var returnType: String {
    guard let arrow = functionType.range(of: "-> ") else { return "Void" }
    return String(functionType[arrow.upperBound...])
  }

  /// How a call's result is read, by what the function returns.
  public enum ResultShape: String, Sendable {
    /// One number: `Double`.
    case value
    /// A list of numbers: `[Double]`.
    case values
    /// A task handed back at once, then awaited for its number: `Task<Double, Never>`.
    case task
  }

  /// How a call's result is read, the one reading both harnesses follow; `nil` for a return
  /// type no harness can report.
  public var resultShape: ResultShape? {
    switch returnType {
    case "Double": .value
    case "[Double]": .values
    case "Task<Double, Never>": .task
    default: nil
    }
  }
}
