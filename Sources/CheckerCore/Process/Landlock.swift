#if canImport(Glibc)
  import Glibc
#endif

/// Landlock, Linux's unprivileged file-system sandbox: a process restricts itself (and all it
/// starts) to the folders it names, with no namespace and no privilege.
///
/// What it can restrict grows with the kernel's ABI, asked at run time: files from ABI 1 (read,
/// write, run, make, remove), linking across folders from 2, truncating from 3, TCP bind and
/// connect from 4, device ioctls from 5, signals and abstract sockets outside the sandbox
/// from 6.
public enum Landlock {
  /// The kernel's Landlock ABI version, or `nil` when it has none (an older kernel, or Landlock
  /// not enabled at boot).
  public static var abi: Int? {
    #if os(Linux)
      let version = LibC.syscall(createRuleset, 0, 0, 1)  // LANDLOCK_CREATE_RULESET_VERSION
      return version > 0 ? version : nil
    #else
      return nil
    #endif
  }

  // The system calls' numbers: the same on every architecture (Linux 5.13 and later).
  private static let createRuleset = 444
  private static let addRule = 445
  private static let restrictSelf = 446

  // LANDLOCK_ACCESS_FS_*: execute, write, read a file, read a folder, then the removals and
  // makings (ABI 1), refer (2), truncate (3), ioctl on devices (5).
  private static let execute: UInt64 = 1 << 0
  private static let writeFile: UInt64 = 1 << 1
  private static let readFile: UInt64 = 1 << 2
  private static let readFolder: UInt64 = 1 << 3
  private static let truncate: UInt64 = 1 << 14
  private static let deviceIoctl: UInt64 = 1 << 15

  /// Every file-system right the ABI can restrict.
  static func handledFileRights(abi: Int) -> UInt64 {
    var rights: UInt64 = (1 << 13) - 1
    if abi >= 2 { rights |= 1 << 13 }
    if abi >= 3 { rights |= truncate }
    if abi >= 5 { rights |= deviceIoctl }
    return rights
  }

  /// Restricts this process and everything it starts from now on: it may read (and run) only
  /// below `readable`, write only below `writable`, read and write the `devices`, make no TCP
  /// connection and bind no TCP port (ABI 4), and signal or reach an abstract socket of no
  /// process outside (ABI 6).
  ///
  /// Needs `no_new_privs` (set by `SeccompFilter.install`) unless the caller is privileged.
  ///
  /// - Parameters:
  ///   - readable: Files and folders it may read; those that do not exist are left out.
  ///   - writable: Folders it may write.
  ///   - devices: Device files it may read and write (`/dev/null`).
  /// - Returns: The ABI the restriction used, or `nil` (with nothing restricted) when the
  ///   kernel has no Landlock or refused it.
  public static func restrict(readable: [String], writable: [String], devices: [String])
    -> Int?
  {
    #if os(Linux)
      guard let abi else { return nil }
      let handled = handledFileRights(abi: abi)
      // struct landlock_ruleset_attr: file rights, network rights (ABI 4), scopes (ABI 6).
      var attributes: [UInt64] = [handled, abi >= 4 ? 0b11 : 0, abi >= 6 ? 0b11 : 0]
      let size = abi >= 6 ? 24 : abi >= 4 ? 16 : 8
      let ruleset = attributes.withUnsafeMutableBytes { bytes in
        LibC.syscall(createRuleset, Int(bitPattern: bytes.baseAddress), size, 0)
      }
      guard ruleset >= 0 else { return nil }
      defer { close(Int32(ruleset)) }
      for path in readable {
        _ = allow(
          path, ruleset: ruleset, folderRights: execute | readFile | readFolder,
          fileRights: execute | readFile)
      }
      for path in writable {
        _ = allow(path, ruleset: ruleset, folderRights: handled, fileRights: handled & fileMask)
      }
      let deviceRights = readFile | writeFile | (handled & (truncate | deviceIoctl))
      for path in devices {
        _ = allow(path, ruleset: ruleset, folderRights: 0, fileRights: deviceRights)
      }
      guard LibC.syscall(restrictSelf, ruleset, 0) == 0 else { return nil }
      return abi
    #else
      return nil
    #endif
  }

  /// `O_PATH` (which Swift's Glibc module does not show): a descriptor that only names a file.
  private static let pathOnly: Int32 = 0o10_000_000

  /// The rights that apply to a file rather than a folder: run, write, read, truncate, ioctl.
  private static let fileMask: UInt64 = execute | writeFile | readFile | truncate | deviceIoctl

  /// Adds a rule for `path`: `folderRights` when it is a folder, `fileRights` when it is not.
  private static func allow(
    _ path: String, ruleset: Int, folderRights: UInt64, fileRights: UInt64
  ) -> Bool {
    #if os(Linux)
      let descriptor = open(path, pathOnly | O_CLOEXEC)
      guard descriptor >= 0 else { return false }
      defer { close(descriptor) }
      var status = stat()
      guard fstat(descriptor, &status) == 0 else { return false }
      let rights = status.st_mode & S_IFMT == S_IFDIR ? folderRights : fileRights
      guard rights != 0 else { return false }
      // struct landlock_path_beneath_attr, packed: the rights (64 bits), then the folder's
      // descriptor (32 bits).
      var attribute = [UInt8](repeating: 0, count: 12)
      withUnsafeBytes(of: rights.littleEndian) { attribute.replaceSubrange(0..<8, with: $0) }
      withUnsafeBytes(of: descriptor.littleEndian) {
        attribute.replaceSubrange(8..<12, with: $0)
      }
      return attribute.withUnsafeMutableBytes { bytes in
        LibC.syscall(addRule, ruleset, 1, Int(bitPattern: bytes.baseAddress), 0) == 0
      }
    #else
      return false
    #endif
  }
}
