import Foundation

/// Reads a submission from disk, never writing to it.
///
/// A path may be a SwiftPM package root (its library target is read), a folder of `.swift` files
/// (read recursively), or one `.swift` file.
public struct SubmissionLoader: Sendable {
  /// The library target to read from a package with several; `nil` to pick the only one.
  public var target: String?
  /// A language mode that overrides the one the package declares (5 or 6).
  public var languageMode: Int?
  /// The submission's language, or `nil` to detect it: a folder holding any of the Python
  /// project's files (`0-basic_async_syntax.py` …) is a Python submission.
  public var language: Language?

  /// Creates a loader.
  ///
  /// - Parameters:
  ///   - target: The package target to read, if the package has several.
  ///   - languageMode: A Swift language mode to force, or `nil` to use the submission's own.
  ///   - language: The submission's language, or `nil` to detect it.
  public init(target: String? = nil, languageMode: Int? = nil, language: Language? = nil) {
    self.target = target
    self.languageMode = languageMode
    self.language = language
  }

  /// The largest source file the checker reads: 1 MiB.
  ///
  /// A solution to the exercise is a few KB (the reference's five functions are under 10 KB
  /// with their comments); a hundred times that leaves room for any honest file. Larger files
  /// are refused before grading: 20 MB of comments would push `swift format lint` past its time
  /// limit, and every line-based reading would slow down with them.
  public static let maximumFileBytes = 1 << 20
  /// The largest submission the checker reads, all its sources together: 4 MiB.
  public static let maximumSubmissionBytes = 4 << 20

  /// Loads the submission at `path`.
  ///
  /// - Parameter path: A package root, a folder of sources, or a `.swift` file.
  /// - Returns: The submission's sources and language mode.
  /// - Throws: `SubmissionError` when the path cannot be graded, with a message naming it.
  public func load(path: String) throws(SubmissionError) -> Submission {
    let fileManager = FileManager.default
    var isDirectory: ObjCBool = false
    guard fileManager.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw .notFound(path: path)
    }
    let given = URL(fileURLWithPath: path).standardizedFileURL
    var root = given
    let pythonNames = Exercise.tasks.map(\.python.file)
    var found: [String] = []
    if isDirectory.boolValue, let nested = Self.nestedProject(in: given) {
      root = nested
      let below = String(nested.path.dropFirst(given.path.count + 1))
      found.append("read the project in \(below.terminalSafe)/, where the folder given holds it")
    }
    if isDirectory.boolValue,
      language == .python
        || (language == nil
          && pythonNames.contains {
            fileManager.fileExists(atPath: root.appendingPathComponent($0).path)
          })
    {
      var files: [SourceFile] = []
      for name in pythonNames {
        let url = root.appendingPathComponent(name)
        guard fileManager.fileExists(atPath: url.path) else { continue }
        var file = try read(url, relativeTo: root)
        file.isExecutable = fileManager.isExecutableFile(atPath: url.path)
        files.append(file)
        try Self.requireSize(of: files, displayPath: path)
      }
      guard !files.isEmpty else { throw .noPythonSources(path: path) }
      files += pythonHelpers(in: root, besides: files, notes: &found)
      var submission = Submission(
        displayPath: path, origin: .folder, languageMode: 0, files: files, notes: found)
      submission.language = .python
      return submission
    }
    if language == .python { throw .noPythonSources(path: path) }
    if !isDirectory.boolValue {
      guard root.pathExtension == "swift" else { throw .notASwiftFile(path: path) }
      // The one file the user named may be a link: read what it leads to.
      let resolved = root.resolvingSymlinksInPath()
      let file = try read(resolved, relativeTo: resolved.deletingLastPathComponent())
      return Submission(
        displayPath: path, origin: .file, languageMode: languageMode ?? 6, files: [file])
    }
    let manifest = root.appendingPathComponent("Package.swift")
    if fileManager.fileExists(atPath: manifest.path) {
      var submission = try loadPackage(root: root, manifest: manifest, displayPath: path)
      submission.notes.insert(contentsOf: found, at: 0)
      return submission
    }
    let (files, notes) = try readFolder(root, relativeTo: root, displayPath: path)
    var submission = Submission(
      displayPath: path, origin: .folder, languageMode: languageMode ?? 6, files: files,
      notes: found + notes)
    (submission.formatConfiguration, submission.formatConfigurationProblem) =
      formatConfiguration(in: root)
    return submission
  }

  /// The folder one or two levels below `root` that holds the project, when `root` itself
  /// does not: a zipped folder uploaded as it is, a repository with the project in a subfolder.
  ///
  /// `root` holds the project when it has a `Package.swift`, one of the Python files or a Swift
  /// file of its own. Otherwise the one folder below it (one or two levels down; hidden folders,
  /// `__MACOSX`, `.build` and links aside) with a `Package.swift` or the Python files is the
  /// project; with none, or several, there is no such folder.
  ///
  /// - Parameter root: The folder given.
  /// - Returns: The project's folder, or `nil` to read `root` as it is.
  static func nestedProject(in root: URL) -> URL? {
    let fileManager = FileManager.default
    let marks = ["Package.swift"] + Exercise.tasks.map(\.python.file)
    func holdsProject(_ folder: URL) -> Bool {
      marks.contains { fileManager.fileExists(atPath: folder.appendingPathComponent($0).path) }
    }
    func folders(in folder: URL) -> [URL] {
      let names = (try? fileManager.contentsOfDirectory(atPath: folder.path)) ?? []
      return names.sorted().filter {
        !$0.hasPrefix(".") && $0 != "__MACOSX" && $0 != "Sources" && $0 != "Tests"
      }.map { folder.appendingPathComponent($0) }.filter {
        var status = stat()
        return lstat($0.path, &status) == 0 && status.st_mode & S_IFMT == S_IFDIR
      }
    }
    let ownSwift =
      ((try? fileManager.contentsOfDirectory(atPath: root.path)) ?? []).contains {
        $0.hasSuffix(".swift")
      }
    guard !holdsProject(root), !ownSwift else { return nil }
    // One level down first; two levels down only when one found nothing.
    let below = folders(in: root)
    var candidates = below.filter(holdsProject)
    if candidates.isEmpty { candidates = below.flatMap(folders(in:)).filter(holdsProject) }
    return candidates.count == 1 ? candidates[0] : nil
  }

  private func loadPackage(root: URL, manifest: URL, displayPath: String) throws(SubmissionError)
    -> Submission
  {
    let manifestText = try read(manifest, relativeTo: root).text
    let sourcesFolder = root.appendingPathComponent("Sources")
    let targets = subfolders(of: sourcesFolder)
    let chosen: String
    if let target {
      guard targets.contains(target) else {
        throw .unknownTarget(name: target, available: targets)
      }
      chosen = target
    } else {
      chosen = try pickLibraryTarget(targets, in: sourcesFolder, displayPath: displayPath)
    }
    let (files, notes) = try readFolder(
      sourcesFolder.appendingPathComponent(chosen), relativeTo: root, displayPath: displayPath)
    let mode = languageMode ?? PackageManifest(text: manifestText).languageMode(forTarget: chosen)
    var submission = Submission(
      displayPath: displayPath, origin: .package(target: chosen), languageMode: mode,
      files: files, notes: notes)
    (submission.formatConfiguration, submission.formatConfigurationProblem) =
      formatConfiguration(in: root)
    return submission
  }

  /// The `.swift-format` file at the submission's root, or why it cannot be read: `nil` and
  /// `nil` when there is none.
  ///
  /// One that is there and cannot be read (its permissions, a link out of the submission, not
  /// UTF-8, larger than a source file may be) is a problem the lint check reports as a
  /// failure, not a reason to lint with another configuration or not at all.
  private func formatConfiguration(in root: URL) -> (text: String?, problem: String?) {
    let url = root.appendingPathComponent(".swift-format")
    var status = stat()
    guard lstat(url.path, &status) == 0 else { return (nil, nil) }
    do {
      return (try read(url, relativeTo: root).text, nil)
    } catch {
      return (nil, "your .swift-format cannot be used: \(error.localizedDescription)")
    }
  }

  /// The target that holds the exercise: the one that declares most of its functions
  /// (a library before an executable when they tie), so that functions written in an
  /// executable target, beside `main.swift`, are graded too.
  private func pickLibraryTarget(_ targets: [String], in sources: URL, displayPath: String)
    throws(SubmissionError) -> String
  {
    struct Candidate {
      var name: String
      var declared: Int
      var isLibrary: Bool
    }
    let candidates = targets.compactMap { name -> Candidate? in
      let files = swiftFiles(in: sources.appendingPathComponent(name))
      guard !files.isEmpty else { return nil }
      let texts = files.map { (try? String(contentsOf: $0, encoding: .utf8)) ?? "" }
      let declared = Exercise.tasks.filter { task in
        texts.contains { $0.contains("func \(task.signature.name)") }
      }.count
      let isExecutable = zip(files, texts).contains { url, text in
        url.lastPathComponent == "main.swift" || text.contains("@main")
      }
      return Candidate(name: name, declared: declared, isLibrary: !isExecutable)
    }.sorted {
      ($0.declared, $0.isLibrary ? 1 : 0) > ($1.declared, $1.isLibrary ? 1 : 0)
    }
    guard let best = candidates.first else { throw .noSwiftSources(path: sources.path) }
    if candidates.count > 1, candidates[1].declared == best.declared,
      candidates[1].isLibrary == best.isLibrary
    {
      throw .ambiguousTarget(
        candidates: candidates.filter {
          $0.declared == best.declared && $0.isLibrary == best.isLibrary
        }.map(\.name))
    }
    return best.name
  }

  private func readFolder(_ folder: URL, relativeTo root: URL, displayPath: String)
    throws(SubmissionError) -> ([SourceFile], [String])
  {
    var files: [SourceFile] = []
    var notes: [String] = []
    var total = 0
    for url in swiftFiles(in: folder) {
      var file = try read(url, relativeTo: root)
      // The checker calls the functions itself: what would run at start-up is left out.
      let original = file.text
      if url.lastPathComponent == "main.swift" {
        let (text, leftOut) = EntryPointFilter.declarationsOnly(file.text)
        file.text = text
        if leftOut {
          notes.append(
            "read the declarations of \(file.relativePath); its top-level code is left out "
              + "(the checker calls your functions itself)")
        }
      }
      let (text, hadMain) = EntryPointFilter.withoutMainAttribute(file.text)
      if hadMain {
        file.text = text
        notes.append(
          "left out the `@main` attribute in \(file.relativePath) (the checker calls your "
            + "functions itself)")
      }
      if file.text != original { file.original = original }
      files.append(file)
      total += original.utf8.count
      if total > Self.maximumSubmissionBytes {
        throw .submissionTooLarge(
          path: displayPath, bytes: total, limit: Self.maximumSubmissionBytes)
      }
    }
    guard !files.isEmpty else { throw .noSwiftSources(path: displayPath) }
    let names = files.map(\.relativePath)
    notes.insert(
      "read \(names.count) file\(names.count == 1 ? "" : "s"): "
        + (names.count > 8
          ? names.prefix(7).joined(separator: ", ") + " and \(names.count - 7) more"
          : names.joined(separator: ", ")),
      at: 0)
    return (files, notes)
  }

  /// Every `.swift` file below `folder`, skipping hidden folders, build folders and tests.
  private func swiftFiles(in folder: URL) -> [URL] {
    let skipped: Set<String> = [".build", "Tests", "Packages", "node_modules"]
    guard
      let enumerator = FileManager.default.enumerator(
        at: folder, includingPropertiesForKeys: [.isDirectoryKey],
        options: [.skipsHiddenFiles])
    else { return [] }
    var found: [URL] = []
    for case let url as URL in enumerator {
      let isDirectory = (try? url.resourceValues(forKeys: [.isDirectoryKey]).isDirectory) ?? false
      if isDirectory {
        if skipped.contains(url.lastPathComponent) { enumerator.skipDescendants() }
      } else if url.pathExtension == "swift" {
        found.append(url)
      }
    }
    return found.sorted { $0.path < $1.path }
  }

  private func subfolders(of folder: URL) -> [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return names.filter { name in
      var isDirectory: ObjCBool = false
      return !name.hasPrefix(".")
        && FileManager.default.fileExists(
          atPath: folder.appendingPathComponent(name).path, isDirectory: &isDirectory)
        && isDirectory.boolValue
    }.sorted()
  }

  /// The folder's other Python files (`helpers.py`, `0-main.py`), which the task files may
  /// import as the student runs them: each one that reads as the submission's own regular file
  /// and keeps the submission within its size limit; what is left out is said in `notes`.
  private func pythonHelpers(
    in root: URL, besides taskFiles: [SourceFile], notes: inout [String]
  ) -> [SourceFile] {
    let fileManager = FileManager.default
    let taken = Set(taskFiles.map(\.relativePath))
    let names =
      ((try? fileManager.contentsOfDirectory(atPath: root.path)) ?? []).filter {
        $0.hasSuffix(".py") && !$0.hasPrefix(".") && !taken.contains($0)
      }.sorted()
    var total = taskFiles.reduce(0) { $0 + $1.text.utf8.count }
    var helpers: [SourceFile] = []
    for name in names {
      let url = root.appendingPathComponent(name)
      // `read` refuses a link out of the folder and a special file.
      guard var file = try? read(url, relativeTo: root) else {
        notes.append("left out \(name.terminalSafe): not a file of the submission's own")
        continue
      }
      guard total + file.text.utf8.count <= Self.maximumSubmissionBytes else {
        notes.append("left out \(name.terminalSafe): the submission would be over its size limit")
        continue
      }
      total += file.text.utf8.count
      file.isExecutable = fileManager.isExecutableFile(atPath: url.path)
      helpers.append(file)
    }
    return helpers
  }

  /// Refuses a submission whose sources together are larger than `maximumSubmissionBytes`.
  private static func requireSize(of files: [SourceFile], displayPath: String)
    throws(SubmissionError)
  {
    let total = files.reduce(0) { $0 + $1.text.utf8.count }
    if total > maximumSubmissionBytes {
      throw .submissionTooLarge(path: displayPath, bytes: total, limit: maximumSubmissionBytes)
    }
  }

  /// Refuses a file that is not the submission's own regular file: a link that leads outside
  /// `root` (`4-tasks.py -> /etc/shadow` would put the file in the report), or a FIFO, device
  /// or socket (reading one can block for ever or read a device).
  static func requireRegularFile(_ url: URL, inside root: URL) throws(SubmissionError) {
    var status = stat()
    guard lstat(url.path, &status) == 0 else { throw .unreadable(path: url.path) }
    if status.st_mode & S_IFMT == S_IFLNK {
      let resolved = url.resolvingSymlinksInPath().path
      let base = root.resolvingSymlinksInPath().path
      guard resolved.hasPrefix(base + "/") else {
        throw .linksOutside(path: url.path, target: resolved)
      }
      guard stat(resolved, &status) == 0 else { throw .unreadable(path: url.path) }
    }
    switch status.st_mode & S_IFMT {
    case S_IFREG: return
    case S_IFIFO: throw .notARegularFile(path: url.path, kind: "a FIFO (named pipe)")
    case S_IFCHR, S_IFBLK: throw .notARegularFile(path: url.path, kind: "a device")
    case S_IFSOCK: throw .notARegularFile(path: url.path, kind: "a socket")
    case S_IFDIR: throw .notARegularFile(path: url.path, kind: "a folder")
    default: throw .notARegularFile(path: url.path, kind: "a special file")
    }
  }

  private func read(_ url: URL, relativeTo root: URL) throws(SubmissionError) -> SourceFile {
    let rootPath = root.standardizedFileURL.path
    var relative = url.standardizedFileURL.path
    if relative.hasPrefix(rootPath + "/") {
      relative.removeFirst(rootPath.count + 1)
    }
    try Self.requireRegularFile(url, inside: root)
    if relative.unicodeScalars.contains(where: {
      $0.properties.generalCategory == .control || $0.properties.generalCategory == .format
        || $0 == "\u{2028}" || $0 == "\u{2029}"
    }) {
      throw .controlCharacterInName(path: url.path)
    }
    // The size before the bytes: a file of gigabytes is refused without being read.
    var status = stat()
    if stat(url.path, &status) == 0, Int(status.st_size) > Self.maximumFileBytes {
      throw .fileTooLarge(path: url.path, bytes: Int(status.st_size), limit: Self.maximumFileBytes)
    }
    guard let data = FileManager.default.contents(atPath: url.path) else {
      throw .unreadable(path: url.path)
    }
    // The file may have grown since: the bytes read are what counts.
    guard data.count <= Self.maximumFileBytes else {
      throw .fileTooLarge(path: url.path, bytes: data.count, limit: Self.maximumFileBytes)
    }
    guard var text = String(data: data, encoding: .utf8) else {
      throw .notUTF8(path: url.path)
    }
    // Foundation drops a leading byte order mark; a Python file keeps it, as the system sees
    // it (a shebang after one is not read).
    if url.pathExtension == "py", data.starts(with: [0xEF, 0xBB, 0xBF]),
      text.unicodeScalars.first != "\u{FEFF}"
    {
      text = "\u{FEFF}" + text
    }
    if url.pathExtension == "swift" {
      // Windows (CRLF) and old Mac (lone CR) line endings: "\r\n" is one Character in Swift,
      // and a lone "\r" is no "\n", so line-based reading (blanking a function that does not
      // compile, facts by line) would see one long line. The compiler ends a line at either, so
      // the file means the same, and lines keep their numbers. Python files stay as they are:
      // their first line is a requirement (the tampering scan reads their lines whatever ends
      // them).
      text = text.withUnixLineEndings
    }
    return SourceFile(relativePath: relative, text: text)
  }
}
