// The `checker` executable: parses nothing itself, prints what `CheckerCommand` returns and exits
// with its status.
import CheckerCore
import Foundation

// The launcher mode that runs a student process in a sandbox (see `SandboxLauncher`).
if CommandLine.arguments.count > 1, CommandLine.arguments[1] == "__sandbox" {
  SandboxLauncher.main(Array(CommandLine.arguments.dropFirst(2)))
}

let output = CheckerCommand.run(
  arguments: Array(CommandLine.arguments.dropFirst()),
  environment: ProcessInfo.processInfo.environment,
  isTerminal: isatty(STDOUT_FILENO) == 1)
FileHandle.standardOutput.write(Data(output.standardOutput.utf8))
FileHandle.standardError.write(Data(output.standardError.utf8))
exit(output.status)
