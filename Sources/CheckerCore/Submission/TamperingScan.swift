/// Finds code that reaches for the checker itself: what a submission needs to forge results or
/// escape its sandbox, and an honest solution to this exercise never needs.
///
/// Student code runs in the harness's process, so some tricks stay possible in principle (Python
/// can patch any object it can reach; memory can be scanned). The sandbox and the channel's key
/// make them hard; this scan makes them visible: each finding flags the grading `needs review`
/// with the line, in every report format and in the gradebook. It never changes a verdict.
public enum TamperingScan {
  /// A pattern, and why it is suspicious.
  struct Pattern {
    let text: String
    let reason: String
  }

  static let python: [Pattern] = [
    .init(text: "sys.modules", reason: "reaches other modules, the harness's among them"),
    .init(text: "__main__", reason: "reaches the harness's own module"),
    .init(text: "/proc/", reason: "reads other processes"),
    .init(text: "os.write(", reason: "writes to a raw descriptor (the report channel is 3)"),
    .init(text: "os.read(", reason: "reads a raw descriptor"),
    .init(text: "ctypes", reason: "calls C directly"),
    .init(text: "gc.get_objects", reason: "walks every object in memory"),
    .init(text: "gc.get_referrers", reason: "walks objects in memory"),
    .init(text: "_getframe", reason: "inspects the caller's frames"),
    .init(text: "currentframe", reason: "inspects the caller's frames"),
    .init(text: "f_back", reason: "inspects the caller's frames"),
    .init(text: "f_globals", reason: "reads another frame's globals"),
    .init(text: "__closure__", reason: "reads a function's hidden state"),
    .init(text: "__defaults__", reason: "reads a function's hidden state"),
    .init(text: "setsid", reason: "starts a process that outlives the grading"),
    .init(text: "os.fork", reason: "starts processes"),
    .init(text: "start_new_session", reason: "starts a process that outlives the grading"),
    .init(text: "subprocess", reason: "starts programs"),
    .init(text: "socket", reason: "opens network connections"),
    .init(text: "os.kill", reason: "signals other processes"),
  ]

  static let swift: [Pattern] = [
    .init(text: "write(3", reason: "writes to the report channel's descriptor"),
    .init(text: "dlsym", reason: "looks up the harness's symbols"),
    .init(text: "dlopen", reason: "loads code"),
    .init(text: "_silgen_name", reason: "binds a function to a symbol of the harness"),
    .init(text: "@_cdecl", reason: "exports a C symbol that could replace the harness's"),
    .init(text: "CommandLine.arguments", reason: "reads the harness's arguments"),
    .init(text: "ASYNCCHECK", reason: "tests the harness's compile-time flags"),
    .init(text: "asyncCheck", reason: "names the harness's functions"),
    .init(text: "AsyncCheck", reason: "names the harness's types"),
    .init(text: "/proc/", reason: "reads other processes"),
    .init(text: "fork(", reason: "starts processes"),
    .init(text: "setsid", reason: "starts a process that outlives the grading"),
    .init(text: "posix_spawn", reason: "starts programs"),
    .init(text: "Process()", reason: "starts programs"),
    .init(text: "kill(", reason: "signals other processes"),
    .init(text: "socket(", reason: "opens network connections"),
    .init(text: "UnsafeRawPointer(bitPattern", reason: "reads arbitrary memory"),
    .init(text: "ptrace", reason: "reads or controls another process"),
    .init(text: "process_vm_", reason: "reads or writes another process's memory"),
  ]

  /// The suspicious lines of a submission, as `file:line: uses \`pattern\` (reason)`.
  ///
  /// - Parameter submission: The sources.
  /// - Returns: One finding per line and pattern, in file order.
  public static func findings(in submission: Submission) -> [String] {
    let patterns = submission.language == .python ? python : swift
    let comment = submission.language == .python ? "#" : "//"
    var found: [String] = []
    for file in submission.files {
      // Every line whatever ends it (CRLF, a lone CR, U+2028…): a line that ends with a lone
      // `\r` must not hide the next one, nor a CRLF file read as one comment line.
      for (number, line) in file.text.sourceLines.enumerated() {
        let code = line.drop { $0 == " " || $0 == "\t" }
        if code.hasPrefix(comment) { continue }
        for pattern in patterns where code.contains(pattern.text) {
          found.append(
            "\(file.relativePath):\(number + 1): uses `\(pattern.text)` (\(pattern.reason))")
        }
      }
    }
    return found
  }
}
