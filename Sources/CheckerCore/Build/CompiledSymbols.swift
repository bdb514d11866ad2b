import Foundation

/// What the student's compiled code gives the linker that no honest solution needs, or why the
/// build could not tell.
///
/// Read from the object file the compiler made of the submission's module (its sources, the
/// checker's entry file and probes), not from the text: `@_cdecl("write")`, `@ _cdecl`,
/// `@_silgen_name("write")` or an attribute hidden behind a bare carriage return all end as the
/// same symbol, `write`, which the linker would let replace the C library's function for the
/// whole program, the harness's channel writes included.
public enum CompiledSymbols: Sendable, Equatable {
  /// One thing the object file defines or calls.
  public struct Finding: Sendable, Equatable {
    /// What the code does with the symbol.
    public enum Kind: Sendable, Equatable {
      /// It defines a C (not Swift-mangled) symbol: the linker would let it replace a library
      /// function of that name for the whole program.
      case definesCSymbol
      /// It defines, strongly, a Swift symbol of another module (`@_silgen_name` with a
      /// standard-library name): the linker would let it replace that module's function, the
      /// harness's clock or channel among them.
      case definesForeignSwiftSymbol
      /// It calls a function that reaches into the process or the system around it.
      case calls
    }

    /// The symbol's name, as the linker sees it.
    public var symbol: String
    /// What the code does with it.
    public var kind: Kind

    /// The finding as a report's note says it, after "needs review: ".
    public var message: String {
      switch kind {
      case .definesCSymbol:
        "the compiled code defines the C symbol `\(symbol)` (it would replace any C library "
          + "function of that name, for the harness too)"
      case .definesForeignSwiftSymbol:
        "the compiled code defines `\(symbol)`, a Swift symbol of another module (it would "
          + "replace that module's function, for the harness too)"
      case .calls:
        "the compiled code calls `\(symbol)` (\(CompiledSymbols.forbiddenCalls[symbol] ?? "")"
          + ")"
      }
    }
  }

  /// The object files were read: what they define or call that they should not (none for an
  /// honest submission).
  case inspected([Finding])
  /// The build kept no object file to read, or it could not be read; the reason says why.
  case unavailable(String)

  /// The findings, none when the check could not run.
  public var findings: [Finding] {
    if case .inspected(let found) = self { return found }
    return []
  }

  /// Functions a solution of this exercise never calls, and why a caller is suspicious.
  ///
  /// Not `syscall`: the standard library's `Mutex` calls it (a futex) from code inlined into
  /// the student's module; the raw calls that would take the report channel over are the
  /// channel guard's to stop (`SeccompFilter.channelGuard`).
  static let forbiddenCalls: [String: String] = [
    "dlsym": "looks up symbols by name, the harness's among them",
    "dlvsym": "looks up symbols by name, the harness's among them",
    "dlopen": "loads code",
    "ptrace": "reads or controls another process",
    "process_vm_readv": "reads another process's memory",
    "process_vm_writev": "writes another process's memory",
    "mprotect": "changes what memory may be written or run",
    "dup": "copies descriptors, the harness's report channel among them",
    "dup2": "moves descriptors, onto the harness's report channel among them",
    "dup3": "moves descriptors, onto the harness's report channel among them",
    "close_range": "closes descriptors, the harness's report channel among them",
  ]

  /// Defined names the checker's own files in the module define: the entry's hand-over symbol.
  static let checkerDefinitions: Set<String> = [HarnessEntry.studentFunctionsSymbol]

  /// Name prefixes of the helpers the Swift compiler emits.
  ///
  /// They are always weak definitions (`linkonce_odr`) that every object may carry:
  /// `__swift_instantiateConcreteTypeFromMangledName`, `symbolic Si`, `got.$s…`. A strong
  /// definition with such a name is not the compiler's.
  static let compilerHelperPrefixes = [
    "__swift_", "_swift_FORCE_LOAD_", "symbolic ", "got.", "associated conformance ", "keypath",
    "flat unique ",
  ]

  /// How the submission's module (`-module-name Submission`) appears in its own symbols'
  /// mangled names: every entity it declares, and every extension it makes, names it.
  static let submissionModuleMarker =
    "\(SubmissionBuilder.moduleName.count)"
    + SubmissionBuilder.moduleName

  /// Whether `name` could be a C function's: letters, digits and underscores, not starting
  /// with a digit.
  ///
  /// Only such a name can replace a C library function. The compiler's own helpers have names
  /// with spaces (`get_type_metadata 15Synchronization5MutexV…`).
  static func isCIdentifier(_ name: String) -> Bool {
    guard let first = name.unicodeScalars.first, !("0"..."9").contains(first) else { return false }
    return name.unicodeScalars.allSatisfy {
      $0 == "_" || ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0)
    }
  }

  /// Whether `name` is Swift-mangled: `$s…` (or `_$s…` where C names take an underscore).
  static func isSwiftMangled(_ name: String) -> Bool {
    name.hasPrefix("$s") || name.hasPrefix("_$s")
  }

  /// What the symbol tables of the submission module's object files show.
  ///
  /// - Parameter tables: The symbols of each object file.
  /// - Returns: One finding per suspicious name, sorted by name, each once.
  static func findings(in tables: [ELFSymbolTable]) -> [Finding] {
    var found: [String: Finding.Kind] = [:]
    for symbol in tables.flatMap(\.symbols) {
      if symbol.isDefined {
        let isCompilerHelper =
          symbol.isWeak && compilerHelperPrefixes.contains { symbol.name.hasPrefix($0) }
        if !isSwiftMangled(symbol.name), !isCompilerHelper,
          !checkerDefinitions.contains(symbol.name), isCIdentifier(symbol.name)
        {
          found[symbol.name] = .definesCSymbol
        } else if isSwiftMangled(symbol.name), !symbol.isWeak,
          !symbol.name.contains(submissionModuleMarker)
        {
          // The compiler defines another module's symbols only weakly (specialisations,
          // witness tables it instantiates); a strong one was named by hand.
          found[symbol.name] = .definesForeignSwiftSymbol
        }
      } else if forbiddenCalls[symbol.name] != nil, found[symbol.name] == nil {
        found[symbol.name] = .calls
      }
    }
    return found.sorted { $0.key < $1.key }.map { Finding(symbol: $0.key, kind: $0.value) }
  }

  /// Inspects the object files the compiler left in `folder` (the driver plan's temporary
  /// folder, see `DriverPlan`).
  ///
  /// - Parameter folder: The folder holding the module's `.o` files.
  /// - Returns: What they define and call, or why they could not be read.
  static func inspect(objectsIn folder: String) -> CompiledSymbols {
    #if os(Linux)
      let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
      let objects = names.filter { $0.hasSuffix(".o") }.sorted()
      guard !objects.isEmpty else {
        return .unavailable("the compiler kept no object file to read")
      }
      var tables: [ELFSymbolTable] = []
      for object in objects {
        do {
          tables.append(try ELFSymbolTable.read(path: folder + "/" + object))
        } catch {
          return .unavailable("cannot read \(object): \(error)")
        }
      }
      return .inspected(findings(in: tables))
    #else
      return .unavailable("the object files are read on Linux only (ELF)")
    #endif
  }
}
