import Foundation
import Testing

@testable import CheckerCore

/// The ELF reader, on an object file the compiler makes in the test and on bytes that are not
/// one.
@Suite("ELF symbol tables are read without nm")
struct ELFSymbolTableTests {
  /// A module that defines C symbols in three spellings (one behind a bare carriage return, one
  /// with a space after `@`, allowed in Swift 5 mode) and calls `dlsym`, beside ordinary async
  /// code that makes the compiler emit its own helpers.
  static let source =
    "import Foundation\n"
    + "// a comment that ends in a bare carriage return\r@_cdecl(\"asynccheck_test_cdecl\")\n"
    + "public func exported() -> Int32 { 1 }\n"
    + "@ _cdecl(\"asynccheck_test_spaced\")\n"
    + "public func spaced() -> Int32 { 2 }\n"
    + "@_silgen_name(\"asynccheck_test_silgen\")\n"
    + "public func bound() -> Int32 { 3 }\n"
    + "@_silgen_name(\"dlsym\")\n"
    + "func lookUp(_ handle: UnsafeMutableRawPointer?, _ name: UnsafePointer<CChar>)"
    + " -> UnsafeMutableRawPointer?\n"
    + "public func found() -> Bool { lookUp(nil, \"write\") != nil }\n"
    + "@_silgen_name(\"$ss15ContinuousClockV3nowAB7InstantVvgZ\")\n"
    + "public func fastClock() -> ContinuousClock.Instant { ContinuousClock().now }\n"
    + "public func delays(_ n: Int) async -> [Double] {\n"
    + "  await withTaskGroup(of: Double.self) { group in\n"
    + "    for index in 0..<n { group.addTask { Double(index) } }\n"
    + "    var values: [Double] = []\n"
    + "    for await value in group { values.append(value) }\n"
    + "    return values\n"
    + "  }\n"
    + "}\n"

  @Test(
    "an object compiled here: C definitions in every spelling, a foreign Swift symbol, dlsym",
    .tags(.spawnsProcesses), .notInQuickRuns, .timeLimit(.minutes(2)))
  func compiledObject() throws {
    #if os(Linux)
      let workspace = try Workspace.make()
      defer { workspace.remove() }
      let path = try workspace.write(Self.source, to: "Spellings.swift")
      let object = workspace.path("Spellings.o")
      let job = ProcessSupervisor.Job(
        executable: try Toolchain.find().swiftc,
        arguments: [
          "-parse-as-library", "-swift-version", "5", "-module-name", SubmissionBuilder.moduleName,
          "-c", path,
          "-o", object,
        ], workingDirectory: workspace.root, timeLimit: 120)
      let outcome = ProcessSupervisor.run([job])[0]
      #expect(
        outcome.termination == .exited(0), "\(String(decoding: outcome.output, as: UTF8.self))")

      let table = try ELFSymbolTable.read(path: object)
      #expect(table.definedNames.contains("asynccheck_test_cdecl"))
      #expect(table.definedNames.contains("asynccheck_test_spaced"))
      #expect(table.definedNames.contains("asynccheck_test_silgen"))
      #expect(table.definedNames.contains { $0.hasPrefix("$s10Submission8exported") })
      #expect(table.undefinedNames.contains("dlsym"))
      #expect(!table.definedNames.contains("dlsym"))

      let findings = CompiledSymbols.findings(in: [table])
      #expect(
        findings == [
          .init(
            symbol: "$ss15ContinuousClockV3nowAB7InstantVvgZ", kind: .definesForeignSwiftSymbol),
          .init(symbol: "asynccheck_test_cdecl", kind: .definesCSymbol),
          .init(symbol: "asynccheck_test_silgen", kind: .definesCSymbol),
          .init(symbol: "asynccheck_test_spaced", kind: .definesCSymbol),
          .init(symbol: "dlsym", kind: .calls),
        ])
      #expect(CompiledSymbols.inspect(objectsIn: workspace.root) == .inspected(findings))
    #endif
  }

  @Test(
    "bytes that are not ELF, or are cut short, are an error and not a crash",
    arguments: [
      [UInt8](), Array("#!/bin/sh\n".utf8),
      // A 64-bit little-endian header whose section table lies past the end of the file.
      [0x7F, 0x45, 0x4C, 0x46, 2, 1, 1, 0] + [UInt8](repeating: 0, count: 32)
        + [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F] + [UInt8](repeating: 0, count: 10)
        + [64, 0, 5, 0, 0, 0],
      // A 32-bit header.
      [0x7F, 0x45, 0x4C, 0x46, 1, 1, 1, 0] + [UInt8](repeating: 0, count: 56),
    ])
  func malformed(bytes: [UInt8]) {
    #expect(throws: ELFSymbolTable.ReadError.self) {
      try ELFSymbolTable.parse(Data(bytes))
    }
  }

  @Test("a file that is not there is unreadable")
  func missing() {
    #expect(throws: ELFSymbolTable.ReadError.unreadable("/nonexistent/asynccheck.o")) {
      try ELFSymbolTable.read(path: "/nonexistent/asynccheck.o")
    }
  }
}
