import Foundation

/// Grades a whole class: every subfolder of a class folder is one student's submission.
///
/// Submissions are graded by a bounded number of workers at once, each on a thread of its own,
/// and pass one core each through a `CPUGate` to compile: the sleeping parts of many gradings
/// overlap while compilations never outnumber the cores.
/// Timing checks allow for a loaded machine (see `Tolerances`; the load test grades correct
/// submissions with 8 CPU hogs and sees no false fail), so two or three gradings side by side do
/// not change a verdict, and a broken, hanging or hostile submission is held to its own limits.
public struct BatchGrader: Sendable {
  /// What to grade, and how.
  public struct Options: Sendable {
    /// The class folder.
    public var classFolder: String
    /// Where reports and the gradebook go (never inside a submission).
    public var outputFolder: String
    /// The formats of each student's report.
    public var formats: [ReportFormat]
    /// How many submissions are graded at once (their compilations still go one per core).
    public var workers: Int
    /// Whether to grade again submissions that did not change.
    public var force: Bool
    /// The seed for every student's inputs.
    public var seed: UInt64
    /// How checks turn into points.
    public var scoring: Scoring
    /// The submissions' language, or `nil` to detect each one's.
    public var language: Language?
    /// The part of the class to grade, or `nil` for all of it.
    public var shard: Shard?
    /// The library target to grade in a package that has several (`--target`).
    public var target: String?

    /// Creates options.
    ///
    /// - Parameters:
    ///   - classFolder: The class folder.
    ///   - outputFolder: Where reports go.
    ///   - formats: The report formats.
    ///   - workers: Gradings at once.
    ///   - force: Whether to grade unchanged submissions again.
    ///   - seed: The seed for every student.
    ///   - scoring: How checks turn into points.
    ///   - language: The submissions' language, or `nil` to detect it.
    public init(
      classFolder: String, outputFolder: String, formats: [ReportFormat], workers: Int,
      force: Bool, seed: UInt64, scoring: Scoring, language: Language?
    ) {
      self.classFolder = classFolder
      self.outputFolder = outputFolder
      self.formats = formats
      self.workers = workers
      self.force = force
      self.seed = seed
      self.scoring = scoring
      self.language = language
    }
  }

  /// The options.
  public let options: Options

  /// Creates a batch grader.
  ///
  /// - Parameter options: What to grade, and how.
  public init(options: Options) {
    self.options = options
  }

  /// The student folders of the class, by name.
  ///
  /// - Returns: Each student's name and folder.
  /// - Throws: `BatchError` when the class folder cannot be graded.
  public func students() throws(BatchError) -> [(name: String, folder: URL)] {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: options.classFolder, isDirectory: &isDirectory)
    else { throw .notFound(path: options.classFolder) }
    guard isDirectory.boolValue else { throw .notAFolder(path: options.classFolder) }
    let root = URL(fileURLWithPath: options.classFolder).standardizedFileURL
    let output = URL(fileURLWithPath: options.outputFolder).standardizedFileURL.path
    // Names that are not UTF-8 are left to `misnamedFolders`: Foundation would decode them
    // into another name (a classmate's, or none at all).
    let names = Self.folderEntries(in: root.path).compactMap(\.name)
    var students: [(String, URL)] = []
    for name in names.sorted()
    where !name.hasPrefix(".") && options.shard.map({ $0.contains(name) }) ?? true {
      let folder = root.appendingPathComponent(name)
      var isFolder: ObjCBool = false
      guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder),
        isFolder.boolValue, folder.path != output
      else { continue }
      if output.hasPrefix(folder.path + "/") {
        throw .outputInsideSubmission(output: options.outputFolder, student: name)
      }
      students.append((name, folder))
    }
    guard !students.isEmpty || options.shard != nil else {
      throw .noStudents(path: options.classFolder)
    }
    return students
  }

  /// The entries of a folder as their names' bytes: each with its name when it is UTF-8.
  static func folderEntries(in path: String) -> [(bytes: [UInt8], name: String?)] {
    guard let folder = opendir(path) else { return [] }
    defer { closedir(folder) }
    var entries: [(bytes: [UInt8], name: String?)] = []
    while let entry = readdir(folder) {
      let bytes = withUnsafeBytes(of: entry.pointee.d_name) { buffer in
        Array(buffer.prefix { $0 != 0 })
      }
      guard bytes != Array(".".utf8), bytes != Array("..".utf8) else { continue }
      entries.append((bytes, String(validating: bytes, as: UTF8.self)))
    }
    return entries
  }

  /// The student folders whose names are not UTF-8 text (an old zip's Latin-1 name): they are
  /// not graded (no name they could be shown by is theirs alone), and each is a result that
  /// says so, with its bytes.
  public func misnamedFolders() -> [StudentResult] {
    let root = URL(fileURLWithPath: options.classFolder).standardizedFileURL.path
    var results: [StudentResult] = []
    for entry in Self.folderEntries(in: root)
    where entry.name == nil && entry.bytes.first != UInt8(ascii: ".") {
      // A folder, found by its bytes: no String names it.
      var status = stat()
      let path = (Array(root.utf8) + [UInt8(ascii: "/")] + entry.bytes).map {
        CChar(bitPattern: $0)
      }
      guard stat(path + [0], &status) == 0, status.st_mode & S_IFMT == S_IFDIR else { continue }
      let shown = String(decoding: entry.bytes, as: UTF8.self) + " (not UTF-8)"
      guard options.shard.map({ $0.contains(shown) }) ?? true else { continue }
      results.append(
        StudentResult(
          student: shown, status: .error,
          error: "the folder's name is not UTF-8 text (bytes "
            + entry.bytes.map { String($0, radix: 16) }.joined(separator: " ")
            + "): rename it, then grade again"))
    }
    return results
  }

  /// Grades every student, writing each one's reports as soon as it is graded.
  ///
  /// - Parameter progress: Called after each student, with the count done and the total.
  /// - Returns: Every student's result, in name order.
  /// - Throws: `BatchError` when the class cannot be read or the output cannot be written.
  public func run(progress: @escaping @Sendable (Int, Int, StudentResult) -> Void = { _, _, _ in })
    throws(BatchError) -> [StudentResult]
  {
    let students = try students()
    let state = Self.stateFolder(in: options.outputFolder)
    do {
      try FileManager.default.createDirectory(at: state, withIntermediateDirectories: true)
    } catch {
      throw .unwritable(path: options.outputFolder)
    }
    let queue = WorkQueue(count: students.count)
    let gate = CPUGate(width: ProcessInfo.processInfo.activeProcessorCount)
    let workers = max(1, min(options.workers, students.count))
    let group = DispatchGroup()
    for _ in 0..<workers {
      group.enter()
      Thread {
        while let index = queue.next() {
          let result = grade(
            students[index].name, students[index].folder, state: state, gate: gate)
          let done = queue.finish(index, result)
          progress(done, students.count, result)
        }
        group.leave()
      }.start()
    }
    group.wait()
    return (queue.results + misnamedFolders()).sorted { $0.student < $1.student }
  }

  private func grade(_ student: String, _ folder: URL, state: URL, gate: CPUGate)
    -> StudentResult
  {
    let salt =
      "\(options.seed)|\(options.scoring.taskPoints.sorted { $0.key < $1.key })|"
      + "\(options.scoring.requirementsShare.map(String.init) ?? "")|"
      + "\(options.language?.rawValue ?? "")|\(options.target ?? "")|\(CheckerCommand.version)"
    let hash = ContentHash.of(folder: folder, salt: salt)
    let saved = state.appendingPathComponent(student + ".json")
    let savedHash = state.appendingPathComponent(student + ".hash")
    if !options.force,
      (try? String(contentsOf: savedHash, encoding: .utf8)) == hash,
      let data = FileManager.default.contents(atPath: saved.path),
      let report = try? JSONDecoder().decode(GradeReport.self, from: data)
    {
      write(report, for: student, folder: folder)
      return StudentResult(student: student, status: report.status, report: report, wasReused: true)
    }
    var request = Grader.Request(
      path: folder.path, target: options.target, language: options.language, seed: options.seed)
    request.scoring = options.scoring
    request.cpuGate = gate
    let result: StudentResult
    do {
      var report = try Grader().grade(request).report
      report.submission = student
      write(report, for: student, folder: folder)
      try? Data(JSONReport.render(report).utf8).write(to: saved)
      try? Data(hash.utf8).write(to: savedHash)
      result = StudentResult(student: student, status: report.status, report: report)
    } catch {
      let noSources: Bool =
        switch error {
        case .submission(.noSwiftSources), .submission(.noPythonSources): true
        default: false
        }
      result = StudentResult(
        student: student, status: noSources ? .noSubmission : .error,
        error: error.localizedDescription)
      // No report of an earlier run may stand beside this run's "error": this run's says why.
      try? FileManager.default.removeItem(at: savedHash)
      try? FileManager.default.removeItem(at: saved)
      try? FileManager.default.removeItem(
        at: Self.reportFolder(for: student, in: options.outputFolder))
      writeUngraded(result, folder: folder)
    }
    return result
  }

  /// The folder where a batch keeps what the next run needs (the seed, each student's last
  /// report and content hash, the results for `merge-grades`): `OUT/.asynccheck`.
  public static func stateFolder(in output: String) -> URL {
    URL(fileURLWithPath: output).appendingPathComponent(".asynccheck")
  }

  /// The folder of a student's reports: `OUT/reports/<student>/`, so that no student's name
  /// can make a report file collide with another's (`bob` and `bob.github` did) or with the
  /// gradebook.
  ///
  /// A name that holds a control or format character (an escape sequence, a new line, a
  /// right-to-left override that reverses how a listing reads) or a replacement character (a
  /// name that was not UTF-8) gets a folder named with each such character written as its code
  /// point (`bob[U+202E]gnissap`), and `[` too, so that no two names share a folder: a name
  /// that holds `[U+` is written so as well, and no name left as it is holds `[U+`.
  ///
  /// - Parameters:
  ///   - student: The student's folder name.
  ///   - output: The batch's output folder.
  /// - Returns: The folder.
  public static func reportFolder(for student: String, in output: String) -> URL {
    URL(fileURLWithPath: output).appendingPathComponent("reports")
      .appendingPathComponent(safeFolderName(student))
  }

  /// `student` as a file name a listing shows as it is, one per name: itself when it holds no
  /// hidden character and no `[U+`, else written with code points (see `reportFolder`), cut
  /// with a hash of the name past 200 bytes (a file name holds 255).
  static func safeFolderName(_ student: String) -> String {
    func hidden(_ scalar: Unicode.Scalar) -> Bool {
      scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
        || String.isFormatControl(scalar) || scalar == "\u{FFFD}"
    }
    guard student.unicodeScalars.contains(where: hidden) || student.contains("[U+") else {
      return student
    }
    var written = ""
    for scalar in student.unicodeScalars {
      if hidden(scalar) || scalar == "[" {
        written += String.codePoint(scalar)
      } else {
        written.unicodeScalars.append(scalar)
      }
    }
    guard written.utf8.count > 200 else { return written }
    var cut = Substring(written)
    while cut.utf8.count > 200 { cut = cut.dropLast() }
    return cut + "-" + String(ContentHash.number(of: student), radix: 16)
  }

  private func write(_ report: GradeReport, for student: String, folder: URL) {
    let text = TextReport(
      usesColor: false, showsTimelines: false,
      command: "\(ReproduceCommand.program) \(ReproduceCommand.quoted(folder.path))")
    let reports = Self.reportFolder(for: student, in: options.outputFolder)
    try? FileManager.default.createDirectory(at: reports, withIntermediateDirectories: true)
    let written = Set(options.formats.map { "report" + $0.fileSuffix })
    for format in options.formats {
      let url = reports.appendingPathComponent("report" + format.fileSuffix)
      try? Data(format.render(report, text: text).utf8).write(to: url)
    }
    // Reports of formats this run was not asked for are from an earlier run: gone, so that no
    // report older than the gradebook is left beside it.
    let present = (try? FileManager.default.contentsOfDirectory(atPath: reports.path)) ?? []
    for name in present where name.hasPrefix("report.") && !written.contains(name) {
      try? FileManager.default.removeItem(at: reports.appendingPathComponent(name))
    }
  }

  /// The report of a student who could not be graded: what was graded, the status and why; as
  /// text always (the class dashboard links to it), and as JSON when JSON was asked for.
  private func writeUngraded(_ result: StudentResult, folder: URL) {
    let reports = Self.reportFolder(for: result.student, in: options.outputFolder)
    try? FileManager.default.createDirectory(at: reports, withIntermediateDirectories: true)
    let text =
      "asynccheck: async basics\nSubmission: \(folder.path.terminalSafe)\n"
      + "Status: \(result.status.rawValue)\n\n\((result.reason ?? "").terminalSafe)\n"
    try? Data(text.utf8).write(to: reports.appendingPathComponent("report.txt"))
    guard options.formats.contains(.json) else { return }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    let fields = [
      "submission": result.student, "status": result.status.rawValue,
      "error": result.reason ?? "",
    ]
    if let data = try? encoder.encode(fields) {
      try? data.write(to: reports.appendingPathComponent("report.json"))
    }
  }

  /// The students with reports in the output folder who are no longer in the class (a renamed
  /// or removed folder): left as they are, and named in the summary.
  ///
  /// - Parameter results: This run's results: the class as it is now.
  /// - Returns: Their names, sorted.
  public func departedStudents(from results: [StudentResult]) -> [String] {
    guard options.shard == nil else { return [] }
    let current = results.map(\.student)
    let state = Self.stateFolder(in: options.outputFolder)
    let saved = (try? FileManager.default.contentsOfDirectory(atPath: state.path)) ?? []
    let graded = Set(
      saved.filter { $0.hasSuffix(".json") && $0 != "results.json" }.map {
        String($0.dropLast(".json".count))
      })
    return graded.subtracting(current).sorted()
  }

}

/// The batch's shared to-do list and results: a lock around two arrays, for worker threads.
///
/// `@unchecked Sendable`: every access to the mutable state goes through `lock`.
private final class WorkQueue: @unchecked Sendable {
  private let lock = NSLock()
  private var nextIndex = 0
  private var done = 0
  private let count: Int
  private var slots: [StudentResult?]

  init(count: Int) {
    self.count = count
    slots = Array(repeating: nil, count: count)
  }

  func next() -> Int? {
    lock.lock()
    defer { lock.unlock() }
    guard nextIndex < count else { return nil }
    nextIndex += 1
    return nextIndex - 1
  }

  func finish(_ index: Int, _ result: StudentResult) -> Int {
    lock.lock()
    defer { lock.unlock() }
    slots[index] = result
    done += 1
    return done
  }

  var results: [StudentResult] {
    lock.lock()
    defer { lock.unlock() }
    return slots.compactMap { $0 }
  }
}
