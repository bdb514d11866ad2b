import Foundation

/// The symbols of a 64-bit little-endian ELF file (an object file or a program), read from its
/// `.symtab` (or, in a stripped program, its `.dynsym`) without `nm` or binutils.
///
/// Only what the symbol check needs is read: each global or weak symbol's name, whether it is
/// defined, and its binding. The reader checks every offset against the file's size, so a
/// truncated or hostile file is an error, never a crash.
struct ELFSymbolTable: Sendable, Equatable {
  /// One global or weak symbol.
  struct Symbol: Sendable, Equatable, Hashable {
    /// The name as the linker sees it (mangled for Swift: `$s…`).
    var name: String
    /// Whether this file defines it (else it only refers to it).
    var isDefined: Bool
    /// Whether the definition is weak (a compiler's `linkonce_odr` helper, say).
    var isWeak: Bool
  }

  /// The global and weak symbols, in the table's order.
  var symbols: [Symbol]

  /// The names this file defines.
  var definedNames: Set<String> { Set(symbols.filter(\.isDefined).map(\.name)) }

  /// The names this file refers to without defining them.
  var undefinedNames: Set<String> { Set(symbols.filter { !$0.isDefined }.map(\.name)) }

  /// Why a file could not be read as ELF.
  enum ReadError: Error, Equatable, CustomStringConvertible {
    /// The file could not be opened or read.
    case unreadable(String)
    /// The file is not a 64-bit little-endian ELF file, or is cut short; the text says where.
    case malformed(String)

    /// What went wrong, for a note.
    var description: String {
      switch self {
      case .unreadable(let path): "cannot read \(path)"
      case .malformed(let detail): "not a readable ELF file: \(detail)"
      }
    }
  }

  /// Reads the symbols of the ELF file at `path`.
  ///
  /// - Parameter path: An object file or a program.
  /// - Returns: Its global and weak symbols.
  /// - Throws: `ReadError` when the file cannot be read or is not 64-bit little-endian ELF.
  static func read(path: String) throws(ReadError) -> ELFSymbolTable {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw .unreadable(path)
    }
    return try parse(data)
  }

  /// Reads the symbols of an ELF file's bytes.
  ///
  /// - Parameter data: The whole file.
  /// - Returns: Its global and weak symbols.
  /// - Throws: `ReadError.malformed` when the bytes are not 64-bit little-endian ELF.
  static func parse(_ data: Data) throws(ReadError) -> ELFSymbolTable {
    let bytes = [UInt8](data)
    let reader = ByteReader(bytes: bytes)
    // e_ident: "\x7fELF", class 2 (64-bit), data 1 (little-endian).
    guard bytes.count >= 64, bytes[0] == 0x7F, bytes[1] == 0x45, bytes[2] == 0x4C,
      bytes[3] == 0x46
    else { throw .malformed("not an ELF file") }
    guard bytes[4] == 2, bytes[5] == 1 else {
      throw .malformed("not a 64-bit little-endian ELF file")
    }
    let sectionTable = try reader.integer(at: 0x28, size: 8)
    let sectionSize = try reader.integer(at: 0x3A, size: 2)
    let sectionCount = try reader.integer(at: 0x3C, size: 2)
    guard sectionSize >= 64 else { throw .malformed("section headers of \(sectionSize) bytes") }
    guard sectionTable <= bytes.count, sectionCount <= (bytes.count - sectionTable) / sectionSize
    else { throw .malformed("section headers out of the file") }
    struct Section {
      var type: Int
      var offset: Int
      var size: Int
      var link: Int
      var entrySize: Int
    }
    var sections: [Section] = []
    for index in 0..<sectionCount {
      let header = sectionTable + index * sectionSize
      sections.append(
        Section(
          type: try reader.integer(at: header + 4, size: 4),
          offset: try reader.integer(at: header + 0x18, size: 8),
          size: try reader.integer(at: header + 0x20, size: 8),
          link: try reader.integer(at: header + 0x28, size: 4),
          entrySize: try reader.integer(at: header + 0x38, size: 8)))
    }
    // SHT_SYMTAB is 2, SHT_DYNSYM 11: the full table when there is one.
    guard
      let table = sections.first(where: { $0.type == 2 })
        ?? sections.first(where: { $0.type == 11 })
    else { return ELFSymbolTable(symbols: []) }
    guard table.link < sections.count, table.entrySize >= 24 else {
      throw .malformed("a symbol table without its names")
    }
    let names = sections[table.link]
    for section in [table, names] {
      guard section.offset <= bytes.count, section.size <= bytes.count - section.offset else {
        throw .malformed("a section out of the file")
      }
    }
    var symbols: [Symbol] = []
    // Entry 0 is the null symbol.
    for index in 1..<max(1, table.size / table.entrySize) {
      let entry = table.offset + index * table.entrySize
      // Elf64_Sym: st_name (4), st_info (1), st_other (1), st_shndx (2), st_value, st_size.
      let info = try reader.integer(at: entry + 4, size: 1)
      let binding = info >> 4
      let kind = info & 0xF
      // STB_GLOBAL 1, STB_WEAK 2, STB_GNU_UNIQUE 10; STT_SECTION 3 and STT_FILE 4 name no code.
      guard binding == 1 || binding == 2 || binding == 10, kind != 3, kind != 4 else { continue }
      let nameOffset = try reader.integer(at: entry, size: 4)
      guard nameOffset < names.size else { throw .malformed("a symbol name out of its table") }
      let name = try reader.string(at: names.offset + nameOffset, end: names.offset + names.size)
      let sectionIndex = try reader.integer(at: entry + 6, size: 2)
      symbols.append(Symbol(name: name, isDefined: sectionIndex != 0, isWeak: binding == 2))
    }
    return ELFSymbolTable(symbols: symbols)
  }

  /// Little-endian integers and C strings out of a byte array, bounds-checked.
  private struct ByteReader {
    let bytes: [UInt8]

    func integer(at offset: Int, size: Int) throws(ReadError) -> Int {
      guard offset >= 0, size <= 8, offset <= bytes.count - size else {
        throw .malformed("cut short at byte \(offset)")
      }
      var value: UInt64 = 0
      for index in (0..<size).reversed() {
        value = value << 8 | UInt64(bytes[offset + index])
      }
      guard value <= UInt64(Int.max) else { throw .malformed("an offset out of range") }
      return Int(value)
    }

    func string(at offset: Int, end: Int) throws(ReadError) -> String {
      let limit = min(end, bytes.count)
      guard offset >= 0, offset < limit else { throw .malformed("a name out of the file") }
      var stop = offset
      while stop < limit, bytes[stop] != 0 { stop += 1 }
      return String(decoding: bytes[offset..<stop], as: UTF8.self)
    }
  }
}
