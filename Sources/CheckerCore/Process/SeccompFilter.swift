#if canImport(Glibc)
  import Glibc
#endif

/// A seccomp filter of raw BPF (no libseccomp): the system calls a process and everything it
/// starts may no longer make, each refused with an error number.
///
/// The filter checks the architecture first (a call through another ABI, such as x32 or the
/// 32-bit one, kills the process), then each rule in order; anything no rule names is allowed.
public struct SeccompFilter: Sendable {
  /// One system call refused, always or depending on its first argument.
  public enum Rule: Sendable, Equatable {
    /// The call is refused.
    case refuse(SystemCall, errno: Int32)
    /// The call is refused unless its first argument is `allowed` (`socket` for `AF_UNIX`).
    case refuseUnlessFirstArgument(SystemCall, is: UInt32, errno: Int32)
    /// The call is refused when its first argument has any of `bits` (`clone` with
    /// `CLONE_NEW*` flags).
    case refuseWhenFirstArgumentHas(SystemCall, bits: UInt32, errno: Int32)
    /// `action` is taken when the call's argument at `index` (from 0) is `value`: `dup2`
    /// onto descriptor 3.
    case whenArgument(SystemCall, index: UInt32, is: UInt32, Action)
    /// `action` is taken when `value` lies in the range the call's first two arguments bound:
    /// `close_range` over descriptor 3.
    case whenRangeHolds(SystemCall, value: UInt32, Action)
  }

  /// What a rule that depends on arguments does to a call it matches.
  public enum Action: Sendable, Equatable {
    /// The process is killed (`SIGSYS`).
    case kill
    /// The call fails with this error number.
    case refuse(errno: Int32)
  }

  /// The system calls the rules can name, numbered per architecture.
  public enum SystemCall: String, Sendable, CaseIterable {
    case socket, ptrace, processVMReadv, processVMWritev, keyctl, addKey, requestKey
    case personality, mount, umount2, pivotRoot, chroot, unshare, setns, clone, clone3
    case openTree, moveMount, fsopen, fsconfig, fsmount, fspick, mountSetattr
    case ioUringSetup, ioUringEnter, ioUringRegister, bpf, perfEventOpen, userfaultfd
    case kexecLoad, kexecFileLoad, initModule, finitModule, deleteModule, acct, swapon, swapoff
    case reboot, sethostname, setdomainname
    case close, dup2, dup3, closeRange

    /// The call's number on this machine's architecture, or `nil` when it has none there.
    public var number: UInt32? {
      #if arch(x86_64)
        let numbers: [SystemCall: UInt32] = [
          .socket: 41, .ptrace: 101, .processVMReadv: 310, .processVMWritev: 311, .keyctl: 250,
          .addKey: 248, .requestKey: 249, .personality: 135, .mount: 165, .umount2: 166,
          .pivotRoot: 155, .chroot: 161, .unshare: 272, .setns: 308, .clone: 56, .bpf: 321,
          .perfEventOpen: 298, .userfaultfd: 323, .kexecLoad: 246, .kexecFileLoad: 320,
          .initModule: 175, .finitModule: 313, .deleteModule: 176, .acct: 163, .swapon: 167,
          .swapoff: 168, .reboot: 169, .sethostname: 170, .setdomainname: 171, .close: 3,
          .dup2: 33, .dup3: 292,
        ]
      #elseif arch(arm64)
        let numbers: [SystemCall: UInt32] = [
          .socket: 198, .ptrace: 117, .processVMReadv: 270, .processVMWritev: 271, .keyctl: 219,
          .addKey: 217, .requestKey: 218, .personality: 92, .mount: 40, .umount2: 39,
          .pivotRoot: 41, .chroot: 51, .unshare: 97, .setns: 268, .clone: 220, .bpf: 280,
          .perfEventOpen: 241, .userfaultfd: 282, .kexecLoad: 104, .kexecFileLoad: 294,
          .initModule: 105, .finitModule: 273, .deleteModule: 106, .acct: 89, .swapon: 224,
          .swapoff: 225, .reboot: 142, .sethostname: 161, .setdomainname: 162, .close: 57,
          .dup3: 24,
        ]
      #else
        let numbers: [SystemCall: UInt32] = [:]
      #endif
      // Calls added since Linux 5.0 have one number on every architecture.
      let unified: [SystemCall: UInt32] = [
        .ioUringSetup: 425, .ioUringEnter: 426, .ioUringRegister: 427, .openTree: 428,
        .moveMount: 429, .fsopen: 430, .fsconfig: 431, .fsmount: 432, .fspick: 433, .clone3: 435,
        .mountSetattr: 442, .closeRange: 436,
      ]
      return numbers[self] ?? unified[self]
    }
  }

  /// The rules, checked in order.
  public var rules: [Rule]

  /// Creates a filter.
  ///
  /// - Parameter rules: The calls to refuse.
  public init(rules: [Rule]) {
    self.rules = rules
  }

  /// `EPERM`, `EACCES` and `ENOSYS`, as the rules return them.
  public static let notPermitted: Int32 = 1
  /// `EACCES`.
  public static let accessDenied: Int32 = 13
  /// `ENOSYS`: what `clone3` returns, so that the C library falls back to `clone`, whose flags
  /// a filter can read.
  public static let notImplemented: Int32 = 38
  /// Every `CLONE_NEW*` flag (mount, cgroup, UTS, IPC, user, PID, network, time).
  public static let newNamespaceFlags: UInt32 =
    0x0002_0000 | 0x0200_0000 | 0x0400_0000 | 0x0800_0000 | 0x1000_0000 | 0x2000_0000
    | 0x4000_0000 | 0x80

  /// What student code may not do in the sandbox without namespaces: open a socket other than
  /// a local one (no network), read or write another process's memory, reach the kernel's
  /// keyrings, change its execution domain, mount or make namespaces, use `io_uring` (whose
  /// operations a filter cannot see) or any of the administrator's calls.
  public static let student = SeccompFilter(
    rules: [
      .refuseUnlessFirstArgument(.socket, is: 1, errno: accessDenied),  // AF_UNIX only
      .refuseWhenFirstArgumentHas(.clone, bits: newNamespaceFlags, errno: notPermitted),
      .refuse(.clone3, errno: notImplemented),
    ]
      + [
        SystemCall.ptrace, .processVMReadv, .processVMWritev, .keyctl, .addKey, .requestKey,
        .personality, .mount, .umount2, .pivotRoot, .chroot, .unshare, .setns, .openTree,
        .moveMount, .fsopen, .fsconfig, .fsmount, .fspick, .mountSetattr, .ioUringSetup,
        .ioUringEnter, .ioUringRegister, .bpf, .perfEventOpen, .userfaultfd, .kexecLoad,
        .kexecFileLoad, .initModule, .finitModule, .deleteModule, .acct, .swapon, .swapoff,
        .reboot, .sethostname, .setdomainname,
      ].map { .refuse($0, errno: notPermitted) })

  /// One BPF instruction (`struct sock_filter`).
  struct Instruction: Equatable {
    var code: UInt16
    var jumpIfTrue: UInt8
    var jumpIfFalse: UInt8
    var value: UInt32

    static func load(offset: UInt32) -> Instruction {
      Instruction(code: 0x20, jumpIfTrue: 0, jumpIfFalse: 0, value: offset)  // LD | W | ABS
    }
    static func jumpIfEqual(_ value: UInt32, skipping: UInt8) -> Instruction {
      // Equal: go on; not equal: skip `skipping` instructions.
      Instruction(code: 0x15, jumpIfTrue: 0, jumpIfFalse: skipping, value: value)
    }
    static func ret(_ value: UInt32) -> Instruction {
      Instruction(code: 0x06, jumpIfTrue: 0, jumpIfFalse: 0, value: value)
    }
  }

  // struct seccomp_data: the call's number, its architecture, then its arguments (64 bits
  // each; the low half first on the little-endian machines this runs on).
  private static let numberOffset: UInt32 = 0
  private static let architectureOffset: UInt32 = 4
  private static let firstArgumentOffset: UInt32 = 16
  private static let allow: UInt32 = 0x7fff_0000
  private static let killProcess: UInt32 = 0x8000_0000
  private static func error(_ number: Int32) -> UInt32 { 0x0005_0000 | UInt32(number & 0xffff) }
  private static func result(_ action: Action) -> UInt32 {
    switch action {
    case .kill: killProcess
    case .refuse(let errno): error(errno)
    }
  }

  /// The audit architecture the filter accepts, or `nil` where the filter is not supported.
  static var architecture: UInt32? {
    #if arch(x86_64)
      return 0xC000_003E
    #elseif arch(arm64)
      return 0xC000_00B7
    #else
      return nil
    #endif
  }

  /// The harness's own filter, which each harness process installs on itself before any
  /// student code runs: its report channel stays descriptor 3.
  ///
  /// Student code shares the harness's process; were it to move a file of its own onto
  /// descriptor 3, it could read a record (the key with it) and write others. `dup2` or `dup3`
  /// onto 3 kills the process with `SIGSYS`, and the checker voids the run (`HarnessReader`);
  /// closing 3 (`close`, or a `close_range` over it, as a program that starts another closes
  /// every descriptor in the child) fails with `EPERM`, so that no other file can take its
  /// number; `io_uring`, whose operations a filter cannot see, is refused. The descriptor
  /// checks in the harnesses stay, for where no filter can be installed.
  public static let channelGuard = SeccompFilter(
    rules: [
      .whenArgument(.dup2, index: 1, is: channelDescriptor, .kill),
      .whenArgument(.dup3, index: 1, is: channelDescriptor, .kill),
      .whenArgument(.close, index: 0, is: channelDescriptor, .refuse(errno: notPermitted)),
      .whenRangeHolds(.closeRange, value: channelDescriptor, .refuse(errno: notPermitted)),
      .refuse(.ioUringSetup, errno: notPermitted),
    ])

  /// The harness's report channel (`HarnessProtocol`).
  static let channelDescriptor: UInt32 = 3

  /// The filter's program as the kernel reads it (`struct sock_filter`s: the code, the two
  /// jumps and the value, little-endian), for a harness to install on itself; empty on an
  /// architecture the filter does not support, as `install` installs nothing there.
  public var programBytes: [UInt8] {
    guard Self.architecture != nil else { return [] }
    return program().flatMap { instruction in
      withUnsafeBytes(of: instruction.code.littleEndian, Array.init)
        + [instruction.jumpIfTrue, instruction.jumpIfFalse]
        + withUnsafeBytes(of: instruction.value.littleEndian, Array.init)
    }
  }

  /// The filter's program.
  func program() -> [Instruction] {
    var program: [Instruction] = [
      .load(offset: Self.architectureOffset),
      // This architecture: skip the kill.
      Instruction(code: 0x15, jumpIfTrue: 1, jumpIfFalse: 0, value: Self.architecture ?? 0),
      .ret(Self.killProcess),
      .load(offset: Self.numberOffset),
    ]
    #if arch(x86_64)
      // x32 calls are numbered from 0x40000000: refuse every one.
      program += [
        Instruction(code: 0x35, jumpIfTrue: 0, jumpIfFalse: 1, value: 0x4000_0000),  // JGE
        .ret(Self.error(Self.notPermitted)),
      ]
    #endif
    for rule in rules {
      switch rule {
      case .refuse(let call, let errno):
        guard let number = call.number else { continue }
        program += [.jumpIfEqual(number, skipping: 1), .ret(Self.error(errno))]
      case .refuseUnlessFirstArgument(let call, let allowed, let errno):
        guard let number = call.number else { continue }
        program += [
          .jumpIfEqual(number, skipping: 4), .load(offset: Self.firstArgumentOffset),
          Instruction(code: 0x15, jumpIfTrue: 1, jumpIfFalse: 0, value: allowed),
          .ret(Self.error(errno)), .load(offset: Self.numberOffset),
        ]
      case .refuseWhenFirstArgumentHas(let call, let bits, let errno):
        guard let number = call.number else { continue }
        program += [
          .jumpIfEqual(number, skipping: 4), .load(offset: Self.firstArgumentOffset),
          Instruction(code: 0x45, jumpIfTrue: 0, jumpIfFalse: 1, value: bits),  // JSET
          .ret(Self.error(errno)), .load(offset: Self.numberOffset),
        ]
      case .whenArgument(let call, let index, let value, let action):
        guard let number = call.number else { continue }
        program += [
          .jumpIfEqual(number, skipping: 4),
          .load(offset: Self.firstArgumentOffset + 8 * index),
          Instruction(code: 0x15, jumpIfTrue: 0, jumpIfFalse: 1, value: value),
          .ret(Self.result(action)), .load(offset: Self.numberOffset),
        ]
      case .whenRangeHolds(let call, let value, let action):
        guard let number = call.number else { continue }
        program += [
          .jumpIfEqual(number, skipping: 6), .load(offset: Self.firstArgumentOffset),
          // The range starts above the value: go on to the next rule.
          Instruction(code: 0x25, jumpIfTrue: 3, jumpIfFalse: 0, value: value),  // JGT
          .load(offset: Self.firstArgumentOffset + 8),
          // It ends below the value: the next rule too.
          Instruction(code: 0x35, jumpIfTrue: 0, jumpIfFalse: 1, value: value),  // JGE
          .ret(Self.result(action)), .load(offset: Self.numberOffset),
        ]
      }
    }
    return program + [.ret(Self.allow)]
  }

  /// Installs the filter on this process (and everything it starts from now on), after setting
  /// `no_new_privs`, which an unprivileged process needs and which keeps a set-uid program from
  /// regaining rights.
  ///
  /// - Returns: Whether the filter is installed.
  @discardableResult
  public func install() -> Bool {
    #if os(Linux)
      guard Self.architecture != nil else { return false }
      var instructions = program()
      guard LibC.prctl(LibC.setNoNewPrivileges, 1) == 0 else { return false }
      // struct sock_fprog: the instruction count, then (aligned) a pointer to them.
      return instructions.withUnsafeMutableBufferPointer { buffer in
        var header = [UInt64](repeating: 0, count: 2)
        header[0] = UInt64(buffer.count)
        header[1] = UInt64(UInt(bitPattern: buffer.baseAddress))
        return header.withUnsafeMutableBytes { bytes in
          LibC.prctl(LibC.setSeccomp, 2, UInt(bitPattern: bytes.baseAddress)) == 0  // FILTER
        }
      }
    #else
      return false
    #endif
  }
}
