import Foundation

/// A stable fingerprint of a folder's files, to tell whether a submission changed.
///
/// FNV-1a, 64 bits, over paths, contents and executable bits: enough to see that a submission
/// changed since it was last graded. Not a security measure.
enum ContentHash {
  static func of(folder: URL, salt: String) -> String {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    func mix(_ bytes: some Sequence<UInt8>) {
      for byte in bytes {
        hash ^= UInt64(byte)
        hash = hash &* 0x100_0000_01b3
      }
    }
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
    return String(hash, radix: 16)
  }
}
