/// The language a submission is written in: the Swift port, or the Python original.
public enum Language: String, Sendable, Hashable, Codable, CaseIterable {
  /// Swift: `waitN(n:maxDelay:)` in `.swift` files.
  case swift
  /// Python: `wait_n(n, max_delay)` in `0-basic_async_syntax.py` … `4-tasks.py`.
  case python
}
