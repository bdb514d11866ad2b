#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Symbolic links, read without following them.
enum SymbolicLink {
  /// Where the link at `path` points, as written in it, or `nil` when `path` is no link.
  ///
  /// - Parameter path: A path.
  /// - Returns: The link's text.
  static func target(of path: String) -> String? {
    var target = [CChar](repeating: 0, count: 4096)
    let count = readlink(path, &target, target.count - 1)
    guard count > 0 else { return nil }
    return String(decoding: target[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }
}
