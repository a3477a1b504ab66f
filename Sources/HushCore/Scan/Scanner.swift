import Dispatch
import Foundation
import Synchronization

/// Counts of what a scan read and what it left out.
public struct ScanSummary: Sendable, Equatable {
  public var files = 0
  public var bytes = 0
  public var findings = 0
  public var skippedBinary = 0
  public var skippedTooLarge = 0
  public var skippedSpecial = 0
  public var skippedAllowlisted = 0
  /// Findings dropped because the baseline knows them.
  public var baselined = 0
  public var unreadable = 0
  public var rules = 0
  public var duration: Duration = .zero
  public init() {}
}

/// The outcome of a scan: findings in a stable order, the summary, and per-file problems
/// (never secret values).
public struct ScanResult: Sendable {
  public var findings: [Finding]
  public var summary: ScanSummary
  public var warnings: [String]
  /// Why matches were not reported (`--explain`), one line each, never a secret.
  public var explanations: [String] = []
}

/// Scans files (in parallel, on all cores) and stdin with one detector.
public struct Scanner: Sendable {
  public let detector: Detector
  public let config: HushConfig
  public let maxFileSize: Int
  /// Values of the developer's local secret files, matched verbatim (scan and staged).
  public var localSecrets: LocalSecrets?
  /// The config's allowlists on secrets, lines, stopwords and per-rule paths.
  public var allowlists: Allowlists?
  /// Record why matches are dropped (`--explain`).
  public var explains = false

  /// Per-thread detector state, recording drops when explaining.
  public func makeScratch() -> DetectorScratch { DetectorScratch(explains: explains) }

  public init(detector: Detector, config: HushConfig, maxFileSize: Int) {
    self.detector = detector
    self.config = config
    self.maxFileSize = maxFileSize
  }

  /// Scans the targets; findings are sorted by path, line, column, then rule. `onFile`, when
  /// given, also receives each file's findings as soon as it is scanned (in completion
  /// order, one call at a time), for streaming output.
  public func scan(_ targets: [ScanTarget], onFile: (@Sendable ([Finding]) -> Void)? = nil) throws -> ScanResult {
    let clock = ContinuousClock()
    let start = clock.now
    let slots = Slots<FileOutcome>(count: targets.count)
    let next = Atomic<Int>(0)
    let failure = Mutex<(any Error)?>(nil)
    let explained = Mutex<[String]>([])
    let streaming = Mutex<Void>(())
    let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, targets.count))
    DispatchQueue.concurrentPerform(iterations: workers) { _ in
      let reader = FileReader(maxFileSize: maxFileSize)
      let scratch = makeScratch()
      defer { explained.withLock { $0 += scratch.explained } }
      while true {
        let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
        guard index < targets.count else { return }
        do {
          let outcome = try scanFile(targets[index], reader: reader, scratch: scratch)
          slots[index] = outcome
          if let onFile, case .scanned(_, let found) = outcome, !found.isEmpty {
            var single = ScanResult(findings: [], summary: ScanSummary(), warnings: [])
            single.add(outcome, target: targets[index])
            streaming.withLock { _ in onFile(single.findings) }
          }
        } catch {
          failure.withLock { $0 = $0 ?? error }
          return
        }
      }
    }
    if let error = failure.withLock({ $0 }) { throw error }
    var result = ScanResult(findings: [], summary: ScanSummary(), warnings: [])
    for index in targets.indices { result.add(slots[index] ?? .skipped(.special), target: targets[index]) }
    result.explanations = (result.explanations + explained.withLock { $0 }).sorted()
    result.finish(rules: detector.rules.count, duration: clock.now - start)
    return result
  }

  /// Scans bytes read from stdin, shown as `-`.
  public func scan(standardInput bytes: [UInt8]) throws -> ScanResult {
    let clock = ContinuousClock()
    let start = clock.now
    var result = ScanResult(findings: [], summary: ScanSummary(), warnings: [])
    let outcome = try bytes.withUnsafeBufferPointer { buffer throws -> FileOutcome in
      if FileReader.isBinary(buffer) { return .skipped(.binary) }
      let scratch = makeScratch()
      defer { result.explanations = scratch.explained }
      return .scanned(bytes: buffer.count, findings: try findings(in: buffer, path: "-", scratch: scratch))
    }
    result.add(outcome, target: ScanTarget(diskPath: "-", displayPath: "-", relativePath: "-"))
    result.finish(rules: detector.rules.count, duration: clock.now - start)
    return result
  }

  /// The detector's findings in one file's bytes, plus the literal secrets of an agent config.
  func findings(in bytes: UnsafeBufferPointer<UInt8>, path: String, scratch: DetectorScratch) throws -> [Finding] {
    if explains { scratch.dropped = [] }
    var found = try detector.scan(bytes, path: path, scratch: scratch)
    defer { if explains { explain(scratch, bytes: bytes, path: path) } }
    if let localSecrets, !localSecrets.isEmpty {
      for known in localSecrets.findings(in: bytes, path: path)
      where !found.contains(where: { $0.secretRange.overlaps(known.secretRange) }) {
        found.append(known)
      }
    }
    if AgentConfig.applies(to: path) { addAgentConfigFindings(in: bytes, path: path, to: &found) }
    guard let allowlists else { return found }
    return found.filter { finding in
      guard let reason = allowlists.reason(for: finding, in: bytes, scratch: scratch.match) else { return true }
      scratch.dropped?.append(
        DroppedMatch(rule: finding.rule.id, range: finding.secretRange, reason: "allowed by \(reason)"))
      return false
    }
  }

  /// Turns the scratch's drops into `path:line:column rule: reason` lines.
  private func explain(_ scratch: DetectorScratch, bytes: UnsafeBufferPointer<UInt8>, path: String) {
    var cursor = LineIndex.Cursor(bytes)
    for drop in (scratch.dropped ?? []).sorted(by: { $0.range.lowerBound < $1.range.lowerBound }) {
      let position = cursor.position(of: drop.range.lowerBound)
      scratch.explained.append(
        "\(TextReport.printable(path)):\(position.line):\(position.column) \(drop.rule): not reported: \(drop.reason)")
    }
    scratch.dropped = []
  }

  private func addAgentConfigFindings(in bytes: UnsafeBufferPointer<UInt8>, path: String, to found: inout [Finding]) {
    // A provider rule names the secret best; the agent-config finding beats a generic one.
    for extra in AgentConfig.literalSecrets(in: bytes, path: path)
    where !found.contains(where: { !$0.rule.isGeneric && $0.secretRange.overlaps(extra.secretRange) }) {
      found.removeAll { $0.secretRange.overlaps(extra.secretRange) }
      found.append(extra)
    }
  }

  private func scanFile(_ target: ScanTarget, reader: FileReader, scratch: DetectorScratch) throws
    -> FileOutcome
  {
    if HushConfig.isOwnFile(target.relativePath) { return .skipped(.missing) }
    if config.isAllowlisted(target.relativePath) { return .skipped(.allowlisted) }
    switch reader.read(target.diskPath) {
    case .text(let bytes):
      let findings = try findings(in: bytes, path: target.relativePath, scratch: scratch)
      return .scanned(bytes: bytes.count, findings: findings)
    case .binary: return .skipped(.binary)
    case .tooLarge: return .skipped(.tooLarge)
    case .special: return .skipped(.special)
    case .missing: return .skipped(.missing)
    case .unreadable(let reason): return .unreadable(reason)
    }
  }
}

/// What happened to one file.
enum FileOutcome: Sendable {
  enum Reason: Sendable { case binary, tooLarge, special, allowlisted, missing }
  case scanned(bytes: Int, findings: [Finding])
  case skipped(Reason)
  case unreadable(String)
}

extension ScanResult {
  mutating func add(_ outcome: FileOutcome, target: ScanTarget) {
    switch outcome {
    case .scanned(let bytes, let found):
      summary.files += 1
      summary.bytes += bytes
      findings += found.map { finding in
        var finding = finding
        finding.path = target.displayPath
        if target.relativePath != target.displayPath { finding.relativePath = target.relativePath }
        return finding
      }
    case .skipped(.binary):
      summary.skippedBinary += 1
      explanations.append(
        "\(TextReport.printable(target.displayPath)): not scanned: binary (a NUL byte in its first 8 KiB)")
    case .skipped(.tooLarge):
      summary.skippedTooLarge += 1
      explanations.append("\(TextReport.printable(target.displayPath)): not scanned: larger than the maximum file size")
    case .skipped(.special): summary.skippedSpecial += 1
    case .skipped(.allowlisted):
      summary.skippedAllowlisted += 1
      explanations.append(
        "\(TextReport.printable(target.displayPath)): not scanned: allowlisted path ([allowlist] paths)")
    // Listed by git but deleted from the work tree: nothing to scan, nothing to report.
    case .skipped(.missing): break
    case .unreadable(let reason):
      summary.unreadable += 1
      warnings.append("\(target.displayPath): skipped, cannot read: \(reason)")
    }
  }

  /// Drops the findings `baseline` knows, counting and explaining them.
  public mutating func apply(_ baseline: Baseline?) {
    guard let baseline else { return }
    let kept = baseline.newFindings(findings)
    let keptIDs = Set(kept.map { "\($0.path)\u{0}\($0.line)\u{0}\($0.column)\u{0}\($0.rule.id)" })
    for finding in findings
    where !keptIDs.contains("\(finding.path)\u{0}\(finding.line)\u{0}\(finding.column)\u{0}\(finding.rule.id)") {
      explanations.append(
        "\(TextReport.printable(finding.path)):\(finding.line):\(finding.column) \(finding.rule.id): not reported: in the baseline"
      )
    }
    summary.baselined += findings.count - kept.count
    findings = kept
    summary.findings = findings.count
  }

  mutating func finish(rules: Int, duration: Duration) {
    findings.sort {
      ($0.path, $0.line, $0.column, $0.rule.id) < ($1.path, $1.line, $1.column, $1.rule.id)
    }
    summary.findings = findings.count
    summary.rules = rules
    summary.duration = duration
  }
}

/// Write-once result slots filled by concurrent workers.
// Each index is written by exactly one worker and read only after all workers have joined
// (concurrentPerform returns), so no two threads ever touch the same slot at the same time.
// A raw buffer, not an Array property: concurrent access to a class's Array would trip
// Swift's dynamic exclusivity checks even though the indices differ.
final class Slots<Element>: @unchecked Sendable {
  private let storage: UnsafeMutableBufferPointer<Element?>
  init(count: Int) {
    storage = .allocate(capacity: count)
    storage.initialize(repeating: nil)
  }
  deinit {
    storage.deinitialize()
    storage.deallocate()
  }
  subscript(index: Int) -> Element? {
    get { storage[index] }
    set { storage[index] = newValue }
  }
}
