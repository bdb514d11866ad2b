import CheckerCore
import Testing

@Suite("SourceFacts reads what the source checks need")
struct SourceFactsTests {
  func facts(_ text: String) -> SourceFacts {
    SourceFacts(
      submission: Submission(
        displayPath: "x", origin: .folder, languageMode: 6,
        files: [SourceFile(relativePath: "Sources/A.swift", text: text)]))
  }

  @Test("a sort in the function, or in a helper, is found; one in a comment or another task is not")
  func sorting() {
    let text = """
      func waitN(n: Int, maxDelay: Int) async -> [Double] {
        // we do not call .sorted() here
        return helper([])
      }
      func helper(_ values: [Double]) -> [Double] {
        values.sorted()
      }
      func taskWaitN(n: Int, maxDelay: Int) async -> [Double] {
        var values: [Double] = []
        values.sort()
        return values
      }
      """
    let found = facts(text)
    #expect(found.sortingPlaces(forTask: 1).map(\.description) == ["Sources/A.swift:6"])
    #expect(
      found.sortingPlaces(forTask: 4).map(\.description) == [
        "Sources/A.swift:10", "Sources/A.swift:6",
      ])
  }

  @Test(
    "waitRandom's default value",
    arguments: [
      ("func waitRandom(maxDelay: Int = 10) async -> Double { 0 }", true, 10),
      ("func waitRandom(maxDelay: Int = 5) async -> Double { 0 }", true, 5),
      ("func waitRandom(maxDelay: Int = ten) async -> Double { 0 }", true, nil),
      ("func waitRandom(maxDelay: Int) async -> Double { 0 }", false, nil),
    ] as [(String, Bool, Int?)])
  func defaultValue(text: String, hasDefault: Bool, literal: Int?) {
    #expect(facts(text).waitRandomHasDefault == hasDefault)
    #expect(facts(text).waitRandomDefaultLiteral == literal)
  }
}
