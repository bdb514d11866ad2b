#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Removes a folder whatever a student's code made in it: a chain of folders deeper than
/// `PATH_MAX`, folders without permissions, links (removed, never followed).
///
/// Works by descriptors (`openat`, `unlinkat`), one folder open at a time, climbing back with
/// `..`: no path ever grows with the depth, and no descriptor limit is reached.
enum FolderRemover {
  /// Removes `path` and everything below it.
  ///
  /// - Parameter path: The folder.
  /// - Returns: Whether nothing is left of it.
  @discardableResult
  static func remove(_ path: String) -> Bool {
    var status = stat()
    guard lstat(path, &status) == 0 else { return true }
    guard status.st_mode & S_IFMT == S_IFDIR else { return unlink(path) == 0 }
    _ = chmod(path, 0o700)
    var current = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
    guard current >= 0 else { return false }
    var depth = 0
    // Each round empties the current folder of what is not a folder, then enters its first
    // folder that is not empty, or climbs back once it holds nothing.
    for _ in 0..<10_000_000 {
      switch emptyOrFindFolder(current) {
      case .failed:
        close(current)
        return false
      case .folder(let name):
        _ = fchmodat(current, name, 0o700, 0)
        let next = openat(current, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard next >= 0 else {
          close(current)
          return false
        }
        close(current)
        current = next
        depth += 1
      case .empty:
        if depth == 0 {
          close(current)
          return rmdir(path) == 0
        }
        let parent = openat(current, "..", O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        close(current)
        guard parent >= 0 else { return false }
        current = parent
        depth -= 1
      }
    }
    close(current)
    return false
  }

  /// What a folder holds once its files are removed.
  private enum Emptied {
    /// Nothing.
    case empty
    /// A folder that is not empty, named.
    case folder(String)
    /// Something could not be removed.
    case failed
  }

  /// Removes the files, links and empty folders in the folder `descriptor`.
  private static func emptyOrFindFolder(_ descriptor: Int32) -> Emptied {
    let listing = dup(descriptor)
    guard listing >= 0, let folder = fdopendir(listing) else { return .failed }
    defer { closedir(folder) }
    var removedAny = true
    var failures = 0
    while removedAny {
      removedAny = false
      rewinddir(folder)
      while let entry = readdir(folder) {
        let name = FolderEntries.name(of: entry)
        if name == "." || name == ".." { continue }
        if unlinkat(descriptor, name, 0) == 0 {
          removedAny = true
          continue
        }
        var error = errno
        if error == EISDIR {
          if unlinkat(descriptor, name, AT_REMOVEDIR) == 0 {
            removedAny = true
            continue
          }
          error = errno
          if error == ENOTEMPTY || error == EEXIST { return .folder(name) }
        }
        if error == EACCES || error == EPERM {
          // A folder the student made unwritable: make it the remover's again.
          _ = fchmod(descriptor, 0o700)
        }
        failures += 1
        if failures > 1_000 { return .failed }
        removedAny = true
      }
    }
    return .empty
  }
}
