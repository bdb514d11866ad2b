/// Reads a command line the way every checker command takes it.
///
/// Options are `--name value` or `--name=value`; a value given apart may not start with `--`
/// (`--seed --task` is a missing value, not a seed). Flags take no value: `--force=no` is an
/// error, not a flag. Anything else is positional, `-` (standard input) included, and so is
/// everything after `--`. A command reads its options one by one with `nextOption()`; the
/// positional arguments are collected on the way, in `positionals`.
struct ArgumentReader {
  /// The command, for messages: `checker` or `checker grade-all`.
  let command: String
  /// The positional arguments read so far, in order.
  private(set) var positionals: [String] = []
  private var remaining: ArraySlice<String>
  private var inlineValue: String?
  private var isAfterTerminator = false

  /// A reader of `arguments`, the words after the command's name.
  init(_ arguments: [String], command: String) {
    self.remaining = arguments[...]
    self.command = command
  }

  /// The name of the next option or flag (`--seed`, `-o`), or `nil` at the end; positional
  /// arguments before it go to `positionals`.
  mutating func nextOption() -> String? {
    inlineValue = nil
    while let argument = remaining.popFirst() {
      if isAfterTerminator || argument == "-" || !argument.hasPrefix("-") {
        positionals.append(argument)
      } else if argument == "--" {
        isAfterTerminator = true
      } else if argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") {
        inlineValue = String(argument[argument.index(after: equals)...])
        return String(argument[..<equals])
      } else {
        return argument
      }
    }
    return nil
  }

  /// The value of `option`, just read.
  mutating func value(of option: String) throws(UsageError) -> String {
    if let inlineValue {
      self.inlineValue = nil
      return inlineValue
    }
    guard let next = remaining.first, !next.hasPrefix("--") else {
      throw .missingValue(option: option, command: command)
    }
    remaining.removeFirst()
    return next
  }

  /// The value of `option`, just read, as the type it takes.
  mutating func value<Value: ArgumentValue>(of option: String, as type: Value.Type = Value.self)
    throws(UsageError) -> Value
  {
    let text = try value(of: option)
    guard let value = Value(argument: text) else {
      throw .invalidValue(option: option, value: text, expected: Value.expectedValue)
    }
    return value
  }

  /// Reads `option`, just read, as a flag: one that takes no value.
  ///
  /// - Throws: `UsageError.invalidValue` when it was given one (`--force=no`).
  mutating func flag(_ option: String) throws(UsageError) {
    if let inlineValue {
      self.inlineValue = nil
      throw .invalidValue(option: option, value: inlineValue, expected: "no value (it is a flag)")
    }
  }

  /// Whether `arguments` ask for the version: `--version` anywhere before `--`.
  static func asksForVersion(_ arguments: [String]) -> Bool {
    arguments.prefix { $0 != "--" }.contains("--version")
  }

  /// The error for an option this command does not take.
  func unknown(_ option: String) -> UsageError {
    .unknownOption(option, command: command)
  }

  /// Whether `arguments` ask for help: `-h` or `--help` anywhere, which wins over any mistake
  /// in the rest, as in swift-argument-parser.
  static func asksForHelp(_ arguments: [String]) -> Bool {
    let options = arguments.prefix { $0 != "--" }
    return options.contains("-h") || options.contains("--help")
  }
}
