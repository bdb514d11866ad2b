import Foundation
import Testing

extension Tag {
  /// Tests that start processes.
  ///
  /// They run the compiler, the harness, the sandbox, the `checker` program or a whole class,
  /// and take seconds to minutes; the others take milliseconds. Each also has a time limit, and
  /// `notInQuickRuns`.
  @Tag static var spawnsProcesses: Self
}

extension Trait where Self == ConditionTrait {
  /// Leaves out a test that starts processes when `ASYNCCHECK_QUICK_TESTS` is set.
  ///
  /// That is the quick run a developer makes between edits (seconds, not minutes). Skipped
  /// tests are reported as skipped, and CI never sets the variable.
  static var notInQuickRuns: Self {
    .disabled(
      if: ProcessInfo.processInfo.environment["ASYNCCHECK_QUICK_TESTS"] != nil,
      "starts processes; ASYNCCHECK_QUICK_TESTS is set")
  }
}
