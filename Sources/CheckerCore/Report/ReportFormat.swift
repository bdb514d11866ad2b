import Foundation

/// A report format, and how to render a report in it.
public enum ReportFormat: String, Sendable, Equatable, CaseIterable {
  /// The Holberton-style report for people.
  case text
  /// One JSON object for programs.
  case json
  /// Gradescope's `results.json`.
  case gradescope
  /// JUnit XML.
  case junit
  /// GitHub Actions annotations.
  case github
  /// One self-contained HTML page.
  case html

  /// The file name ending a batch gives a student's report in this format.
  public var fileSuffix: String {
    switch self {
    case .text: ".txt"
    case .json: ".json"
    case .gradescope: ".gradescope.json"
    case .junit: ".junit.xml"
    case .github: ".github.txt"
    case .html: ".html"
    }
  }

  /// Renders `report`.
  ///
  /// - Parameters:
  ///   - report: The grading outcome.
  ///   - text: How to render the text format (colour, timelines, the reproduce command).
  /// - Returns: The report in this format.
  public func render(_ report: GradeReport, text: TextReport) -> String {
    switch self {
    case .text: text.render(report)
    case .json: JSONReport.render(report)
    case .gradescope: GradescopeReport.render(report)
    case .junit: JUnitReport.render(report)
    case .github: GitHubReport.render(report)
    case .html: HTMLReport.render(report)
    }
  }
}
