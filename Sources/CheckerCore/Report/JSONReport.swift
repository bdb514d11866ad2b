import Foundation

/// The report for programs: one JSON object (see `GradeReport` for the stable keys).
public enum JSONReport {
  /// Renders `report` as pretty-printed JSON with sorted keys.
  ///
  /// - Parameter report: The grading outcome.
  /// - Returns: The JSON text, ending with a newline.
  public static func render(_ report: GradeReport) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    guard let data = try? encoder.encode(report) else { return "{}\n" }
    return String(decoding: data, as: UTF8.self) + "\n"
  }
}
