import Foundation
import Testing

@testable import CheckerCore

/// The GitHub Actions and GitLab recipes a student copies, read as a reviewer would.
@Suite("The CI recipes")
struct CIRecipeTests {
  static let folder = SampleCatalog.folder.deletingLastPathComponent().appendingPathComponent("ci")

  static func text(_ path: String) throws -> String {
    try String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8)
  }

  @Test(
    "pinned to one toolchain release, Python installed for the Python project, build cached",
    arguments: ["github/asynccheck.yml", "github/classroom.yml", "gitlab/gitlab-ci.yml"])
  func recipe(path: String) throws {
    let text = try Self.text(path)
    // A full release tag (swift:6.3.1-noble), not a moving one (swift:6.3), with how to update.
    #expect(text.contains(/(container|image): swift:\d+\.\d+\.\d+-\w+/))
    #expect(text.contains("To update"))
    #expect(text.contains("apt-get install -y --no-install-recommends python3"))
    #expect(text.contains("pycodestyle"))
    #expect(text.contains("cache"))
  }

  static let all = [
    "github/asynccheck.yml", "github/classroom.yml", "github/grade-class.yml",
    "gitlab/gitlab-ci.yml", "gitlab/grade-class.gitlab-ci.yml",
  ]

  @Test(
    "as a CI engineer would sign them: the cache keyed on the image, any ref, inputs as variables",
    arguments: all)
  func signed(path: String) throws {
    let text = try Self.text(path)
    let lines = text.split(separator: "\n").map(String.init)
    // The cache follows the toolchain the image holds, not a version written by hand.
    #expect(!text.contains("swift-6.3.1"), "a hard-coded cache key")
    #expect(text.contains("steps.toolchain.outputs.key") || text.contains("$CI_JOB_IMAGE"))
    // A value from outside reaches a script as a variable, never pasted into it.
    for line in lines where line.contains("${{ inputs.") || line.contains("${{ github.event") {
      #expect(line.contains(/^\s+[A-Z_]+: \$\{\{/), "pasted into a script: \(line)")
    }
    if path.hasPrefix("github/") {
      #expect(text.contains("\npermissions:\n"), "no permissions block")
    } else {
      // A commit can be pinned: fetched by name, branch, tag or commit alike.
      #expect(!text.contains("--branch"))
      #expect(text.contains("fetch -q --depth 1 \"$ASYNCCHECK_REPOSITORY\" \"$ASYNCCHECK_REF\""))
    }
  }

  @Test("one grading per run: every format of a run tells of the same grading")
  func oneGrading() throws {
    for path in ["github/asynccheck.yml", "github/classroom.yml", "gitlab/gitlab-ci.yml"] {
      let text = try Self.text(path)
      let gradings = text.split(separator: "\n").filter {
        $0.contains("release/checker") && !$0.contains("grade-all") && !$0.contains("swift build")
      }
      #expect(gradings.count == 1, "\(path): \(gradings)")
      #expect(gradings.first?.contains("--save ") == true, "\(path)")
    }
  }

  @Test("GitHub Classroom: its permissions, no run on its own first commit, its points")
  func classroom() throws {
    let text = try Self.text("github/classroom.yml")
    #expect(text.contains("permissions:\n  checks: write\n  actions: read\n  contents: read\n"))
    #expect(text.contains("if: github.actor != 'github-classroom[bot]'"))
    #expect(text.contains("--format github"))
    #expect(text.contains("hashFiles('submission/**/*.py')"))
    let report = GradeReport(
      submission: "s", seed: 1,
      tasks: [
        TaskReport(
          id: 0, title: "0. waitRandom", function: "f",
          checks: [
            CheckReport(name: "a", title: "a", status: .passed),
            CheckReport(name: "b", title: "b", status: .failed),
          ], printed: nil)
      ], notes: [], seconds: 1)
    let commands = GitHubReport.render(report)
    #expect(commands.contains("::notice title=Autograding complete::Points 1/2\n"))
    #expect(
      commands.contains(
        "::notice title=Autograding report::{\"totalPoints\":1,\"maxPoints\":2}\n"))
  }

  @Test("GitHub: a private asynccheck is reached with a documented token")
  func token() throws {
    let text = try Self.text("github/asynccheck.yml")
    #expect(text.contains("token: ${{ secrets.ASYNCCHECK_TOKEN || github.token }}"))
    #expect(text.contains("fine-grained personal"))
  }

  @Test("an annotation is put on the line its message names (where the code sorts)")
  func annotationLine() {
    let check = Judge.report(
      "no-sort", "keeps completion order",
      .fail(
        "it sorts", details: ["it sorts at Solution.swift:14"],
        location: SourceLocation(file: "Solution.swift", line: 14)))
    #expect(check.location?.description == "Solution.swift:14")
    let report = GradeReport(
      submission: "s", seed: 1,
      tasks: [
        TaskReport(
          id: 1, title: "1. waitN", function: "func waitN()", checks: [check], printed: nil)
      ], notes: [], seconds: 1)
    #expect(GitHubReport.render(report).hasPrefix("::error file=Solution.swift,line=14,"))
  }

  @Test(
    "the class recipes: shards with the class's one seed, then one merge",
    arguments: ["github/grade-class.yml", "gitlab/grade-class.gitlab-ci.yml"])
  func classRecipe(path: String) throws {
    let text = try Self.text(path)
    #expect(text.contains("grade-all"))
    #expect(text.contains("--shard"))
    #expect(text.contains("--seed"))
    #expect(text.contains("merge-grades --out gradebook shard-*"))
    #expect(text.contains(/(container|image): swift:\d+\.\d+\.\d+-\w+/))
  }

  @Test("GitHub: as many matrix jobs as shards, the state folder kept in the artifacts")
  func matrix() throws {
    let text = try Self.text("github/grade-class.yml")
    let shards = try #require(text.firstMatch(of: /SHARDS: (\d+)/).flatMap { Int($0.1) })
    #expect(text.contains("shard: [\((1...shards).map(String.init).joined(separator: ", "))]"))
    #expect(text.contains("include-hidden-files: true"))
  }
}
