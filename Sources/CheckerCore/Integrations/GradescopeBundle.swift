import Foundation

/// The zip a teacher uploads to Gradescope as the autograder.
///
/// Gradescope unzips it into `/autograder/source` and runs `setup.sh` from there once, then
/// `run_autograder` (copied to `/autograder`) for each submission. So the archive holds, at its
/// top: `setup.sh`, `run_autograder`, `points.json` when the teacher gave points, the checker's
/// sources as `asynccheck/` (without build output), and the running `checker` program as
/// `bin/checker`, which `setup.sh` uses when it runs there instead of building the sources.
public struct GradescopeBundle: Sendable {
  /// The asynccheck checkout the sources come from.
  public var source: URL
  /// A `--points` file to grade with, if any.
  public var points: URL?
  /// The checker program to include, if any.
  public var checker: URL?

  /// Creates a bundle description.
  public init(source: URL, points: URL? = nil, checker: URL? = nil) {
    self.source = source
    self.points = points
    self.checker = checker
  }

  /// The folders and files of the checkout the bundle carries.
  static let included = [
    "Package.swift", "README.md", "Sources", "Tests", "checker/ci/gradescope",
  ]

  /// The archive's entries.
  ///
  /// - Throws: `BundleError` when a file it needs cannot be read.
  public func entries() throws(BundleError) -> [ZipArchive.Entry] {
    let scripts = source.appendingPathComponent("checker/ci/gradescope")
    var entries = [
      try entry("setup.sh", from: scripts.appendingPathComponent("setup.sh"), permissions: 0o755),
      try entry(
        "run_autograder", from: scripts.appendingPathComponent("run_autograder"),
        permissions: 0o755),
    ]
    if let points {
      entries.append(try entry("points.json", from: points))
    }
    for path in Self.included {
      for file in files(below: source.appendingPathComponent(path)) {
        let relative = String(file.path.dropFirst(source.path.count + 1))
        let executable = FileManager.default.isExecutableFile(atPath: file.path)
        entries.append(
          try entry("asynccheck/" + relative, from: file, permissions: executable ? 0o755 : 0o644))
      }
    }
    if let checker {
      entries.append(try entry("bin/checker", from: checker, permissions: 0o755))
    }
    return entries
  }

  private func entry(_ path: String, from url: URL, permissions: UInt16 = 0o644)
    throws(BundleError) -> ZipArchive.Entry
  {
    guard let data = FileManager.default.contents(atPath: url.path) else {
      throw .unreadable(url.path)
    }
    return ZipArchive.Entry(path: path, data: data, permissions: permissions)
  }

  /// The regular files at or below `url`, sorted, without hidden files or build output.
  private func files(below url: URL) -> [URL] {
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) else {
      return []
    }
    guard isFolder.boolValue else { return [url] }
    var found: [URL] = []
    let enumerator = FileManager.default.enumerator(
      at: url, includingPropertiesForKeys: [.isRegularFileKey, .isSymbolicLinkKey],
      options: [.skipsHiddenFiles])
    while let file = enumerator?.nextObject() as? URL {
      let target = file.resolvingSymlinksInPath()
      var targetIsFolder: ObjCBool = false
      if file.lastPathComponent.hasPrefix(".build") {
        enumerator?.skipDescendants()
      } else if (try? file.resourceValues(forKeys: [.isSymbolicLinkKey]).isSymbolicLink) == true,
        FileManager.default.fileExists(atPath: target.path, isDirectory: &targetIsFolder),
        targetIsFolder.boolValue
      {
        // A link to a folder (the reference sources the checker embeds): its files, stored
        // under the link's name, as the package builds them.
        let base = target.standardizedFileURL.path
        for inside in files(below: target) {
          found.append(
            file.standardizedFileURL.appendingPathComponent(
              String(inside.standardizedFileURL.path.dropFirst(base.count + 1))))
        }
      } else if (try? file.resolvingSymlinksInPath().resourceValues(forKeys: [.isRegularFileKey])
        .isRegularFile) == true
      {
        // A file, or a link to one (the reference sources the checker embeds), stored as the
        // file it leads to.
        found.append(file.standardizedFileURL)
      }
    }
    return found.sorted { $0.path < $1.path }
  }

  /// The asynccheck checkout that holds `start`, or one of its ancestors: the folder with the
  /// package named `asynccheck`.
  ///
  /// - Parameter start: A folder or file to search from (the running program, the current
  ///   folder).
  /// - Returns: The checkout, or `nil`.
  public static func checkout(containing start: URL) -> URL? {
    var folder = start.standardizedFileURL.resolvingSymlinksInPath()
    while folder.path != "/" {
      let manifest = folder.appendingPathComponent("Package.swift")
      if let text = try? String(contentsOf: manifest, encoding: .utf8),
        text.contains("name: \"asynccheck\"")
      {
        return folder
      }
      folder = folder.deletingLastPathComponent()
    }
    return nil
  }
}

/// Why a bundle could not be made.
public enum BundleError: Error, Equatable, LocalizedError {
  /// A file the bundle needs cannot be read.
  case unreadable(String)
  /// The checker program could not be built; the message says why.
  case buildFailed(String)

  /// A message for the teacher.
  public var errorDescription: String? {
    switch self {
    case .unreadable(let path): "cannot read \(path)"
    case .buildFailed(let reason):
      "cannot build the checker program to bundle (or give one with --program FILE, or "
        + "--no-program to bundle the sources alone): \(reason)"
    }
  }
}
