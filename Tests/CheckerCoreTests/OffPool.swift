import Foundation

/// Runs blocking work (waiting for processes) on a thread of its own, so that it does not hold
/// one of the cooperative pool's few threads while other tests sleep and measure time.
func offPool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
  try await withCheckedThrowingContinuation { continuation in
    Thread {
      do {
        continuation.resume(returning: try work())
      } catch {
        continuation.resume(throwing: error)
      }
    }.start()
  }
}
