import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// The checker's serving mode (`checker __serve JOBS`): runs several programs at once under
/// `ProcessSupervisor`, inside the sandbox it was started in, and reports how each ended as a
/// `J` record (see `HarnessServer`).
///
/// A sandbox costs two launcher starts, about a third of a Swift harness run's CPU; a grading's
/// runs share one this way. Each program still gets its own process group, output pipe,
/// channel, key, working folder and limits, from the same supervisor as when it runs alone.
/// Descriptor 4 carries the keys, one per line: the server's own, then each job's.
public enum ProgramServer {
  /// Runs the server: never returns.
  ///
  /// - Parameter arguments: The arguments after `__serve`: the JSON list of jobs.
  /// - Returns: Never: the process exits 0 once every job is reported, 2 on bad arguments.
  public static func main(_ arguments: [String]) -> Never {
    guard let text = arguments.first,
      let specs = try? JSONDecoder().decode([HarnessServer.Spec].self, from: Data(text.utf8))
    else {
      FileHandle.standardError.write(Data("checker serve: usage: checker __serve JOBS\n".utf8))
      exit(2)
    }
    let keys = readKeys()
    let channel = Channel(key: keys.first ?? "")
    channel.send([HarnessProtocol.Record.hello.rawValue, "\(HarnessProtocol.version)", "0.0"])
    let jobs = specs.enumerated().map { index, spec in
      var job = ProcessSupervisor.Job(
        executable: spec.command.first ?? "/nonexistent",
        arguments: Array(spec.command.dropFirst()), workingDirectory: spec.folder,
        timeLimit: spec.timeLimit, opensChannel: spec.opensChannel, environment: spec.environment)
      job.outputLimit = spec.outputLimit
      job.memoryLimit = spec.memoryLimit
      if index + 1 < keys.count, !keys[index + 1].isEmpty { job.secret = keys[index + 1] }
      // As the sandbox gives a program alone: its own folder as its home and temporary folder.
      job.environment["HOME"] = spec.folder
      job.environment["TMPDIR"] = spec.folder
      return job
    }
    for (index, outcome) in ProcessSupervisor.run(jobs).enumerated() {
      guard let (kind, value) = HarnessProtocol.JobEnd.record(of: outcome.termination) else {
        continue
      }
      channel.send([
        HarnessProtocol.Record.job.rawValue, "\(index)", kind.rawValue, value,
        "\(outcome.duration)",
        "\(outcome.outputByteCount)", Data(outcome.output).base64EncodedString(),
        Data(outcome.channel).base64EncodedString(),
      ])
    }
    channel.send([HarnessProtocol.Record.done.rawValue, "0.0"])
    exit(0)
  }

  /// The keys on descriptor 4, read to its end, which is then closed.
  private static func readKeys() -> [String] {
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 4096)
    while true {
      let count = read(4, &buffer, buffer.count)
      if count > 0 {
        bytes += buffer[0..<count]
      } else if count < 0, errno == EINTR {
        continue
      } else {
        break
      }
    }
    close(4)
    return String(decoding: bytes, as: UTF8.self).split(
      separator: "\n", omittingEmptySubsequences: false
    ).map(String.init)
  }

  /// The server's channel, descriptor 3: each record ends with its sequence number and the key.
  private final class Channel {
    let key: String
    var sequence = 0

    init(key: String) {
      self.key = key
    }

    func send(_ fields: [String]) {
      var bytes = Array((fields + ["\(sequence)", key]).joined(separator: "\t").utf8) + [10]
      sequence += 1
      while !bytes.isEmpty {
        let written = write(3, bytes, bytes.count)
        if written < 0, errno == EINTR { continue }
        guard written > 0 else { return }
        bytes.removeFirst(written)
      }
    }
  }
}
