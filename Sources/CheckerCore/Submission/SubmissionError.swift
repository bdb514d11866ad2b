import Foundation

/// Why a submission could not be read.
///
/// Each message names the path and says what to do.
public enum SubmissionError: Error, Equatable, LocalizedError {
  /// Nothing exists at the path.
  case notFound(path: String)
  /// The path is a file but not a `.swift` file.
  case notASwiftFile(path: String)
  /// The folder or target holds no `.swift` files.
  case noSwiftSources(path: String)
  /// The folder holds none of the Python project's files.
  case noPythonSources(path: String)
  /// A file could not be read.
  case unreadable(path: String)
  /// A file is not UTF-8 text.
  case notUTF8(path: String)
  /// A file is a symbolic link to something outside the submission.
  case linksOutside(path: String, target: String)
  /// A file is not a regular file (a FIFO, a device, a socket): reading it could block or leak.
  case notARegularFile(path: String, kind: String)
  /// A file's name holds a control character (a new line, a tab…): tools that report by file
  /// name (the compiler, swift format) would print lines the checker cannot read back.
  case controlCharacterInName(path: String)
  /// A file is larger than a source file may be (`SubmissionLoader.maximumFileBytes`).
  case fileTooLarge(path: String, bytes: Int, limit: Int)
  /// The sources together are larger than a submission may be
  /// (`SubmissionLoader.maximumSubmissionBytes`).
  case submissionTooLarge(path: String, bytes: Int, limit: Int)
  /// `--target` names a target the package does not have.
  case unknownTarget(name: String, available: [String])
  /// The package has several library targets and `--target` did not pick one.
  case ambiguousTarget(candidates: [String])
  /// None of the exercise's functions is declared: not the exercise (a wrong folder).
  case notTheExercise(path: String, expected: [String], read: [String])

  /// A one-line message for the person who must act on it.
  public var errorDescription: String? {
    switch self {
    case .notFound(let path):
      "no such file or folder: \(path)"
    case .notASwiftFile(let path):
      "\(path) is not a .swift file: give a package, a folder of .swift files, or one .swift file"
    case .noSwiftSources(let path):
      "no Swift sources in \(path): expected .swift files (or a package with Sources/<Target>/)"
        + Self.seen(in: path)
    case .noPythonSources(let path):
      "no Python project files in \(path): expected \(Exercise.pythonFiles)"
        + Self.seen(in: path)
    case .unreadable(let path):
      "cannot read \(path): check its permissions"
    case .notUTF8(let path):
      "\(path) is not UTF-8 text: save it as UTF-8"
    case .linksOutside(let path, let target):
      "\(path) is a link to \(target), outside the submission: the checker reads only the "
        + "submission's own files; copy the file in instead of linking to it"
    case .notARegularFile(let path, let kind):
      "\(path) is \(kind), not a regular file: the checker reads only regular files"
    case .controlCharacterInName(let path):
      "\(path.terminalSafe)'s name holds a control character (a new line, a tab…): rename the "
        + "file with letters, digits, `-` and `_`"
    case .fileTooLarge(let path, let bytes, let limit):
      "\(path) is \(Self.size(bytes)), more than the \(Self.size(limit)) a source file may be: "
        + "a solution is a few KB; remove what is not the exercise (generated code, data, long "
        + "comments)"
    case .submissionTooLarge(let path, let bytes, let limit):
      "the sources in \(path) are more than \(Self.size(limit)) together (\(Self.size(bytes)) "
        + "read so far): a solution is a few KB; remove the files that are not the exercise"
    case .unknownTarget(let name, let available):
      "the package has no target '\(name)'; its targets are: \(available.joined(separator: ", "))"
    case .ambiguousTarget(let candidates):
      "the package has several targets that could be the exercise "
        + "(\(candidates.joined(separator: ", "))): pick one with --target NAME"
    case .notTheExercise(let path, let expected, let read):
      "this does not look like the async basics exercise: expected "
        + expected.dropLast().joined(separator: ", ") + " and " + (expected.last ?? "")
        + " in \(path), and none of them is there (read: "
        + (read.count > 6
          ? read.prefix(5).joined(separator: ", ") + " and \(read.count - 5) more"
          : read.joined(separator: ", ")) + ")"
    }
  }

  /// What a folder that held no sources holds, for the message: `; looked in it and in the
  /// folders one and two levels below; it holds: notes.txt, project/ …` (empty for a file).
  static func seen(in path: String) -> String {
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue
    else { return "" }
    let names = ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted()
      .map { name -> String in
        var entry: ObjCBool = false
        let full = URL(fileURLWithPath: path).appendingPathComponent(name).path
        _ = FileManager.default.fileExists(atPath: full, isDirectory: &entry)
        return name.terminalSafe + (entry.boolValue ? "/" : "")
      }
    let shown =
      names.isEmpty
      ? "nothing" : names.prefix(10).joined(separator: ", ") + (names.count > 10 ? ", …" : "")
    return "; looked in it and in the folders one and two levels below; it holds: \(shown)"
  }

  /// A size for a message: `1 MiB`, `19.1 MiB (20000000 bytes)`, `12 KiB`, `300 bytes`.
  private static func size(_ bytes: Int) -> String {
    if bytes < 1024 { return "\(bytes) bytes" }
    if bytes < 1 << 20 { return "\(bytes / 1024) KiB" }
    let mebibytes = Double(bytes) / Double(1 << 20)
    return mebibytes == mebibytes.rounded()
      ? "\(Int(mebibytes)) MiB" : "\((mebibytes * 10).rounded() / 10) MiB (\(bytes) bytes)"
  }
}
