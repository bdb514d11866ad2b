/// A task's function in the Python original: its file and declaration.
public struct PythonFunction: Sendable, Hashable {
  /// The function's name, such as `wait_n`.
  public let name: String
  /// The file it lives in, such as `1-concurrent_coroutines.py`.
  public let file: String
  /// The declaration as the project states it.
  public let declaration: String
}

extension PythonFunction {
  /// Whether the declaration is a coroutine's (`async def`).
  public var isCoroutine: Bool { declaration.hasPrefix("async ") }

  /// The parameters' names, as the declaration states them: `["n", "max_delay"]`.
  public var parameterNames: [String] {
    guard let open = declaration.firstIndex(of: "("), let close = declaration.firstIndex(of: ")")
    else { return [] }
    return declaration[declaration.index(after: open)..<close].split(separator: ",").compactMap {
      $0.split(separator: ":").first.map { String($0.filter { !$0.isWhitespace }) }
    }
  }
}
