/// Turns what the harness wrote on its channel into evidence.
///
/// The records are those of `HarnessProtocol`. Records that do not end with their sequence
/// number and the channel's key (see `ChannelKey`) are counted as forged and not read; records
/// that cannot be read, or that name another protocol version, are counted as malformed.
public enum HarnessReader {
  /// The finding of a run whose report channel the submission took over, as it ended.
  static func channelFinding(_ interruption: Interruption) -> HarnessFinding {
    HarnessFinding(
      kind: HarnessFinding.channelKind,
      detail: interruption == .exited(status: HarnessProtocol.channelTakenOverStatus)
        ? "the report channel (descriptor 3) was replaced, and the harness ended the run"
        : "a system call moved another file onto the report channel (descriptor 3), and the "
          + "channel guard stopped the process")
  }

  /// Reads what a harness process wrote on its channel.
  ///
  /// - Parameters:
  ///   - taskID: The task the process ran.
  ///   - calls: The calls it was asked to make.
  ///   - outcome: How it ended, and what it wrote.
  ///   - instrumented: Whether sleeps were recorded.
  ///   - key: The key the harness was given, or `nil` for records without sequence and key.
  /// - Returns: The evidence for the judge.
  public static func evidence(
    taskID: Int, calls: [PlannedCall], outcome: ProcessSupervisor.Outcome, instrumented: Bool,
    key: ChannelKey? = nil
  ) -> TaskEvidence {
    var records = calls.map { TaskEvidence.Call(plan: $0) }
    let index = Dictionary(uniqueKeysWithValues: calls.enumerated().map { ($1.id, $0) })
    var evidence = TaskEvidence(taskID: taskID, calls: [], isInstrumented: instrumented)
    var done = false
    var otherVersion: Substring?
    var control: [(start: Double, end: Double, requested: Double)] = []
    let text = String(decoding: outcome.channel, as: UTF8.self)
    let lines: [[Substring]]
    if let key {
      (lines, evidence.forgedLines) = key.authenticate(text)
    } else {
      lines = text.split(separator: "\n").map {
        $0.split(separator: "\t", omittingEmptySubsequences: false)
      }
    }
    for fields in lines {
      func number(_ position: Int) -> Double? {
        position < fields.count ? Double(fields[position]) : nil
      }
      func call(_ position: Int) -> Int? {
        position < fields.count ? Int(fields[position]).flatMap { index[$0] } : nil
      }
      switch fields.first.flatMap({ HarnessProtocol.Record(rawValue: String($0)) }) {
      case .hello?:
        guard fields.count == 3 || fields.count == 4 else { break }
        if Int(fields[1]) != HarnessProtocol.version { otherVersion = fields[1] }
        evidence.harnessProcesses += 1
        if fields.count == 4, fields[3] == "1" { evidence.guardedProcesses += 1 }
        continue
      case .started?:
        guard let slot = call(1), let time = number(2) else { break }
        records[slot].started = time
        continue
      case .returned?:
        guard let slot = call(1), let time = number(2) else { break }
        records[slot].returned = time
        records[slot].returnedTask = fields.count < 4 || fields[3] != "0"
        continue
      case .raised?:
        // An error ends its own call (id -1: every call, as when an import fails).
        guard fields.count >= 3, let id = Int(fields[1]) else { break }
        let raised = Interruption.raised(String(fields[2]))
        if let slot = index[id] {
          records[slot].interruption = raised
        } else if id == -1 {
          for slot in records.indices where records[slot].values == nil {
            records[slot].interruption = raised
          }
        } else {
          break
        }
        continue
      case .ended?:
        guard let slot = call(1), let time = number(2), fields.count == 4 else { break }
        // A call ends once: a second end, with the key, came from code that reached the
        // harness's writer (a later one would win).
        guard records[slot].ended == nil else {
          evidence.forgedLines += 1
          continue
        }
        let values = fields[3].split(separator: ",").compactMap { Double($0) }
        records[slot].ended = time
        records[slot].values = values
        continue
      case .waitRandom?:
        guard fields.count == 5 || fields.count == 6, let context = Int(fields[1]),
          let start = number(2), let end = number(3), let value = number(4)
        else { break }
        evidence.sleeps.append(
          .init(
            context: context, start: start, end: end, value: value,
            maxDelayArgument: fields.count == 6
              ? HarnessProtocol.MaxDelayArgument(field: fields[5]) : nil))
        continue
      case .taskWaitRandom?:
        guard let context = Int(fields.count > 1 ? fields[1] : "") else { break }
        evidence.spawnContexts.append(context)
        continue
      case .waitN?:
        guard fields.count == 6, let context = Int(fields[1]), let start = number(2),
          let end = number(3), let n = Int(fields[4]), let maxDelay = Int(fields[5])
        else { break }
        evidence.waitNCalls.append(
          .init(context: context, start: start, end: end, n: n, maxDelay: maxDelay))
        continue
      case .control?:
        guard fields.count == 4, let start = number(1), let end = number(2),
          let requested = number(3), end >= start, requested >= 0
        else { break }
        control.append((start, end, requested))
        continue
      case .done?:
        done = true
        continue
      case .audit?:
        guard let finding = HarnessFinding(fields) else { break }
        if finding.kind == HarnessFinding.channelKind {
          evidence.tookOverChannel = true
        } else if finding.isForgery {
          evidence.forgedLines += 1
        }
        evidence.harnessFindings.append(finding.description)
        continue
      case .probe?, .facts?, .job?, nil:
        break
      }
      evidence.malformedLines += 1
    }
    var interruption: Interruption? =
      done && outcome.termination == .exited(0) ? nil : Interruption(outcome.termination)
    // The channel guard killed the process, or the harness ended it on finding its channel
    // changed: the submission took the channel over, and the run is void (the Python harness
    // may have said so itself, an `A channel` record).
    if let interruption, interruption.tookOverChannel, !evidence.tookOverChannel {
      evidence.tookOverChannel = true
      evidence.harnessFindings.append(Self.channelFinding(interruption).description)
    }
    if let otherVersion {
      // A harness of another checker (a stale cache): nothing it said can be trusted to mean
      // what this reader reads, so no call counts as having returned.
      interruption = .raised(
        "the harness speaks protocol version \(otherVersion), this checker reads version "
          + "\(HarnessProtocol.version): the checker's harness cache is stale")
      evidence.malformedLines += 1
      for slot in records.indices {
        records[slot].values = nil
        records[slot].ended = nil
        records[slot].interruption = nil
      }
    }
    if let interruption {
      for slot in records.indices
      where records[slot].ended == nil && records[slot].interruption == nil {
        records[slot].interruption = interruption
      }
    }
    // The machine's lateness while each call ran: the latest of the control's sleeps that
    // overlapped it. Times of one process only: each process has its own origin.
    for slot in records.indices {
      guard let started = records[slot].started,
        let ended = records[slot].ended ?? records[slot].returned
      else { continue }
      records[slot].machineLateness =
        control
        .filter { $0.end > started && $0.start < ended }
        .map { max(0, $0.end - $0.start - $0.requested) }.max()
    }
    evidence.calls = records
    evidence.interruption = interruption
    if let interruption, interruption.endsEveryCall { evidence.crashes = [interruption] }
    evidence.printed = String(decoding: outcome.output, as: UTF8.self)
    evidence.printedByteCount = outcome.outputByteCount
    return evidence
  }
}
