// like-docker: runs a command as Docker's default profile runs a container's root, for the
// tests of the checker's sandbox without namespaces.
//
//     like-docker PROGRAM ARGUMENT...
//
// It makes the control groups read-only (in a mount namespace of its own), keeps only
// Docker's 14 default capabilities (dropping the rest from the bounding set with
// PR_CAPBSET_DROP and from the process with capset), installs a seccomp filter that refuses
// `unshare`, `setns`, `mount`, `clone` with CLONE_NEW* flags and `clone3` (as Docker's default
// seccomp profile does for a container without CAP_SYS_ADMIN, moby/moby#42441), then runs the
// command. Exits with 126 when it cannot restrict, 127 when the command cannot be started.
import CheckerCore
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Docker's default capabilities: chown, dac_override, fowner, fsetid, kill, setgid, setuid,
/// setpcap, net_bind_service, net_raw, sys_chroot, mknod, audit_write, setfcap.
let dockerCapabilities: Set<Int> = [0, 1, 3, 4, 5, 6, 7, 8, 10, 13, 18, 27, 29, 31]

/// Says `message` on standard error.
func say(_ message: String) {
  let bytes = Array("like-docker: \(message)\n".utf8)
  _ = write(2, bytes, bytes.count)
}

/// Says what could not be done, and why, and exits with 126.
func fail(_ message: String) -> Never {
  say("\(message): \(String(cString: strerror(errno)))")
  exit(126)
}

guard CommandLine.arguments.count > 1 else {
  say("usage: like-docker PROGRAM ARGUMENT...")
  exit(126)
}
// Docker mounts the control groups read-only: no group of the sandbox's own can be made.
// (In a mount namespace of its own, so the machine's stay as they are.)
typealias Unshare = @convention(c) (Int32) -> Int32
guard let unshareSymbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "unshare"),
  unsafeBitCast(unshareSymbol, to: Unshare.self)(0x0002_0000) == 0,  // CLONE_NEWNS
  mount("none", "/", nil, UInt(MS_REC | MS_PRIVATE), nil) == 0
else { fail("a mount namespace") }
let mounts = (try? String(contentsOfFile: "/proc/self/mounts", encoding: .utf8)) ?? ""
for line in mounts.split(separator: "\n") {
  let fields = line.split(separator: " ")
  guard fields.count > 1, fields[1].hasPrefix("/sys/fs/cgroup") else { continue }
  guard mount(nil, String(fields[1]), nil, UInt(MS_BIND | MS_REMOUNT | MS_RDONLY), nil) == 0
  else { fail("make \(fields[1]) read-only") }
}
guard Capabilities.restrict(to: dockerCapabilities) else { fail("capset") }
let dockerFilter = SeccompFilter(rules: [
  .refuse(.unshare, errno: SeccompFilter.notPermitted),
  .refuse(.setns, errno: SeccompFilter.notPermitted),
  .refuse(.mount, errno: SeccompFilter.notPermitted),
  .refuseWhenFirstArgumentHas(
    .clone, bits: SeccompFilter.newNamespaceFlags, errno: SeccompFilter.notPermitted),
  .refuse(.clone3, errno: SeccompFilter.notImplemented),
])
guard dockerFilter.install() else { fail("seccomp") }
let arguments = CommandLine.arguments.dropFirst().map { strdup($0) } + [nil]
execvp(CommandLine.arguments[1], arguments)
say("cannot run \(CommandLine.arguments[1]): \(String(cString: strerror(errno)))")
exit(127)
