import Foundation

/// A stable fingerprint of a folder's files, to tell whether a submission changed.
///
/// FNV-1a, 64 bits, over paths, contents and executable bits: enough to see that a submission
/// changed since it was last graded. Not a security measure.
enum ContentHash {
  /// The FNV-1a hash of a text, as a number.
  static func number(of text: String) -> UInt64 {
    var hash = Hasher()
    hash.mix(text.utf8)
    return hash.value
  }

  /// The fingerprint of some texts, each ended by a zero byte.
  static func of(texts: [String]) -> String {
    var hash = Hasher()
    for text in texts {
      hash.mix(text.utf8)
      hash.mix([0])
    }
    return String(hash.value, radix: 16)
  }

  /// The fingerprint of some files' bytes (a missing file counts as empty).
  static func of(files: [String]) -> String {
    var hash = Hasher()
    for file in files {
      hash.mix(FileManager.default.contents(atPath: file) ?? Data())
      hash.mix([0])
    }
    return String(hash.value, radix: 16)
  }

  /// The most bytes of one file the fingerprint reads: a larger file (never a source the
  /// checker would read, see `SubmissionLoader.maximumFileBytes`) counts by its size and time
  /// of change instead.
  static let maximumReadBytes = SubmissionLoader.maximumFileBytes
  /// The most bytes of a folder the fingerprint reads.
  static let maximumFolderReadBytes = SubmissionLoader.maximumSubmissionBytes
  /// The most entries of a folder it looks at: a folder of millions of files is not walked.
  static let maximumEntries = 20_000

  /// The fingerprint of a student's folder, read as hostile input.
  ///
  /// No link is followed (a link counts by where it points), files are read in pieces and only up to
  /// `maximumReadBytes` each and `maximumFolderReadBytes` in all (beyond, a file counts by its
  /// size and time of change), and no more than `maximumEntries` entries are looked at.
  /// Hidden files and `.build` folders do not count.
  ///
  /// - Parameters:
  ///   - folder: The folder.
  ///   - salt: Mixed in first (what else the grading depends on).
  /// - Returns: The fingerprint, in hexadecimal.
  static func of(folder: URL, salt: String) -> String {
    var hash = Hasher()
    hash.mix(salt.utf8)
    var budget = maximumFolderReadBytes
    var entries = 0
    let root = folder.path
    var pending = [""]
    var files: [(relative: String, status: stat)] = []
    while let relative = pending.popLast(), entries < maximumEntries {
      // Hidden entries count towards the bound too: it bounds what is listed.
      let listed = FolderEntries.names(in: root + relative, limit: maximumEntries - entries) ?? []
      entries += listed.count
      for name in listed where !name.hasPrefix(".") {
        var status = stat()
        let path = relative + "/" + name
        guard lstat(root + path, &status) == 0 else { continue }
        switch status.st_mode & S_IFMT {
        case S_IFDIR: pending.append(path)
        case S_IFREG, S_IFLNK: files.append((path, status))
        default: continue
        }
      }
    }
    if entries >= maximumEntries { hash.mix("more than \(maximumEntries) entries".utf8) }
    for (relative, status) in files.sorted(by: { $0.relative < $1.relative }) {
      hash.mix(relative.utf8)
      hash.mix([0])
      let size = Int(status.st_size)
      if status.st_mode & S_IFMT == S_IFLNK {
        hash.mix("link to \(SymbolicLink.target(of: root + relative) ?? "")".utf8)
      } else if size <= maximumReadBytes, size <= budget {
        budget -= size
        hash.mixContents(ofFile: root + relative, upTo: size)
      } else {
        hash.mix("\(size) bytes, changed \(status.st_mtim.tv_sec).\(status.st_mtim.tv_nsec)".utf8)
      }
      hash.mix([status.st_mode & 0o111 != 0 ? 1 : 0])
    }
    return String(hash.value, radix: 16)
  }

  /// FNV-1a, 64 bits.
  private struct Hasher {
    var value: UInt64 = 0xcbf2_9ce4_8422_2325

    /// Mixes in at most `limit` bytes of a file, read in pieces, without following a link.
    mutating func mixContents(ofFile path: String, upTo limit: Int) {
      let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
      guard descriptor >= 0 else { return }
      defer { close(descriptor) }
      var buffer = [UInt8](repeating: 0, count: 65_536)
      var left = limit
      while left > 0 {
        let count = read(descriptor, &buffer, min(left, buffer.count))
        guard count > 0 else { return }
        mix(buffer[0..<count])
        left -= count
      }
    }

    mutating func mix(_ bytes: some Sequence<UInt8>) {
      for byte in bytes {
        value ^= UInt64(byte)
        value = value &* 0x100_0000_01b3
      }
    }
  }
}
