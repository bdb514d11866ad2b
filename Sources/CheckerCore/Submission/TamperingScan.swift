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
    .init(text: "__globals__", reason: "reads a function's module, the checker's among them"),
    .init(text: "get_coro", reason: "reads the harness's coroutines"),
    .init(text: "__qualname__", reason: "tells the harness's functions apart"),
    .init(text: "all_tasks", reason: "reads the harness's tasks"),
    .init(text: "asynccheck", reason: "names the checker"),
    .init(text: "sys.argv", reason: "reads the harness's arguments: code that knows it is graded"),
    .init(text: "__module__", reason: "tells the checker's functions from the student's own"),
    .init(text: "os.environ", reason: "reads the grading's environment"),
    .init(text: "getenv", reason: "reads the grading's environment"),
    .init(text: "sys.audit", reason: "raises the harness's audit events"),
    .init(text: "addaudithook", reason: "watches the harness's audit events"),
    .init(text: "builtins", reason: "changes the built-in functions the harness uses"),
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
    .init(
      text: "CommandLine", reason: "reads the harness's command line: code that knows it is graded"),
    .init(text: "#file", reason: "reads where it is compiled: code that knows it is graded"),
    .init(text: "asynccheck", reason: "names the checker"),
    .init(text: "ProcessInfo", reason: "reads the grading's arguments or environment"),
    .init(text: "getenv", reason: "reads the grading's environment"),
    .init(text: "environ", reason: "reads the grading's environment"),
    .init(text: "@_dynamicReplacement", reason: "replaces a function at run time"),
    .init(text: "@_section", reason: "places code or data where the loader runs or reads it"),
    .init(text: "@_used", reason: "keeps a symbol the program never names"),
    .init(text: "unsafeBitCast", reason: "reinterprets memory"),
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
      // Read twice: as the compiler reads the lines (a lone `\r` ends one, so it cannot hide
      // the next; a CRLF file is not one comment line), and ended at U+2028 and NEL too. A
      // comment marker after a U+2028 starts no comment for the compiler, and one before a
      // U+2028 hides nothing from it: a pattern either reading sees is reported once.
      var seen: Set<String> = []
      for lines in [file.text.codeLines, file.text.sourceLines] {
        for (number, line) in lines.enumerated() {
          let code = line.drop { $0 == " " || $0 == "\t" }
          if code.hasPrefix(comment) { continue }
          for pattern in patterns where code.contains(pattern.text) {
            guard seen.insert(pattern.text + "\u{0}" + code).inserted else { continue }
            found.append(
              "\(file.relativePath):\(number + 1): uses `\(pattern.text)` (\(pattern.reason))")
          }
        }
      }
    }
    return found
  }
}
