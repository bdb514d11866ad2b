/// One `A` record: what the Python harness's audit hook saw student code do to reach the
/// harness (read its frames, walk memory, call C, open a raw descriptor, start a program), or a
/// record it refused because the harness did not write it.
///
/// The hook refuses every such event as it happens, so a finding is rarely a success; it flags
/// the grading for a person to read (see `Grader`), and a forgery voids it (`tampered`).
public struct HarnessFinding: Sendable, Equatable, CustomStringConvertible {
  /// What was seen: `forged`, `early-sleep`, `channel`, `timing`, `frames`, `memory`,
  /// `ctypes`, `tracing`, `code`, `descriptor`, `process`, `files`, `folder` or `import`.
  public var kind: String
  /// Where in the student's code, when the hook found a student's frame.
  public var location: SourceLocation?
  /// What the code did, in the hook's words (`sys._getframe`, `opening /proc/1/mem`).
  public var detail: String

  /// Whether the evidence is void: the hook refused a record it did not write, one of the
  /// checker's sleeps ended before its time (which no event loop does unless it was changed),
  /// or the report channel was replaced by a file of the program's own.
  public var isForgery: Bool {
    kind == "forged" || kind == "early-sleep" || kind == Self.channelKind
  }

  /// The kind of a finding that the report channel was taken over: the run is void as a
  /// whole (`TaskEvidence.tookOverChannel`), not for a line it holds.
  public static let channelKind = "channel"

  /// Reads an `A kind file line detail` record's fields (after authentication); `nil` when the
  /// record has not its five fields.
  ///
  /// - Parameter fields: The record's fields, the type first.
  public init?(_ fields: [Substring]) {
    guard fields.count == 5, let line = Int(fields[3]) else { return nil }
    kind = String(fields[1])
    detail = String(fields[4])
    location = fields[2].isEmpty ? nil : SourceLocation(file: String(fields[2]), line: line)
  }

  /// Creates a finding of the checker's own.
  ///
  /// - Parameters:
  ///   - kind: What was seen (see `kind`).
  ///   - detail: What the code did.
  ///   - location: Where in the student's code, when known.
  public init(kind: String, detail: String, location: SourceLocation? = nil) {
    self.kind = kind
    self.detail = detail
    self.location = location
  }

  /// `3-tasks.py:7: sys._getframe (frames)`: the line of a "needs review" note.
  public var description: String {
    let reason =
      switch kind {
      case "forged": "wrote a record the harness did not write"
      case "early-sleep": "the event loop or asyncio was changed: the checker's sleeps lie"
      case Self.channelKind: "the run is void: nothing it reported counts"
      case "timing":
        "the checker's sleeps ended out of order: the event loop or asyncio was changed, or the "
          + "machine was overloaded"
      case "frames": "reads the running program's frames"
      case "memory": "walks the objects in memory"
      case "ctypes": "calls C directly"
      case "tracing": "traces or audits the running program"
      case "code": "makes code objects or functions at run time"
      case "descriptor": "opens the report channel's descriptor as a file"
      case "process": "reaches other processes or the network"
      case "files": "changes files outside its folder"
      case "folder":
        "makes paths the checker cannot follow: a folder outside its own opened, or a link made"
      case "import": "imports a module this exercise never needs"
      default: kind
      }
    let place = location.map { "\($0): " } ?? ""
    return "\(place)\(detail) (\(reason))"
  }
}
