import Foundation
import Synchronization

/// The temporary folder a submission is built and run in, outside the submission.
public struct Workspace: Sendable {
  /// The folder's absolute path.
  public let root: String

  /// Makes a new, empty workspace under the system's temporary folder.
  ///
  /// - Returns: The workspace.
  /// - Throws: `ProcessError.workspace` when the folder cannot be made.
  public static func make() throws(ProcessError) -> Workspace {
    let template = FileManager.default.temporaryDirectory.appendingPathComponent(
      "asynccheck-XXXXXX"
    ).path
    var bytes = Array(template.utf8CString)
    guard let made = mkdtemp(&bytes) else {
      throw .workspace("mkdtemp \(template): \(String(cString: strerror(errno)))")
    }
    // Crossable by other users (not listable): a sandbox without namespaces runs student code
    // as a user of its own, which must reach its scratch folder and the harness below here.
    chmod(made, 0o711)
    let root = String(cString: made)
    let closed = live.withLock { live in
      if !live.closed { live.roots.insert(root) }
      return live.closed
    }
    guard !closed else {
      rmdir(root)
      throw .workspace("the checker is stopping: no new workspace")
    }
    return Workspace(root: root)
  }

  /// The workspaces made and not yet removed, and whether new ones may still be made: what
  /// `removeEveryLive` removes when the checker is stopped by a signal (`SignalCleanup`).
  private static let live = Mutex<(roots: Set<String>, closed: Bool)>(([], false))

  /// Removes every workspace this process made and has not removed yet; none can be made
  /// after (the checker is stopping).
  public static func removeEveryLive() {
    let roots = live.withLock { live in
      live.closed = true
      return live.roots
    }
    for root in roots {
      _ = Workspace(root: root).remove()
    }
  }

  /// The absolute path of `relativePath` inside the workspace.
  ///
  /// - Parameter relativePath: A path relative to the workspace.
  /// - Returns: The absolute path.
  public func path(_ relativePath: String) -> String {
    root + "/" + relativePath
  }

  /// Writes `text` at `relativePath`, making folders as needed.
  ///
  /// - Parameters:
  ///   - text: The file's contents.
  ///   - relativePath: Where to write it, relative to the workspace.
  ///   - executable: Whether to make it executable.
  /// - Returns: The file's absolute path.
  /// - Throws: `ProcessError.workspace` when it cannot be written.
  @discardableResult
  public func write(_ text: String, to relativePath: String, executable: Bool = false)
    throws(ProcessError) -> String
  {
    let url = URL(fileURLWithPath: path(relativePath))
    do {
      try FileManager.default.createDirectory(
        at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(text.utf8).write(to: url)
      if executable {
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
      }
    } catch {
      throw .workspace("cannot write \(url.path): \(error.localizedDescription)")
    }
    return url.path
  }

  /// Makes an empty folder at `relativePath`.
  ///
  /// - Parameter relativePath: The folder, relative to the workspace.
  /// - Returns: Its absolute path.
  /// - Throws: `ProcessError.workspace` when it cannot be made.
  @discardableResult
  public func makeFolder(_ relativePath: String) throws(ProcessError) -> String {
    do {
      try FileManager.default.createDirectory(
        atPath: path(relativePath), withIntermediateDirectories: true)
    } catch {
      throw .workspace("cannot make \(path(relativePath)): \(error.localizedDescription)")
    }
    return path(relativePath)
  }

  /// Deletes the workspace and everything in it, whatever student code made there (see
  /// `FolderRemover`).
  ///
  /// - Returns: Whether nothing is left of it.
  @discardableResult
  public func remove() -> Bool {
    Self.live.withLock { _ = $0.roots.remove(root) }
    return FolderRemover.remove(root)
  }
}
