// The `checker` executable: parses nothing itself; prints what `CheckerCommand` returns, adds
// its summary to GitHub's step summary, and exits with its status. The only code that writes
// to the standard streams.
import CheckerCore
import Foundation

// The launcher mode that runs a student process in a sandbox (see `SandboxLauncher`).
if CommandLine.arguments.count > 1, CommandLine.arguments[1] == "__sandbox" {
  SandboxLauncher.main(Array(CommandLine.arguments.dropFirst(2)))
}
// The serving mode that runs a grading's harness processes in one sandbox (see `ProgramServer`).
if CommandLine.arguments.count > 1, CommandLine.arguments[1] == "__serve" {
  ProgramServer.main(Array(CommandLine.arguments.dropFirst(2)))
}

// Stopped by a signal, the checker removes its workspaces first.
SignalCleanup.install()
let environment = ProcessInfo.processInfo.environment
let output = CheckerCommand.run(
  arguments: Array(CommandLine.arguments.dropFirst()),
  context: CommandContext(
    environment: environment,
    isOutputTerminal: isatty(STDOUT_FILENO) == 1, isErrorTerminal: isatty(STDERR_FILENO) == 1,
    executable: CommandContext.runningChecker(),
    progress: { FileHandle.standardError.write(Data($0.utf8)) }))
if let summary = output.stepSummary, let path = environment["GITHUB_STEP_SUMMARY"], !path.isEmpty {
  if let handle = FileHandle(forWritingAtPath: path) {
    handle.seekToEndOfFile()
    handle.write(Data(summary.utf8))
    handle.closeFile()
  } else {
    _ = FileManager.default.createFile(atPath: path, contents: Data(summary.utf8))
  }
}
FileHandle.standardOutput.write(Data(output.standardOutput.utf8))
FileHandle.standardError.write(Data(output.standardError.utf8))
exit(output.status.rawValue)
