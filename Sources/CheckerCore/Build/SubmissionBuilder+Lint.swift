import Foundation

// swift format lint, run beside the compile on the sources as the student wrote them.
extension SubmissionBuilder {
  /// A `swift format lint` run over the sources as the student wrote them, with the
  /// submission's own `.swift-format` when it has one; no job, and the reason, when the
  /// toolchain has no `swift format`.
  func lintJob(_ submission: Submission) throws(BuildError) -> SwiftFormatLint {
    let folder = "lint/src/"
    var paths: [String] = []
    for file in submission.files {
      // `// swift-format-ignore-file` (or `-ignore` before a declaration) would switch the
      // check off where the student says: the directive is renamed, the lines stay.
      let text = (file.original ?? file.text).replacingOccurrences(
        of: "swift-format-ignore", with: "swift-format-ignore-not-honoured")
      paths.append(try BuildError.preparing(workspace.write(text, to: folder + file.relativePath)))
    }
    // swift format skips a file it cannot read without a word: a file it must complain about
    // (a syntax error, whatever the configuration) proves that it read the folder.
    paths.append(
      try BuildError.preparing(workspace.write("func (\n", to: folder + SwiftFormatLint.sentinel)))
    guard let beside = toolchain.swiftFormat() else {
      return SwiftFormatLint(
        job: nil, prefix: "", configuration: "",
        unavailable: "swift-format is neither beside \(toolchain.swiftc) nor on the PATH")
    }
    // A `.swift-format` the student left unreadable fails the check: were it dropped, an
    // unreadable file would be a way out of the style check.
    if let problem = submission.formatConfigurationProblem {
      return SwiftFormatLint(
        job: nil, prefix: "", configuration: "your .swift-format", refused: problem)
    }
    // Always an explicit configuration: swift format would otherwise take the first
    // `.swift-format` above the files, wherever the temporary folder is.
    var configuration = "your .swift-format (its layout; the toolchain's rules)"
    let defaults = Self.defaultFormatConfiguration(beside)
    var text = submission.formatConfiguration.map {
      Self.withDefaultRules($0, from: defaults) ?? $0
    }
    if text == nil {
      configuration = "the toolchain's default configuration"
      text = defaults
    }
    guard let text else {
      return SwiftFormatLint(
        job: nil, prefix: "", configuration: "",
        unavailable: "swift format did not say its default configuration")
    }
    let arguments = [
      "lint", "--configuration",
      try BuildError.preparing(workspace.write(text, to: "lint/.swift-format")),
    ]
    let job = try contained(
      ProcessSupervisor.Job(
        executable: beside, arguments: arguments + paths,
        workingDirectory: try BuildError.preparing(workspace.makeFolder("lint/scratch")),
        timeLimit: 60),
      reading: [workspace.path("lint/src"), workspace.path("lint/.swift-format")])
    return SwiftFormatLint(
      job: job, prefix: workspace.path(folder),
      files: submission.files.map(\.relativePath) + [SwiftFormatLint.sentinel],
      configuration: configuration,
      isSubmissionsConfiguration: submission.formatConfiguration != nil)
  }

  /// A student's `.swift-format` with the rules of `defaults` in place of its own: its layout
  /// (indentation, line length) is the student's to choose, which rules apply is not (a
  /// configuration that turns every rule off would pass any code).
  ///
  /// - Parameters:
  ///   - configuration: The student's configuration.
  ///   - defaults: The toolchain's default configuration, if known.
  /// - Returns: The merged configuration; `nil` when either is not a JSON object (the student's
  ///   is then used as it is, and swift format says what is wrong with it).
  static func withDefaultRules(_ configuration: String, from defaults: String?) -> String? {
    guard let defaults,
      var own = try? JSONSerialization.jsonObject(with: Data(configuration.utf8))
        as? [String: Any],
      let standard = try? JSONSerialization.jsonObject(with: Data(defaults.utf8))
        as? [String: Any]
    else { return nil }
    own["rules"] = standard["rules"]
    guard let data = try? JSONSerialization.data(withJSONObject: own, options: [.sortedKeys])
    else { return nil }
    return String(decoding: data, as: UTF8.self)
  }

  /// `swift format dump-configuration`, asked once per program.
  private static func defaultFormatConfiguration(_ swiftFormat: String) -> String? {
    formatDefaults.value(for: swiftFormat) { Toolchain.output(of: $0, ["dump-configuration"]) }
  }

  /// `swift format`'s default configuration, by program (`nil`: it could not say).
  private static let formatDefaults = ComputedOnce<String, String?>()
}
