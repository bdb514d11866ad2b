/// One more report of a grading: `--save FORMAT=FILE`.
public struct SavedReport: Sendable, Equatable, ArgumentValue {
  /// Its format.
  public var format: ReportFormat
  /// Where it goes.
  public var path: String

  init?(argument: String) {
    guard let equals = argument.firstIndex(of: "="),
      let format = ReportFormat(rawValue: String(argument[..<equals])),
      argument.index(after: equals) < argument.endIndex
    else { return nil }
    self.format = format
    self.path = String(argument[argument.index(after: equals)...])
  }

  static var expectedValue: String {
    "FORMAT=FILE, FORMAT one of "
      + ReportFormat.allCases.map(\.rawValue).joined(separator: ", ")
  }
}
