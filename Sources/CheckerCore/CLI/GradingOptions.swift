/// The options every grading command takes: the seed, the points, the language.
///
/// `checker` and `checker grade-all` share this one group, parsed and validated in one place,
/// as an argument-parser `@OptionGroup`.
public struct GradingOptions: Sendable, Equatable {
  /// The seed the inputs are drawn from, when given.
  public var seed: UInt64?
  /// The `--points` file, when given.
  public var pointsPath: String?
  /// The submissions' language, when given (else detected).
  public var language: Language?
  /// How checks turn into points: read from `pointsPath` by `validate()`.
  public var scoring: Scoring = .perCheck

  /// No option given.
  public init() {}

  /// The help lines of these options, for every grading command's help.
  static let help = """
      --seed N              Draw the inputs from seed N (every report prints its seed).
      --points FILE         The grading policy: points per task, such as
                            {"0": 2, "1": 3, "2": 1, "3": 1, "4": 3}, or with the share of
                            each task's points its requirement checks (comments, style) are
                            worth: {"tasks": {"0": 2, …}, "requirements": 0.2} (0: they count
                            for nothing). Default: one point per check. Every format shows
                            the same score.
      --language swift|python
                            The submission's language (default: Python when the folder
                            holds \(Exercise.pythonFiles), else Swift).
    """

  /// Reads `option` when it is one of this group's.
  ///
  /// - Returns: Whether it was.
  mutating func read(_ option: String, from reader: inout ArgumentReader) throws(UsageError)
    -> Bool
  {
    switch option {
    case "--seed": seed = try reader.value(of: option)
    case "--points": pointsPath = try reader.value(of: option)
    case "--language": language = try reader.value(of: option)
    default: return false
    }
    return true
  }

  /// Reads the points file.
  ///
  /// - Throws: `UsageError` with the `ScoringError`'s sentence, naming the file and what is
  ///   wrong with it.
  mutating func validate() throws(UsageError) {
    guard let pointsPath else { return }
    do {
      scoring = try Scoring.load(path: pointsPath)
    } catch {
      throw .conflict(error.localizedDescription)
    }
  }

  /// A new seed, for a grading that was given none: small enough to type back.
  static func newSeed() -> UInt64 { .random(in: 1...99_999) }
}
