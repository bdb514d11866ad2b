import Foundation

/// `checker bundle gradescope`: writes the autograder zip a teacher uploads to Gradescope.
enum BundleCommand: Subcommand {
  static let name: String? = "bundle"

  /// The command's help.
  static let help = """
    USAGE: checker bundle gradescope [options]

    Writes the zip to upload in Gradescope (Configure Autograder, "Zip file upload"): setup.sh
    and run_autograder at its top, the checker's sources without build output, and a checker
    program built for it (release, the Swift runtime linked in: a minute or two), which
    setup.sh uses on Gradescope's image instead of building the sources there.

    OPTIONS:
      --points FILE         The grading policy to grade with (see checker --help).
      --program FILE        Bundle this checker program instead of building one.
      --no-program          Bundle no program: setup.sh builds the sources (a few minutes
                            more each time Gradescope builds the autograder).
      --output FILE         Where to write the zip (default: autograder.zip).
      --source DIR          The asynccheck checkout to bundle (default: the one this checker
                            was built from, or the one the current folder is in).
      -h, --help            Show this help.

    EXIT STATUS:
      0  the zip was written
      2  it could not be: bad options, no asynccheck checkout, an unwritable output
    """

  /// What `bundle` reads from its arguments.
  struct Options: Equatable {
    /// What to bundle for: only `gradescope` exists.
    var platform = ""
    /// The `--points` file.
    var points: String?
    /// Where to write the zip.
    var output = "autograder.zip"
    /// A checker program to bundle instead of building one.
    var program: String?
    /// Whether to bundle a program at all.
    var bundlesProgram = true
    /// The asynccheck checkout to bundle.
    var source: String?
  }

  static func parse(_ arguments: [String]) throws(UsageError) -> Options {
    var options = Options()
    var reader = ArgumentReader(arguments, command: commandLine)
    while let name = reader.nextOption() {
      switch name {
      case "--points": options.points = try reader.value(of: name)
      case "--output", "-o": options.output = try reader.value(of: "--output")
      case "--source": options.source = try reader.value(of: name)
      case "--program": options.program = try reader.value(of: name)
      case "--no-program":
        try reader.flag(name)
        options.bundlesProgram = false
      default: throw reader.unknown(name)
      }
    }
    let platforms = reader.positionals
    guard let platform = platforms.first else {
      throw .missingArgument("a target: checker bundle gradescope", command: commandLine)
    }
    guard platform == "gradescope" else {
      throw .conflict("bundle \(platform): only `bundle gradescope` exists")
    }
    guard platforms.count == 1 else { throw .tooManyArguments(platforms, expected: "one target") }
    options.platform = platform
    if options.program != nil, !options.bundlesProgram {
      throw .conflict("--program and --no-program: bundle a program, or none")
    }
    return options
  }

  static func run(_ options: Options, context: CommandContext) -> CommandOutput {
    func resolved(_ path: String) -> URL {
      URL(fileURLWithPath: path, relativeTo: context.currentDirectory).standardizedFileURL
    }
    let points = options.points.map(resolved)
    let output = resolved(options.output)
    let source = options.source.map(resolved)
    let executable = context.executable
    let currentDirectory = context.currentDirectory
    func failure(_ message: String) -> CommandOutput { .failure(message) }
    if let points {
      do {
        _ = try Scoring.load(path: points.path)
      } catch {
        return failure(error.localizedDescription)
      }
    }
    // A --source given is the only one tried: bundling another checkout instead would upload
    // code the teacher did not ask for.
    let found: URL?
    if let source {
      found = GradescopeBundle.checkout(containing: source)
    } else {
      found =
        executable.flatMap(GradescopeBundle.checkout(containing:))
        ?? GradescopeBundle.checkout(containing: currentDirectory)
    }
    guard let checkout = found else {
      guard let source else {
        return failure(
          "cannot find the asynccheck sources: run this from an asynccheck checkout or give "
            + "--source DIR")
      }
      return failure(
        "\(source.path) is not an asynccheck checkout (no Package.swift named asynccheck)")
    }
    var program: URL?
    if let given = options.program.map(resolved) {
      program = given
    } else if options.bundlesProgram {
      context.progress("checker: building the program to bundle (release, static runtime)\n")
      do {
        program = try BundledProgram.build(checkout: checkout, log: context.progress)
      } catch {
        return failure(error.localizedDescription)
      }
    }
    let bundle = GradescopeBundle(source: checkout, points: points, checker: program)
    do {
      let entries = try bundle.entries()
      try ZipArchive(entries: entries).data.write(to: output)
      let megabytes = Double(entries.reduce(0) { $0 + $1.data.count }) / 1_048_576
      return CommandOutput(
        status: .success,
        standardOutput: """
          wrote \(output.path): \(entries.count) files, \(String(format: "%.1f", megabytes)) MB\
          \(points.map { ", points from \($0.lastPathComponent)" } ?? "")
          \(program.map { "The checker program: \($0.path)." } ?? "No checker program: setup.sh builds the sources (a few minutes).")
          Upload it in Gradescope: Configure Autograder, "Zip file upload", Update Autograder.

          """)
    } catch {
      return failure("cannot write \(output.path): \(error.localizedDescription)")
    }
  }
}
