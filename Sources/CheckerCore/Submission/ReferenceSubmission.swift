/// The reference implementation of every task, as a submission.
///
/// It is what `checker` grades when it is given no path. Its sources are the `AsyncBasics` target's, embedded at build time.
public enum ReferenceSubmission {
  /// The path reports show for it.
  public static let displayPath = "(bundled reference)"

  /// The reference sources, compiled in Swift 6 mode.
  public static var submission: Submission {
    let files: [(String, [UInt8])] = [
      ("WaitRandom.swift", PackageResources.WaitRandom_swift),
      ("WaitN.swift", PackageResources.WaitN_swift),
      ("MeasureTime.swift", PackageResources.MeasureTime_swift),
      ("TaskWaitRandom.swift", PackageResources.TaskWaitRandom_swift),
      ("TaskWaitN.swift", PackageResources.TaskWaitN_swift),
      ("Duration+Seconds.swift", PackageResources.Duration_Seconds_swift),
      ("ReferenceClock.swift", PackageResources.ReferenceClock_swift),
    ]
    return Submission(
      displayPath: displayPath, origin: .reference, languageMode: 6,
      files: files.map {
        SourceFile(
          relativePath: "Sources/AsyncBasics/\($0.0)", text: String(decoding: $0.1, as: UTF8.self))
      })
  }
}
