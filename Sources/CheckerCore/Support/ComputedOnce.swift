import Synchronization

/// Values computed once per key and kept for the process's lifetime: the compiled harness per
/// compiler, the driver's plan per kind of compile, `swift format`'s default configuration.
///
/// A class graded by several workers asks for the same value at once: the first computes it
/// under the lock, the others wait for it rather than compute it again (each is a process run,
/// a compile of the harness takes a minute). A value that cannot be computed (an error thrown)
/// is not kept, so the next caller tries again.
final class ComputedOnce<Key: Hashable & Sendable, Value: Sendable>: Sendable {
  private let values = Mutex<[Key: Value]>([:])

  /// An empty cache.
  init() {}

  /// The value for `key`, computed by `compute` the first time it is asked for.
  ///
  /// - Parameters:
  ///   - key: What the value depends on.
  ///   - compute: Computes the value; it runs under the cache's lock.
  /// - Returns: The kept value, or the one just computed.
  /// - Throws: What `compute` throws; nothing is kept then.
  func value<Failure: Error>(
    for key: Key, computing compute: (Key) throws(Failure) -> Value
  ) throws(Failure) -> Value {
    try values.withLock { (values: inout [Key: Value]) throws(Failure) -> Value in
      if let known = values[key] { return known }
      let value = try compute(key)
      values[key] = value
      return value
    }
  }
}
