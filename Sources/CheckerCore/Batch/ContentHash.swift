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

  static func of(folder: URL, salt: String) -> String {
    var hash = Hasher()
    func mix(_ bytes: some Sequence<UInt8>) { hash.mix(bytes) }
    mix(salt.utf8)
    let enumerator = FileManager.default.enumerator(
      at: folder, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles])
    var files: [URL] = []
    while let url = enumerator?.nextObject() as? URL {
      if url.lastPathComponent == ".build" {
        enumerator?.skipDescendants()
      } else if (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
        files.append(url)
      }
    }
    for url in files.sorted(by: { $0.path < $1.path }) {
      mix(url.path.dropFirst(folder.path.count).utf8)
      mix([0])
      mix(FileManager.default.contents(atPath: url.path) ?? Data())
      mix([FileManager.default.isExecutableFile(atPath: url.path) ? 1 : 0])
    }
    return String(hash.value, radix: 16)
  }

  /// FNV-1a, 64 bits.
  private struct Hasher {
    var value: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func mix(_ bytes: some Sequence<UInt8>) {
      for byte in bytes {
        value ^= UInt64(byte)
        value = value &* 0x100_0000_01b3
      }
    }
  }
}
