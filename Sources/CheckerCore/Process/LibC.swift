#if canImport(Glibc)
  import Glibc
#endif

/// The C library functions Swift's Glibc module does not show (they need `_GNU_SOURCE`, or are
/// variadic), looked up by name.
enum LibC {
  private typealias Unshare = @convention(c) (Int32) -> Int32
  private typealias Prctl = @convention(c) (Int32, UInt, UInt, UInt, UInt) -> Int32
  // `syscall(2)` is variadic; glibc's is a few instructions of assembly that read only the
  // integer registers, so a fixed six-argument call reaches it unchanged on x86-64 and arm64.
  private typealias Syscall = @convention(c) (Int, Int, Int, Int, Int, Int, Int) -> Int

  /// `unshare(2)`, or -1 when the C library has none.
  static func unshare(_ flags: Int32) -> Int32 {
    guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "unshare") else { return -1 }
    return unsafeBitCast(symbol, to: Unshare.self)(flags)
  }

  /// `prctl(2)`, or -1 when the C library has none.
  static func prctl(_ option: Int32, _ a: UInt, _ b: UInt = 0, _ c: UInt = 0, _ d: UInt = 0)
    -> Int32
  {
    guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "prctl") else { return -1 }
    return unsafeBitCast(symbol, to: Prctl.self)(option, a, b, c, d)
  }

  /// `syscall(2)`: a system call the C library has no function for (Landlock's, `capset`), or
  /// -1 with `errno` set to `ENOSYS` when the C library has no `syscall`.
  static func syscall(_ number: Int, _ arguments: Int...) -> Int {
    guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "syscall") else {
      errno = ENOSYS
      return -1
    }
    let padded = arguments + Array(repeating: 0, count: max(0, 6 - arguments.count))
    return unsafeBitCast(symbol, to: Syscall.self)(
      number, padded[0], padded[1], padded[2], padded[3], padded[4], padded[5])
  }

  // prctl's options, from <linux/prctl.h>.
  static let setNoNewPrivileges: Int32 = 38
  static let setSeccomp: Int32 = 22
  static let dropFromBoundingSet: Int32 = 24
  static let setChildSubreaper: Int32 = 36
}
