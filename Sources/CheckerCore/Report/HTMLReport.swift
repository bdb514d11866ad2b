import Foundation

/// One self-contained HTML page (inline CSS and SVG, nothing fetched): the check list in colour,
/// and each `waitN`/`taskWaitN` timeline as an SVG Gantt chart with maxDelay marked, so that a
/// student sees at a glance whether the sleeps overlapped.
public enum HTMLReport {
  /// Renders `report` as HTML.
  ///
  /// - Parameter report: The grading outcome.
  /// - Returns: The page, well-formed as XML too.
  public static func render(_ report: GradeReport) -> String {
    var body: [String] = [
      "<h1>asynccheck: async basics</h1>",
      "<p class=\"meta\">Submission <code>\(escape(report.submission))</code> · seed "
        + "\(report.seed) · <strong>\(escape(GitHubReport.scoreLine(report)))</strong></p>",
    ]
    body += report.notes.map { "<p class=\"note\">\(escape($0))</p>" }
    for task in report.tasks {
      body.append("<section>")
      body.append(
        "<h2>\(escape(task.title)) <code>\(escape(task.function))</code> "
          + "<span class=\"score\">\(Self.taskScore(task, in: report))</span></h2>")
      body.append("<ul>")
      for check in task.checks {
        let (mark, style) =
          switch check.status {
          case .passed: ("OK", "ok")
          case .failed: ("KO", "ko")
          case .skipped: ("--", "skip")
          }
        var item =
          "<li class=\"\(style)\"><span class=\"mark\">[\(mark)]</span> \(code(check.title))"
        if check.status != .passed, !check.message.isEmpty {
          item += "<div class=\"message\">\(code(check.message))</div>"
        }
        if check.status == .failed, !check.details.isEmpty {
          item += "<pre>\(escape(check.details.joined(separator: "\n")))</pre>"
        }
        if let timeline = check.timeline {
          item += svg(timeline)
        }
        body.append(item + "</li>")
      }
      body.append("</ul>")
      for note in task.notes {
        body.append("<p class=\"note\">note: \(escape(note))</p>")
      }
      if let printed = task.printed {
        body.append(
          "<details><summary>What your code printed</summary><pre>\(escape(printed))</pre></details>"
        )
      }
      body.append("</section>")
    }
    body.append(
      "<p class=\"meta\">Reproduce: <code>\(escape(ReproduceCommand.text(seed: report.seed, arguments: [report.submission])))</code></p>"
    )
    return """
      <!DOCTYPE html>
      <html lang="en">
      <head>
      <meta charset="utf-8"/>
      <title>asynccheck: \(escape(report.submission))</title>
      <style>
      body { font: 15px/1.45 -apple-system, system-ui, sans-serif; max-width: 60em; margin: 2em auto; color: #222; padding: 0 1em; }
      h2 { font-size: 1.1em; margin-top: 1.6em; border-bottom: 1px solid #ddd; }
      h2 code { font-weight: normal; color: #666; font-size: 0.85em; }
      .score { float: right; color: #555; }
      ul { list-style: none; padding-left: 0; }
      li { margin: 0.35em 0; }
      .mark { font-family: monospace; font-weight: bold; }
      .ok .mark { color: #1a7f37; } .ko .mark { color: #cf222e; } .skip .mark { color: #9a6700; }
      .message { margin-left: 3.2em; color: #444; }
      pre { margin-left: 3.2em; background: #f6f8fa; padding: 0.5em; white-space: pre-wrap; }
      svg { margin-left: 3.2em; display: block; }
      .meta, .note { color: #555; }
      </style>
      </head>
      <body>
      \(body.joined(separator: "\n"))
      </body>
      </html>

      """
  }

  /// A Gantt chart of one call's sleeps: one bar per `waitRandom` call on a shared time axis.
  static func svg(_ timeline: Timeline) -> String {
    let width = 560.0
    let left = 10.0
    let row = 12.0
    let bars = timeline.bars.prefix(60)
    let span = max(
      timeline.duration ?? 0, bars.map(\.end).max() ?? 0, Double(timeline.maxDelay), 0.001)
    let height = Double(bars.count) * row + 34
    func x(_ time: Double) -> Double { left + time / span * width }
    var parts = [
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(width + 2 * left))\" "
        + "height=\"\(Int(height))\" role=\"img\" aria-label=\"timeline of \(escape(timeline.call))\">",
      "<text x=\"\(left)\" y=\"12\" font-size=\"11\" fill=\"#444\">\(escape(timeline.call)): "
        + "one bar per sleep, from its start to its end</text>",
    ]
    for (index, bar) in bars.enumerated() {
      let start = x(bar.start)
      let length = max(1.5, x(bar.end) - start)
      parts.append(
        String(
          format: "<rect class=\"sleep\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" "
            + "fill=\"#4c8bf5\"><title>%.3f s</title></rect>",
          start, 20 + Double(index) * row, length, row - 3, bar.value))
    }
    let maxDelayX = x(Double(timeline.maxDelay))
    parts.append(
      String(
        format: "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"16\" y2=\"%.1f\" stroke=\"#cf222e\" "
          + "stroke-dasharray=\"4 3\"/>", maxDelayX, maxDelayX, height - 10))
    parts.append(
      String(
        format:
          "<text x=\"%.1f\" y=\"%.1f\" font-size=\"10\" fill=\"#cf222e\">maxDelay %d s</text>",
        max(left, maxDelayX - 70), height - 1, timeline.maxDelay))
    parts.append("</svg>")
    return parts.joined()
  }

  static func escape(_ text: String) -> String {
    JUnitReport.escape(text)
  }

  /// `text` escaped, with each `backticked` span set as code, as the text report means it.
  static func code(_ text: String) -> String {
    let parts = text.split(separator: "`", omittingEmptySubsequences: false)
    guard parts.count >= 3, parts.count % 2 == 1 else { return escape(text) }
    return parts.enumerated().map { index, part in
      index % 2 == 1 ? "<code>\(escape(String(part)))</code>" : escape(String(part))
    }.joined()
  }

  /// A task's score as the text report gives it: checks, or points with `--points`.
  static func taskScore(_ task: TaskReport, in report: GradeReport) -> String {
    report.scoring.isPerCheck
      ? "\(task.score)/\(task.checks.count)"
      : "\(TextReport.number(report.scoring.score(of: task)))/"
        + "\(TextReport.number(report.scoring.maxScore(of: task))) points"
  }
}
