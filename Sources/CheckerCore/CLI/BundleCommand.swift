import Foundation

/// `checker bundle gradescope`: writes the autograder zip a teacher uploads to Gradescope.
public enum BundleCommand {
  /// The command's help.
  public static let help = """
    usage: checker bundle gradescope [--points FILE] [--output FILE] [--source DIR]

    Writes the zip to upload in Gradescope (Configure Autograder, "Zip file upload"): setup.sh
    and run_autograder at its top, the checker's sources without build output, and this checker
    program, which setup.sh uses when it runs on Gradescope's image instead of building the
    sources (a few minutes).

      --points FILE   grade with these points per task (see `checker --help`)
      --output FILE   where to write the zip (default: autograder.zip)
      --source DIR    the asynccheck checkout to bundle (default: the one this checker was
                      built from, or the one the current folder is in)
    """

  /// Runs the command.
  ///
  /// - Parameters:
  ///   - arguments: The arguments after `bundle`.
  ///   - executable: The running checker program, to include and to find the checkout from.
  ///   - currentDirectory: Where relative paths start.
  /// - Returns: What to print and the exit status (0 written, 2 not).
  public static func run(arguments: [String], executable: URL?, currentDirectory: URL)
    -> CheckerCommand.Output
  {
    func failure(_ message: String) -> CheckerCommand.Output {
      CheckerCommand.Output(status: 2, standardOutput: "", standardError: "checker: \(message)\n")
    }
    if arguments.contains("--help") || arguments.contains("-h") {
      return CheckerCommand.Output(status: 0, standardOutput: help + "\n", standardError: "")
    }
    guard arguments.first == "gradescope" else {
      return failure(
        arguments.first.map { "bundle \($0): only `bundle gradescope` exists" }
          ?? "bundle needs a target: checker bundle gradescope (see --help)")
    }
    var points: URL?
    var output = currentDirectory.appendingPathComponent("autograder.zip")
    var source: URL?
    var index = 1
    while index < arguments.count {
      let option = arguments[index]
      guard ["--points", "--output", "--source"].contains(option) else {
        return failure("bundle: unknown option \(option) (see checker bundle --help)")
      }
      guard index + 1 < arguments.count else { return failure("\(option) needs a value") }
      let value = URL(fileURLWithPath: arguments[index + 1], relativeTo: currentDirectory)
        .standardizedFileURL
      switch option {
      case "--points": points = value
      case "--output": output = value
      default: source = value
      }
      index += 2
    }
    if let points {
      do {
        _ = try Scoring.load(path: points.path)
      } catch {
        return failure(error.localizedDescription)
      }
    }
    guard
      let checkout = source.flatMap(GradescopeBundle.checkout(containing:))
        ?? executable.flatMap(GradescopeBundle.checkout(containing:))
        ?? GradescopeBundle.checkout(containing: currentDirectory)
    else {
      guard let source else {
        return failure(
          "cannot find the asynccheck sources: run this from an asynccheck checkout or give "
            + "--source DIR")
      }
      return failure(
        "\(source.path) is not an asynccheck checkout (no Package.swift named asynccheck)")
    }
    let bundle = GradescopeBundle(source: checkout, points: points, checker: executable)
    do {
      let entries = try bundle.entries()
      try ZipArchive(entries: entries).data.write(to: output)
      let megabytes = Double(entries.reduce(0) { $0 + $1.data.count }) / 1_048_576
      return CheckerCommand.Output(
        status: 0,
        standardOutput: """
          wrote \(output.path): \(entries.count) files, \(String(format: "%.1f", megabytes)) MB\
          \(points.map { ", points from \($0.lastPathComponent)" } ?? "")
          Upload it in Gradescope: Configure Autograder, "Zip file upload", Update Autograder.

          """,
        standardError: "")
    } catch {
      return failure("cannot write \(output.path): \(error.localizedDescription)")
    }
  }
}
