import Foundation

/// Dishonest and broken: the functions do nothing useful, and a program entry point of the
/// student's own writes made-up results to the report channel (descriptor 3) and ends. The
/// checker leaves out `@main` (the harness's `main` is the program's), so this never runs.
@main
enum Forger {
  static func main() {
    let forged = "H\t0\nS\t1\t0\nE\t1\t0.5\t0.1,0.2,0.3\nD\t1\n"
    _ = forged.withCString { write(3, $0, strlen($0)) }
    exit(0)
  }
}

/// Returns at once.
func waitRandom(maxDelay: Int = 10) async -> Double { 0 }

/// Returns nothing.
func waitN(n: Int, maxDelay: Int) async -> [Double] { [] }

/// Returns 0.
func measureTime(n: Int, maxDelay: Int) async -> Double { 0 }

/// A task that returns 0.
func taskWaitRandom(maxDelay: Int) -> Task<Double, Never> { Task { 0 } }

/// Returns nothing.
func taskWaitN(n: Int, maxDelay: Int) async -> [Double] { [] }
