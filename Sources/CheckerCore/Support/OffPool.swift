import Foundation

/// Runs blocking work on a thread of its own and waits for it without holding a thread of
/// Swift's cooperative pool.
///
/// Grading blocks for seconds (compiling, waiting for child processes). The pool has only as
/// many threads as cores (two on the machines we grade on), so blocking one of them stalls every
/// other task, among them the timers that judge a student's sleeps. Every async entry point that
/// blocks goes through here: `Grader.grade(_:)` and the tests that wait for processes.
///
/// - Parameter work: The blocking work.
/// - Returns: What `work` returned.
/// - Throws: What `work` threw, with its type.
public func offPool<Value: Sendable, Failure: Error>(
  _ work: @escaping @Sendable () throws(Failure) -> Value
) async throws(Failure) -> Value {
  let outcome: Result<Value, Failure> = await withCheckedContinuation { continuation in
    Thread {
      do throws(Failure) {
        continuation.resume(returning: .success(try work()))
      } catch {
        continuation.resume(returning: .failure(error))
      }
    }.start()
  }
  return try outcome.get()
}
