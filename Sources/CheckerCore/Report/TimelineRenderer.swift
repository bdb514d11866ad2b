/// Draws a timeline as text: one row per sleep, a bar from its start to its end on a shared time
/// axis, so overlapping sleeps look like a stack of bars and sequential ones like a staircase.
public enum TimelineRenderer {
  /// The timeline as lines of text.
  ///
  /// - Parameters:
  ///   - timeline: The sleeps of one call.
  ///   - width: Columns for the time axis.
  ///   - maxRows: Sleeps to draw at most; the rest are counted.
  /// - Returns: The lines, without indentation.
  public static func lines(_ timeline: Timeline, width: Int = 48, maxRows: Int = 16) -> [String] {
    let lastEnd = timeline.bars.map(\.end).max() ?? 0
    let span = max(timeline.duration ?? 0, lastEnd, Double(timeline.maxDelay), 0.001)
    func column(_ time: Double) -> Int {
      min(width - 1, max(0, Int((time / span * Double(width)).rounded(.down))))
    }
    let took = timeline.duration.map { "took \(Format.seconds($0))" } ?? "never returned"
    var lines = [
      "timeline of `\(timeline.call)` (\(took)); one row per waitRandom call:"
    ]
    let axisEnd = Format.seconds(span)
    lines.append(
      "0 s" + String(repeating: " ", count: max(1, width - 3 - axisEnd.count + 2)) + axisEnd)
    for bar in timeline.bars.prefix(maxRows) {
      let start = column(bar.start)
      let end = max(start, column(bar.end))
      var row = [Character](repeating: " ", count: width)
      for index in start...end { row[index] = "█" }
      lines.append("|" + String(row) + "| " + Format.value(bar.value))
    }
    if timeline.bars.count > maxRows {
      lines.append("… and \(timeline.bars.count - maxRows) more")
    }
    return lines
  }
}
