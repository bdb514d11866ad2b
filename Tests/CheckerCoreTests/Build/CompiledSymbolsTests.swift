import Testing

@testable import CheckerCore

/// Which of a module's symbols the check flags.
@Suite("The compiled code's symbols: C definitions and forbidden calls are flagged")
struct CompiledSymbolsTests {
  typealias Symbol = ELFSymbolTable.Symbol

  @Test("Swift names, the compiler's weak helpers and the checker's entry symbol pass")
  func honest() {
    let table = ELFSymbolTable(symbols: [
      Symbol(
        name: "$s10Submission5waitN1n8maxDelaySaySdGSi_SitYaF", isDefined: true, isWeak: false),
      Symbol(name: "__swift_instantiateConcreteTypeFromMangledName", isDefined: true, isWeak: true),
      Symbol(name: "symbolic SaySdG", isDefined: true, isWeak: true),
      Symbol(name: "got.$ss5NeverOMn", isDefined: true, isWeak: true),
      Symbol(name: HarnessEntry.studentFunctionsSymbol, isDefined: true, isWeak: false),
      Symbol(name: "write", isDefined: false, isWeak: false),
      Symbol(name: "swift_task_create", isDefined: false, isWeak: false),
      // What code using the standard library's `Mutex` gets inlined: its metadata accessor
      // (a name no C function has) and the futex's raw system call.
      Symbol(
        name: "get_type_metadata 15Synchronization5MutexVySaySdGG noncopyable.10", isDefined: true,
        isWeak: false),
      Symbol(name: "syscall", isDefined: false, isWeak: false),
    ])
    #expect(CompiledSymbols.findings(in: [table]).isEmpty)
  }

  @Test(
    "a C definition is flagged, weak or strong, and a compiler prefix defined strongly too",
    arguments: [
      Symbol(name: "write", isDefined: true, isWeak: false),
      Symbol(name: "clock_gettime", isDefined: true, isWeak: true),
      Symbol(
        name: "__swift_instantiateConcreteTypeFromMangledName", isDefined: true, isWeak: false),
      Symbol(name: "swift_retain", isDefined: true, isWeak: false),
    ])
  func definition(symbol: Symbol) {
    let findings = CompiledSymbols.findings(in: [ELFSymbolTable(symbols: [symbol])])
    #expect(findings == [.init(symbol: symbol.name, kind: .definesCSymbol)])
    #expect(findings.first?.message.contains("defines the C symbol `\(symbol.name)`") == true)
  }

  @Test("a strong definition of another module's Swift symbol is flagged; weak ones pass")
  func foreignSwiftSymbol() {
    let clock = "$ss15ContinuousClockV3nowAB7InstantVvgZ"
    let findings = CompiledSymbols.findings(in: [
      ELFSymbolTable(symbols: [
        Symbol(name: clock, isDefined: true, isWeak: false),
        Symbol(name: "$sS2dSBsWL", isDefined: true, isWeak: true),
        Symbol(name: "$sSa10SubmissionE6sortedSaySdGyF", isDefined: true, isWeak: false),
      ])
    ])
    #expect(findings == [.init(symbol: clock, kind: .definesForeignSwiftSymbol)])
    #expect(findings.first?.message.contains("a Swift symbol of another module") == true)
  }

  @Test(
    "a call of a function that reaches into the process is flagged, once",
    arguments: ["dlsym", "dlopen", "dlvsym", "ptrace", "process_vm_readv", "mprotect", "dup2"])
  func forbiddenCall(name: String) {
    let symbol = Symbol(name: name, isDefined: false, isWeak: false)
    let findings = CompiledSymbols.findings(in: [
      ELFSymbolTable(symbols: [symbol]), ELFSymbolTable(symbols: [symbol]),
    ])
    #expect(findings == [.init(symbol: name, kind: .calls)])
    #expect(findings.first?.message.hasPrefix("the compiled code calls `\(name)` (") == true)
  }

  @Test("a folder without object files makes the check unavailable, not clean")
  func noObjects() throws {
    let workspace = try Workspace.make()
    defer { workspace.remove() }
    #if os(Linux)
      #expect(
        CompiledSymbols.inspect(objectsIn: workspace.root)
          == .unavailable("the compiler kept no object file to read"))
    #else
      #expect(CompiledSymbols.inspect(objectsIn: workspace.root).findings.isEmpty)
    #endif
    #expect(CompiledSymbols.unavailable("x").findings.isEmpty)
  }
}
