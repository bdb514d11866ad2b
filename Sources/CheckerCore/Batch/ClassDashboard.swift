import Foundation

/// The class at a glance (`index.html` beside `grades.csv`): one self-contained page, with inline
/// CSS, SVG and a little JavaScript and nothing fetched, so that it opens from `file://` and
/// prints.
///
/// It shows a sortable, filterable table of the students (percent, points, status, each task's
/// status as a coloured cell, the reason, a link to the report), a histogram of the percents,
/// the checks ranked by how many students failed them (with those students), and the seed, the
/// date, the checker's version and the sandbox that held the code. Every text that comes from a
/// student (a folder name, a message quoting a file) is escaped; the script reads the table, and
/// no student text is ever part of it.
public enum ClassDashboard {
  /// The dashboard's file in an output folder.
  ///
  /// - Parameter output: A `grade-all` or `merge-grades` output folder.
  /// - Returns: `output/index.html`.
  public static func file(in output: String) -> URL {
    URL(fileURLWithPath: output).appendingPathComponent("index.html")
  }

  /// Writes the dashboard of `results` into `output`, linking each student to the report
  /// written there.
  ///
  /// - Parameters:
  ///   - results: Every student's result, as in `grades.csv`.
  ///   - seed: The class's seed.
  ///   - output: The output folder, holding `reports/`.
  ///   - date: When the class was graded.
  /// - Returns: Whether the file could be written.
  @discardableResult
  public static func write(
    _ results: [StudentResult], seed: UInt64, in output: String, date: Date = Date()
  ) -> Bool {
    let page = render(results, seed: seed, date: date) { student in
      let folder = BatchGrader.reportFolder(for: student, in: output)
      let name = ["report.html", "report.txt", "report.json"].first {
        FileManager.default.fileExists(atPath: folder.appendingPathComponent($0).path)
      }
      return name.map { "reports/\(folder.lastPathComponent)/\($0)" }
    }
    return FileManager.default.createFile(
      atPath: file(in: output).path, contents: Data(page.utf8))
  }

  /// The dashboard's HTML.
  ///
  /// - Parameters:
  ///   - results: Every student's result.
  ///   - seed: The class's seed.
  ///   - date: When the class was graded.
  ///   - link: The path, relative to the page, of a student's report, or `nil` for none.
  /// - Returns: The page.
  public static func render(
    _ results: [StudentResult], seed: UInt64, date: Date, link: (String) -> String?
  ) -> String {
    let graded = results.compactMap(\.report)
    let average = TextReport.number(Gradebook.averagePercent(results, over: graded.count))
    var statuses: [GradingStatus: Int] = [:]
    for result in results { statuses[result.status, default: 0] += 1 }
    let sandboxes = Set(graded.compactMap(\.sandbox)).sorted()
    let meta = [
      "seed \(seed)", "graded \(Self.dateText(date))", "asynccheck \(CheckerCommand.version)",
      sandboxes.isEmpty ? Sandbox.protection : sandboxes.joined(separator: "; "),
    ]
    var body = [
      "<h1>asynccheck: async basics, \(results.count) student\(results.count == 1 ? "" : "s")</h1>",
      "<p class=\"meta\">\(meta.map(HTMLReport.escape).joined(separator: " · "))</p>",
      "<p>Class average <strong>\(average)%</strong> over the \(graded.count) graded. "
        + GradingStatus.allCases.compactMap { status in
          statuses[status].map {
            "<span class=\"s-\(status.rawValue)\">\(status.rawValue)</span> \($0)"
          }
        }.joined(separator: ", ") + "</p>",
      histogram(graded.map(\.taskWeightedPercent)),
      controls(),
      table(results, link: link),
      failures(results),
    ]
    body.append("<script>\(script)</script>")
    return """
      <!DOCTYPE html>
      <html lang="en">
      <head>
      <meta charset="utf-8"/>
      <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:"/>
      <title>asynccheck: the class</title>
      <style>\(style)</style>
      </head>
      <body>
      \(body.joined(separator: "\n"))
      </body>
      </html>

      """
  }

  /// The date as the page shows it: `2026-12-06 15:51 UTC`.
  static func dateText(_ date: Date) -> String {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "UTC")
    formatter.dateFormat = "yyyy-MM-dd HH:mm 'UTC'"
    return formatter.string(from: date)
  }

  /// Ten bars, one per ten percent (100% with 90–99), as inline SVG.
  static func histogram(_ percents: [Double]) -> String {
    var bins = Array(repeating: 0, count: 10)
    for percent in percents { bins[min(9, max(0, Int(percent / 10)))] += 1 }
    let tallest = max(1, bins.max() ?? 1)
    let (width, height, bar) = (420.0, 120.0, 40.0)
    var parts = [
      "<figure><svg role=\"img\" aria-label=\"how many students got each tenth of the percent\" "
        + "width=\"\(Int(width))\" height=\"\(Int(height + 30))\" viewBox=\"0 0 \(Int(width)) "
        + "\(Int(height + 30))\">"
    ]
    for (index, count) in bins.enumerated() {
      let barHeight = Double(count) / Double(tallest) * height
      let x = Double(index) * (bar + 2)
      parts.append(
        String(
          format: "<rect class=\"bar\" x=\"%.0f\" y=\"%.1f\" width=\"%.0f\" height=\"%.1f\">"
            + "<title>%d–%d%%: %d</title></rect>",
          x, height - barHeight, bar, barHeight, index * 10, index == 9 ? 100 : index * 10 + 9,
          count))
      if count > 0 {
        parts.append(
          String(
            format: "<text x=\"%.0f\" y=\"%.1f\" text-anchor=\"middle\">%d</text>", x + bar / 2,
            height - barHeight - 3, count))
      }
      parts.append(
        String(
          format: "<text x=\"%.0f\" y=\"%.0f\" text-anchor=\"middle\">%d</text>", x + bar / 2,
          height + 16, index * 10))
    }
    parts.append("</svg><figcaption>Students per tenth of the percent</figcaption></figure>")
    return parts.joined()
  }

  /// The filter box and the status menu (hidden when printed).
  static func controls() -> String {
    let options = GradingStatus.allCases.map {
      "<option value=\"\($0.rawValue)\">\($0.rawValue)</option>"
    }.joined()
    return "<p class=\"controls\"><label>Filter <input id=\"filter\" type=\"search\" "
      + "placeholder=\"a name, a reason…\"/></label> <label>Status <select id=\"status\">"
      + "<option value=\"\">any</option>\(options)</select></label> "
      + "<span id=\"shown\"></span></p>"
  }

  /// The students' table: one row each, sortable by any column.
  static func table(_ results: [StudentResult], link: (String) -> String?) -> String {
    let headers =
      ["student", "percent", "points", "status"] + Exercise.tasks.map { "task \($0.id)" }
      + ["reason"]
    var rows: [String] = []
    for result in results {
      let report = result.report
      let name = HTMLReport.escape(result.student.terminalSafe)
      let student =
        link(result.student).map {
          "<a href=\"\(HTMLReport.escape(Self.percentEncoded($0)))\">\(name)</a>"
        } ?? name
      let percent = report.map(\.taskWeightedPercent)
      var cells = [
        "<td>\(student)</td>",
        "<td class=\"number\" data-sort=\"\(percent ?? -1)\">"
          + (percent.map { "\(TextReport.number($0))%" } ?? "") + "</td>",
        "<td class=\"number\" data-sort=\"\(report?.score ?? -1)\">"
          + (report.map {
            "\(TextReport.number($0.score))/\(TextReport.number($0.maxScore))"
          } ?? "") + "</td>",
        "<td class=\"s-\(result.status.rawValue)\">\(result.status.rawValue)</td>",
      ]
      for task in Exercise.tasks {
        let graded = report?.tasks.first { $0.id == task.id }
        let outcome = graded?.outcome?.rawValue ?? ""
        let score = graded.map { " \($0.score)/\($0.checks.count)" } ?? ""
        cells.append(
          "<td class=\"task s-\(outcome)\" title=\"\(outcome)\(score)\">\(outcome)</td>")
      }
      cells.append(
        "<td class=\"reason\">\(HTMLReport.escape((result.reason ?? "").terminalSafe))</td>")
      rows.append("<tr data-status=\"\(result.status.rawValue)\">\(cells.joined())</tr>")
    }
    return "<table id=\"students\"><thead><tr>"
      + headers.enumerated().map { index, header in
        "<th data-column=\"\(index)\" tabindex=\"0\">\(header)</th>"
      }.joined()
      + "</tr></thead><tbody>\n\(rows.joined(separator: "\n"))\n</tbody></table>"
  }

  /// The checks ranked by how many graded students failed them, each with those students.
  static func failures(_ results: [StudentResult]) -> String {
    let ranked = Gradebook.failedChecks(results)
    guard !ranked.isEmpty else { return "<h2>Checks failed</h2><p>No check failed.</p>" }
    let items = ranked.map { check in
      "<li><details><summary><strong>\(check.students.count)</strong> "
        + HTMLReport.code("task \(check.taskID): \(check.title)") + "</summary>"
        + check.students.map { HTMLReport.escape($0.terminalSafe) }.joined(separator: ", ")
        + "</details></li>"
    }
    return "<h2>Checks failed, most first</h2><ol class=\"checks\">\(items.joined())</ol>"
  }

  /// A relative path with each segment percent-encoded, so that a student's folder name is a
  /// path and nothing else (`?`, `#`, `:`).
  static func percentEncoded(_ path: String) -> String {
    var allowed = CharacterSet.alphanumerics
    allowed.insert(charactersIn: "-._~")
    return path.split(separator: "/", omittingEmptySubsequences: false).map {
      String($0).addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }.joined(separator: "/")
  }

  static let style = """
    body { font: 14px/1.4 -apple-system, system-ui, sans-serif; margin: 1.5em; color: #222; }
    .meta { color: #555; }
    table { border-collapse: collapse; width: 100%; }
    th, td { border: 1px solid #ddd; padding: 0.25em 0.5em; text-align: left; vertical-align: top; }
    td { max-width: 24em; overflow: hidden; overflow-wrap: anywhere; }
    th { background: #f6f8fa; cursor: pointer; user-select: none; }
    th.asc::after { content: " ▲"; } th.desc::after { content: " ▼"; }
    td.number { text-align: right; font-variant-numeric: tabular-nums; }
    td.reason { max-width: 30em; font-size: 0.9em; color: #444; overflow-wrap: anywhere; }
    .s-ok { background: #dafbe1; } .s-failing-checks { background: #fff8c5; }
    .s-not-graded { background: #eaeef2; } .s-missing, .s-hang, .s-crash, .s-compile-error,
    .s-error, .s-no-submission { background: #ffebe9; }
    .s-tampered, .s-needs-review { background: #ffd8b5; font-weight: bold; }
    span[class^="s-"] { padding: 0 0.3em; border-radius: 3px; }
    .bar { fill: #0969da; } svg text { font-size: 11px; fill: #333; }
    figure { margin: 1em 0; } figcaption { color: #555; font-size: 0.9em; }
    .controls input, .controls select { font: inherit; }
    ol.checks li { margin: 0.2em 0; }
    @media print { .controls { display: none; } th { cursor: auto; } a { color: inherit; }
      tr { break-inside: avoid; } details > *:not(summary) { display: block; } }
    """

  /// Sorting by a column (numbers by their `data-sort`), filtering by text and status; it reads
  /// only the table.
  static let script = """
    (function () {
      var table = document.getElementById("students"), body = table.tBodies[0];
      var filter = document.getElementById("filter"), status = document.getElementById("status");
      var shown = document.getElementById("shown");
      function key(row, column) {
        var cell = row.cells[column], sort = cell.getAttribute("data-sort");
        return sort === null ? cell.textContent.toLowerCase() : parseFloat(sort);
      }
      function sortBy(header) {
        var column = +header.getAttribute("data-column");
        var ascending = !header.classList.contains("asc");
        Array.prototype.forEach.call(table.tHead.rows[0].cells, function (cell) {
          cell.classList.remove("asc", "desc");
        });
        header.classList.add(ascending ? "asc" : "desc");
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = key(a, column), y = key(b, column);
          return (x < y ? -1 : x > y ? 1 : 0) * (ascending ? 1 : -1);
        });
        rows.forEach(function (row) { body.appendChild(row); });
      }
      Array.prototype.forEach.call(table.tHead.rows[0].cells, function (header) {
        header.addEventListener("click", function () { sortBy(header); });
        header.addEventListener("keydown", function (event) {
          if (event.key === "Enter") { sortBy(header); }
        });
      });
      function apply() {
        var text = filter.value.toLowerCase(), wanted = status.value, count = 0;
        Array.prototype.forEach.call(body.rows, function (row) {
          var visible = (!wanted || row.getAttribute("data-status") === wanted)
            && row.textContent.toLowerCase().indexOf(text) >= 0;
          row.style.display = visible ? "" : "none";
          if (visible) { count += 1; }
        });
        shown.textContent = count + " of " + body.rows.length + " shown";
      }
      filter.addEventListener("input", apply);
      status.addEventListener("change", apply);
      apply();
    })();
    """
}
