import Foundation

/// The checker's command line, parsed by hand (the package uses no third-party parser).
public struct CheckerOptions: Sendable, Equatable {
  /// A report format.
  public typealias Format = ReportFormat

  /// The submission's path; `nil` for the bundled reference.
  public var path: String?
  /// The package target to read.
  public var target: String?
  /// A Swift language mode to force: 5 or 6.
  public var languageMode: Int?
  /// The seed, the points and the language.
  public var grading = GradingOptions()
  /// The tasks to grade.
  public var taskIDs: [Int] = Exercise.tasks.map(\.id)
  /// The report format.
  public var format: Format = .text
  /// The file to write the report to, instead of standard output.
  public var outputPath: String?
  /// More reports of the same grading, each in its format to its file (`--save FORMAT=FILE`).
  public var savedReports: [SavedReport] = []
  /// Whether to draw every timeline.
  public var showsTimelines = false
  /// Whether to keep the build folder.
  public var keepsBuild = false
  /// Whether colour is turned off.
  public var disablesColor = false
  /// Whether to print the version and stop.
  public var showsVersion = false

  /// Creates the default options: grade the reference, every task, as text.
  public init() {}

  /// Parses the arguments that follow the program name (`--help` is answered before).
  ///
  /// - Parameter arguments: The command-line arguments.
  /// - Returns: The options, validated (the points file read).
  /// - Throws: `UsageError` naming the argument that is wrong.
  public static func parse(_ arguments: [String]) throws(UsageError) -> CheckerOptions {
    var options = CheckerOptions()
    var reader = ArgumentReader(arguments, command: "checker")
    var usesReference = false
    while let name = reader.nextOption() {
      if try options.grading.read(name, from: &reader) { continue }
      switch name {
      case "--version":
        try reader.flag(name)
        options.showsVersion = true
      case "--reference":
        try reader.flag(name)
        usesReference = true
      case "--target": options.target = try reader.value(of: name)
      case "--swift-version":
        options.languageMode = try reader.value(of: name, as: SwiftLanguageMode.self).number
      case "--task", "--tasks":
        options.taskIDs = try reader.value(of: name, as: TaskSelection.self).ids
      case "--format": options.format = try reader.value(of: name)
      case "--output", "-o": options.outputPath = try reader.value(of: name)
      case "--save": options.savedReports.append(try reader.value(of: name))
      case "--timeline":
        try reader.flag(name)
        options.showsTimelines = true
      case "--keep-build":
        try reader.flag(name)
        options.keepsBuild = true
      case "--no-color":
        try reader.flag(name)
        options.disablesColor = true
      default: throw reader.unknown(name)
      }
    }
    let paths = reader.positionals
    guard paths.count <= 1 else {
      throw .tooManyArguments(paths, expected: "one submission at a time")
    }
    if usesReference, !paths.isEmpty { throw .referenceWithPath(paths[0]) }
    options.path = paths.first
    if options.target != nil {
      // A target is a package's: on one file, or on the bundled reference, it would be ignored.
      var isFolder: ObjCBool = false
      if let path = options.path,
        FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue
      {
        throw .conflict("--target picks a package's target; \(path) is one file, not a package")
      }
      if options.path == nil {
        throw .conflict("--target picks a package's target: give the package's folder")
      }
    }
    try options.grading.validate()
    return options
  }

  /// The help text.
  public static let help = """
    USAGE: checker [options] [PATH]
           checker grade-all [options] CLASS_DIR    (see checker grade-all --help)
           checker merge-grades [--out DIR] SHARD_DIR...   (see checker merge-grades --help)
           checker bundle gradescope [options]      (see checker bundle --help)

    Grades an "async basics" submission: compiles it with a harness, runs its \(Exercise.functionCount) functions
    in child processes against property tests, and prints one line per check.

    ARGUMENTS:
      PATH                  A SwiftPM package (its library target), a folder of .swift files,
                            or one .swift file. Only read: nothing is written into it.
                            Without PATH, grades the bundled reference implementation.

    OPTIONS:
      --reference           Grade the bundled reference implementation.
      --target NAME         The package's library target to grade, when it has several.
      --swift-version 5|6   Compile in this language mode (default: the package's own;
                            Swift 6 for a folder or a file).
    \(GradingOptions.help)
      --task LIST           Grade only these tasks, such as 0,3.
      --format FORMAT       The report format: text (default), json, gradescope (Gradescope's
                            results.json), junit (JUnit XML), github (GitHub Actions
                            annotations, and a summary in $GITHUB_STEP_SUMMARY), html (one
                            self-contained page).
      -o, --output FILE     Write the report to FILE instead of standard output.
      --save FORMAT=FILE    Also write this grading's report in FORMAT to FILE (repeatable):
                            every format then tells of one run, as `--format github --save
                            html=report.html`.
      --timeline            Draw the timeline of waitN and taskWaitN even when they pass.
      --keep-build          Keep the temporary build folder and print its path.
      --no-color            No colour (also when NO_COLOR is set or output is not a terminal).
      --version             Print the version.
      -h, --help            Show this help.

    EXIT STATUS:
      0  every check passed
      1  a check failed (compile errors included)
      2  the checker could not run: a bad path, no Swift sources, no toolchain, bad options

    ENVIRONMENT:
      SWIFTC                The swiftc to build with (default: the first on PATH).
      PYTHON                The python3 to grade Python submissions with.
      NO_COLOR              Turn colour off.
    """
}
