#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A folder's entries read with plain system calls (`opendir`, `readdir`), not Foundation's:
/// for `/proc` read many times a second, and for folders student code filled.
enum FolderEntries {
  /// The name of the entry `readdir` returned.
  ///
  /// - Parameter entry: An entry.
  /// - Returns: Its name.
  static func name(of entry: UnsafeMutablePointer<dirent>) -> String {
    withUnsafeBytes(of: entry.pointee.d_name) { bytes in
      String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
    }
  }

  /// The names in the folder at `path`, without `.` and `..`, in the order the folder lists
  /// them, or `nil` when it cannot be opened.
  ///
  /// - Parameters:
  ///   - path: The folder.
  ///   - limit: The most names to read (a folder of millions is not read whole).
  /// - Returns: The names.
  static func names(in path: String, limit: Int = .max) -> [String]? {
    guard let folder = opendir(path) else { return nil }
    defer { closedir(folder) }
    var names: [String] = []
    while names.count < limit, let entry = readdir(folder) {
      let name = name(of: entry)
      if name != ".", name != ".." { names.append(name) }
    }
    return names
  }
}
