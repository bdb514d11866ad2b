#if canImport(Glibc)
  import Glibc
#endif

/// A process's Linux capabilities: the root rights it keeps.
public enum Capabilities {
  /// Removes every capability but `kept` from this process's bounding set (no program it runs
  /// can gain another), then sets its effective, permitted and inheritable sets to `kept`.
  ///
  /// Needs `CAP_SETPCAP` for the bounding set; a capability not held cannot be kept.
  ///
  /// - Parameter kept: The capabilities' numbers (`CAP_CHOWN` is 0, `CAP_KILL` 5, …).
  /// - Returns: Whether the sets are now `kept`.
  @discardableResult
  public static func restrict(to kept: Set<Int>) -> Bool {
    #if os(Linux)
      dropFromBoundingSet(except: kept)
      // struct __user_cap_header_struct (version 3), then two __user_cap_data_struct (the
      // capabilities 0–31, then 32–63): effective, permitted, inheritable.
      var header: [UInt32] = [0x2008_0522, 0]
      var data = [UInt32](repeating: 0, count: 6)
      for capability in kept where capability < 64 {
        for field in 0..<3 {
          data[(capability / 32) * 3 + field] |= 1 << UInt32(capability % 32)
        }
      }
      #if arch(x86_64)
        let capset = 126
      #else
        let capset = 91
      #endif
      return header.withUnsafeMutableBytes { head in
        data.withUnsafeMutableBytes { body in
          LibC.syscall(
            capset, Int(bitPattern: head.baseAddress), Int(bitPattern: body.baseAddress))
        }
      } == 0
    #else
      return false
    #endif
  }

  /// Removes every capability but `kept` from this process's bounding set.
  ///
  /// - Parameter kept: The capabilities' numbers.
  public static func dropFromBoundingSet(except kept: Set<Int> = []) {
    for capability in 0..<64 where !kept.contains(capability) {
      _ = LibC.prctl(LibC.dropFromBoundingSet, UInt(capability))
    }
  }
}
