import Testing

@testable import CheckerCore

/// Check titles are built per language: no Swift name in a Python report, and the other way.
@Suite("Check titles in the submission's language")
struct CheckTitleTests {
  @Test(
    "no title names a function or parameter of the other language", arguments: Language.allCases)
  func names(language: Language) {
    let other: Language = language == .swift ? .python : .swift
    let foreign = Set(
      Exercise.tasks.map { $0.functionName(in: other) }
        + Exercise.parameterNames.map { other == .swift ? $0.swift : $0.python }
    )
    .subtracting(
      Exercise.tasks.map { $0.functionName(in: language) }
        + Exercise.parameterNames.map { language == .swift ? $0.swift : $0.python })
    for task in Exercise.tasks {
      for check in CheckCatalog.checks(forTask: task.id, language: language) {
        let title = check.title.text(in: language)
        let words = Set(title.split { !$0.isLetter && !$0.isNumber && $0 != "_" }.map(String.init))
        #expect(words.isDisjoint(with: foreign), "task \(task.id) \(check.name): \(title)")
      }
    }
  }
}
