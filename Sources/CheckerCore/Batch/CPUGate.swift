import Foundation

/// A limit on how many gradings do their CPU-bound part (compiling, importing) at once, shared
/// by a batch's workers.
///
/// A grading is mostly waiting: its functions sleep for seconds while the CPU is idle. A batch
/// therefore runs many gradings at once, and this gate keeps their compilations to one per
/// core, so that compiling never starves the timing of the gradings that are running.
///
/// `@unchecked Sendable`: a counting semaphore, safe from any thread.
public final class CPUGate: @unchecked Sendable {
  private let semaphore: DispatchSemaphore
  /// How many may pass at once.
  public let width: Int

  /// A gate that lets `width` through at once.
  ///
  /// - Parameter width: At least 1; usually the number of cores.
  public init(width: Int) {
    self.width = max(1, width)
    semaphore = DispatchSemaphore(value: self.width)
  }

  /// Runs `work` once a place is free, blocking the calling thread until then.
  ///
  /// - Parameter work: The CPU-bound work.
  /// - Returns: What it returned.
  /// - Throws: What it threw.
  public func run<T, E: Error>(_ work: () throws(E) -> T) throws(E) -> T {
    semaphore.wait()
    defer { semaphore.signal() }
    return try work()
  }
}
