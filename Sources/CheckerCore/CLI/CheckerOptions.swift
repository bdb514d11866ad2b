/// The checker's command line, parsed by hand (the package uses no third-party parser).
public struct CheckerOptions: Sendable, Equatable {
  /// A report format.
  public typealias Format = ReportFormat

  /// The submission's path; `nil` for the bundled reference.
  public var path: String?
  /// The package target to read.
  public var target: String?
  /// A Swift language mode to force.
  public var languageMode: Int?
  /// The submission's language, when given.
  public var language: Language?
  /// The seed, when given.
  public var seed: UInt64?
  /// The tasks to grade.
  public var taskIDs: [Int] = Exercise.tasks.map(\.id)
  /// The report format.
  public var format: Format = .text
  /// The file to write the report to, instead of standard output.
  public var outputPath: String?
  /// The `--points` file.
  public var pointsPath: String?
  /// Whether to draw every timeline.
  public var showsTimelines = false
  /// Whether to keep the build folder.
  public var keepsBuild = false
  /// Whether colour is turned off.
  public var disablesColor = false
  /// Whether to print the help and stop.
  public var showsHelp = false
  /// Whether to print the version and stop.
  public var showsVersion = false

  /// Creates the default options: grade the reference, every task, as text.
  public init() {}

  /// Parses the arguments that follow the program name.
  ///
  /// - Parameter arguments: The command-line arguments.
  /// - Returns: The options.
  /// - Throws: `UsageError` naming the argument that is wrong.
  public static func parse(_ arguments: [String]) throws(UsageError) -> CheckerOptions {
    var options = CheckerOptions()
    var remaining = arguments[...]
    var paths: [String] = []
    var usesReference = false
    func value(for option: String) throws(UsageError) -> String {
      guard let next = remaining.popFirst(), !next.hasPrefix("--") else {
        throw .missingValue(option: option)
      }
      return next
    }
    while let argument = remaining.popFirst() {
      var name = argument
      if argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") {
        name = String(argument[..<equals])
        remaining.insert(
          String(argument[argument.index(after: equals)...]), at: remaining.startIndex)
      }
      switch name {
      case "-h", "--help": options.showsHelp = true
      case "--version": options.showsVersion = true
      case "--reference": usesReference = true
      case "--target": options.target = try value(for: name)
      case "--swift-version":
        let text = try value(for: name)
        guard let mode = Int(text), mode == 5 || mode == 6 else {
          throw .invalidValue(option: name, value: text, expected: "5 or 6")
        }
        options.languageMode = mode
      case "--language":
        let text = try value(for: name)
        guard let language = Language(rawValue: text) else {
          throw .invalidValue(option: name, value: text, expected: "swift or python")
        }
        options.language = language
      case "--seed":
        let text = try value(for: name)
        guard let seed = UInt64(text) else {
          throw .invalidValue(option: name, value: text, expected: "a whole number ≥ 0")
        }
        options.seed = seed
      case "--task", "--tasks":
        let text = try value(for: name)
        let ids = text.split(separator: ",").map { Int($0.trimmingPrefix(" ")) }
        guard !ids.isEmpty, ids.allSatisfy({ $0.map { Exercise.task($0) != nil } ?? false }) else {
          throw .invalidValue(option: name, value: text, expected: "task numbers 0 to 4, as in 0,3")
        }
        options.taskIDs = Array(Set(ids.compactMap { $0 })).sorted()
      case "--format":
        let text = try value(for: name)
        guard let format = Format(rawValue: text) else {
          throw .invalidValue(
            option: name, value: text,
            expected: "one of " + Format.allCases.map(\.rawValue).joined(separator: ", "))
        }
        options.format = format
      case "--output", "-o": options.outputPath = try value(for: name)
      case "--points": options.pointsPath = try value(for: name)
      case "--timeline": options.showsTimelines = true
      case "--keep-build": options.keepsBuild = true
      case "--no-color": options.disablesColor = true
      default:
        if argument.hasPrefix("-"), argument != "-" {
          throw .unknownOption(argument)
        }
        paths.append(argument)
      }
    }
    guard paths.count <= 1 else { throw .tooManyPaths(paths) }
    if usesReference, !paths.isEmpty { throw .referenceWithPath(paths[0]) }
    options.path = paths.first
    return options
  }

  /// The help text.
  public static let help = """
    USAGE: checker [options] [PATH]
           checker grade-all [options] CLASS_DIR    (see checker grade-all --help)
           checker merge-grades [--out DIR] SHARD_DIR...   (see checker merge-grades --help)
           checker bundle gradescope [options]      (see checker bundle --help)

    Grades an "async basics" submission: compiles it with a harness, runs its five functions
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
      --language swift|python
                            The submission's language (default: Python when the folder
                            holds 0-basic_async_syntax.py … 4-tasks.py, else Swift).
      --seed N              Draw the inputs from seed N (every report prints its seed).
      --task LIST           Grade only these tasks, such as 0,3.
      --format FORMAT       The report format: text (default), json, gradescope (Gradescope's
                            results.json), junit (JUnit XML), github (GitHub Actions
                            annotations, and a summary in $GITHUB_STEP_SUMMARY), html (one
                            self-contained page).
      -o, --output FILE     Write the report to FILE instead of standard output.
      --points FILE         Weigh tasks: a JSON object of points per task, such as
                            {"0": 2, "1": 3, "2": 1, "3": 1, "4": 3}. Default: one point per
                            check. Every format shows the same score.
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
