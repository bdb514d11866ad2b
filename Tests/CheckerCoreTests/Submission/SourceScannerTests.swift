import CheckerCore
import Testing

@Suite("SourceScanner finds function declarations in source text")
struct SourceScannerTests {
  let source = """
    // func waitN(n: Int) in a comment is not a declaration
    let text = "func waitN(n: Int, maxDelay: Int) { not code }"
    /* block comment: func waitN() { */
    public func waitN(n: Int, maxDelay: Int) async -> [Double] {
      let braces = "}}}"
      if n > 0 {
        return []
      }
      return [] // }
    }

    func waitNHelper() {}
    """

  @Test("finds the declaration, its header on one line, and its line range")
  func findsDeclaration() throws {
    let found = SourceScanner(text: source).functions(named: "waitN")
    #expect(found.count == 1)
    let declaration = try #require(found.first)
    #expect(declaration.header == "public func waitN(n: Int, maxDelay: Int) async -> [Double]")
    #expect(declaration.startLine == 4)
    #expect(declaration.endLine == 10)
    #expect(declaration.contains(line: 7))
    #expect(!declaration.contains(line: 12))
  }

  @Test("comments and strings are blanked, keeping lines")
  func blanksCommentsAndStrings() {
    let code = String(decoding: SourceScanner(text: source).code, as: UTF8.self)
    #expect(!code.contains("not code"))
    #expect(!code.contains("block comment"))
    #expect(code.split(separator: "\n", omittingEmptySubsequences: false).count == 12)
  }

  @Test("a name that only starts the same is another function")
  func exactNames() {
    let scanner = SourceScanner(text: source)
    #expect(scanner.functions(named: "waitNHelper").count == 1)
    #expect(scanner.declaredFunctionNames.isSuperset(of: ["waitN", "waitNHelper"]))
  }

  @Test("a generic return type does not end the header early")
  func genericReturnType() throws {
    let text = "func taskWaitRandom(maxDelay: Int) -> Task<Double, Never> {\n  Task { 0 }\n}\n"
    let declaration = try #require(
      SourceScanner(text: text).functions(named: "taskWaitRandom").first)
    #expect(declaration.header == "func taskWaitRandom(maxDelay: Int) -> Task<Double, Never>")
    #expect(declaration.endLine == 3)
  }

  @Test("a function at file scope is told from a member of the same name")
  func fileScope() {
    let text = """
      enum Notes { static func waitN() {} }
      extension Int {
        func waitN() {}
      }
      func waitN(n: Int, maxDelay: Int) async -> [Double] { [] }
      """
    let scanner = SourceScanner(text: text)
    #expect(scanner.functions(named: "waitN").map(\.startLine) == [1, 3, 5])
    #expect(scanner.fileScopeFunctions(named: "waitN").map(\.startLine) == [5])
  }
}
