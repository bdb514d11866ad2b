import Foundation

/// Number formatting for check messages.
enum Format {
  /// Seconds with two decimals: `1.23 s`.
  static func seconds(_ value: Double) -> String {
    String(format: "%.2f s", value)
  }

  /// A short time in whole milliseconds: `26 ms`.
  static func milliseconds(_ value: Double) -> String {
    "\(Int((value * 1000).rounded())) ms"
  }

  /// A delay with three decimals: `0.731`.
  static func value(_ value: Double) -> String {
    String(format: "%.3f", value)
  }

  /// A list of values, cut short: `[0.012, 0.731, …] (12 values)`.
  static func values(_ values: [Double], limit: Int = 8) -> String {
    let shown = values.prefix(limit).map(value).joined(separator: ", ")
    let more = values.count > limit ? ", …] (\(values.count) values)" : "]"
    return "[" + shown + more
  }
}
