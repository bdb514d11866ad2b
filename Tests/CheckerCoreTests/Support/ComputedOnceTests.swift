import Synchronization
import Testing

@testable import CheckerCore

@Suite("Values computed once per key")
struct ComputedOnceTests {
  struct Refused: Error {}

  /// The keys computed, in order.
  final class Log: Sendable {
    let keys = Mutex<[Int]>([])
  }

  @Test("callers at once compute each key's value once; a failure is not kept")
  func once() async throws {
    let cache = ComputedOnce<Int, String>()
    let computed = Log()
    await withTaskGroup(of: String.self) { group in
      for caller in 0..<40 {
        group.addTask {
          cache.value(for: caller % 4) { key in
            computed.keys.withLock { $0.append(key) }
            return "value \(key)"
          }
        }
      }
      for await value in group { #expect(value.hasPrefix("value ")) }
    }
    #expect(computed.keys.withLock { $0.sorted() } == [0, 1, 2, 3])
    #expect(throws: Refused.self) {
      try cache.value(for: 9) { _ throws(Refused) in throw Refused() }
    }
    #expect(cache.value(for: 9) { _ in "made the second time" } == "made the second time")
  }
}
