import Foundation

/// A zip file written without compression: what a Gradescope bundle needs, with no tool and no
/// library beyond Foundation.
///
/// Entries are stored (method 0) with their CRC-32, UTF-8 names and Unix permissions (so that
/// `run_autograder` stays executable when unzipped).
public struct ZipArchive: Sendable {
  /// One file in the archive.
  public struct Entry: Sendable, Equatable {
    /// Its path inside the archive, with `/` between folders.
    public var path: String
    /// Its bytes.
    public var data: Data
    /// Its Unix permissions, such as `0o755`.
    public var permissions: UInt16

    /// Creates an entry.
    public init(path: String, data: Data, permissions: UInt16 = 0o644) {
      self.path = path
      self.data = data
      self.permissions = permissions
    }
  }

  /// The files, in order.
  public var entries: [Entry]

  /// Creates an archive of `entries`.
  public init(entries: [Entry]) {
    self.entries = entries
  }

  /// The archive's bytes.
  public var data: Data {
    var archive = Data()
    var directory = Data()
    for entry in entries {
      let name = Data(entry.path.utf8)
      let crc = Self.crc32(entry.data)
      let offset = UInt32(archive.count)
      // The fields a local header and its central directory record share, in the same order:
      // version needed (2.0), flags (the name is UTF-8), method (stored), time, date, CRC,
      // both sizes, the name's length, the extra field's length.
      var shared = Data()
      shared.append(le16: 20)
      shared.append(le16: 0x0800)
      shared.append(le16: 0)
      shared.append(le16: Self.dosTime)
      shared.append(le16: Self.dosDate)
      shared.append(le32: crc)
      shared.append(le32: UInt32(entry.data.count))
      shared.append(le32: UInt32(entry.data.count))
      shared.append(le16: UInt16(name.count))
      shared.append(le16: 0)
      // Local file header.
      archive.append(le32: 0x0403_4b50)
      archive.append(shared)
      archive.append(name)
      archive.append(entry.data)
      // Its central directory record.
      directory.append(le32: 0x0201_4b50)
      directory.append(le16: 3 << 8 | 20)  // made by Unix, 2.0
      directory.append(shared)
      directory.append(le16: 0)  // comment
      directory.append(le16: 0)  // disk
      directory.append(le16: 0)  // internal attributes
      directory.append(le32: UInt32(0o100000 | UInt32(entry.permissions)) << 16)  // regular file
      directory.append(le32: offset)
      directory.append(name)
    }
    let directoryOffset = UInt32(archive.count)
    archive.append(directory)
    archive.append(le32: 0x0605_4b50)
    archive.append(le16: 0)
    archive.append(le16: 0)
    archive.append(le16: UInt16(entries.count))
    archive.append(le16: UInt16(entries.count))
    archive.append(le32: UInt32(directory.count))
    archive.append(le32: directoryOffset)
    archive.append(le16: 0)
    return archive
  }

  /// 2026-01-01 00:00, for every entry: the same sources give the same bytes.
  static let dosTime: UInt16 = 0
  static let dosDate: UInt16 = UInt16((2026 - 1980) << 9 | 1 << 5 | 1)

  static let crcTable: [UInt32] = (0..<256).map { index -> UInt32 in
    var value = UInt32(index)
    for _ in 0..<8 {
      value = value & 1 == 1 ? 0xEDB8_8320 ^ (value >> 1) : value >> 1
    }
    return value
  }

  /// The CRC-32 (ISO-HDLC, as zip uses it) of `data`.
  static func crc32(_ data: Data) -> UInt32 {
    var crc: UInt32 = 0xFFFF_FFFF
    for byte in data {
      crc = crcTable[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8)
    }
    return crc ^ 0xFFFF_FFFF
  }
}

extension Data {
  fileprivate mutating func append(le16 value: UInt16) {
    Swift.withUnsafeBytes(of: value.littleEndian) { append(contentsOf: $0) }
  }

  fileprivate mutating func append(le32 value: UInt32) {
    Swift.withUnsafeBytes(of: value.littleEndian) { append(contentsOf: $0) }
  }
}
