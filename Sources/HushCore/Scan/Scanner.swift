import Dispatch
import Synchronization

/// Scans files (in parallel, on all cores) and stdin: the detectors find, the filter chain
/// decides what is reported.
public struct Scanner: Sendable {
  let detector: Detector
  let config: HushConfig
  let maxFileSize: Int
  /// Files larger than this are scanned in chunks, unless `max-file-size` says otherwise.
  public static let defaultMaxFileSize = 10 << 20
  /// Values of the developer's local secret files, matched verbatim (scan and staged).
  public var localSecrets: LocalSecrets?
  /// Inline markers, allowlists, added lines and the baseline, in their one order.
  public var filters = FilterChain()
  /// The config and baseline in use, never scanned themselves.
  public var ownFiles = OwnFiles()
  /// Record why matches are dropped (`--explain`).
  public var explains = false

  /// Per-thread detector state, recording drops when explaining.
  public func makeScratch() -> DetectorScratch { DetectorScratch(explains: explains) }

  /// A scanner running `detector`'s rules under `config`, reading files up to `maxFileSize`.
  public init(detector: Detector, config: HushConfig, maxFileSize: Int) {
    self.detector = detector
    self.config = config
    self.maxFileSize = maxFileSize
  }

  /// Scans the targets; findings are sorted by path, line, column, then rule, and those the
  /// baseline knows are dropped. `onFile`, when given, also receives each file's reported
  /// findings as soon as it is scanned (in completion order, one call at a time), for
  /// streaming output.
  public func scan(_ targets: [ScanTarget], onFile: (@Sendable ([Finding]) -> Void)? = nil) throws -> ScanResult {
    let clock = ContinuousClock()
    let start = clock.now
    let slots = Slots<FileOutcome>(count: targets.count)
    let next = Atomic<Int>(0)
    let failure = Mutex<(any Error)?>(nil)
    let explained = Mutex<[Explanation]>([])
    let incomplete = Mutex<[Explanation]>([])
    let streaming = Mutex<Void>(())
    let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, targets.count))
    DispatchQueue.concurrentPerform(iterations: workers) { _ in
      let reader = FileReader(maxFileSize: maxFileSize)
      let scratch = makeScratch()
      defer {
        explained.withLock { $0 += scratch.explained }
        incomplete.withLock { $0 += scratch.incomplete }
      }
      while true {
        let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
        guard index < targets.count else { return }
        do {
          let outcome = try scanFile(targets[index], reader: reader, scratch: scratch)
          slots[index] = outcome
          if let onFile, case .scanned(_, let found) = outcome, !found.isEmpty {
            streaming.withLock { _ in onFile(streamed(outcome, target: targets[index])) }
          }
        } catch {
          failure.withLock { $0 = $0 ?? error }
          return
        }
      }
    }
    if let error = failure.withLock({ $0 }) { throw error }
    var result = ScanResult()
    for index in targets.indices { result.add(slots[index] ?? .skipped(.notRegularFile), target: targets[index]) }
    result.explanations += explained.withLock { $0 }
    result.incomplete += incomplete.withLock { $0 }
    result.finish(rules: detector.rules.count, duration: clock.now - start)
    result.applyBaseline(of: filters)
    return result
  }

  /// One file's findings as they will be reported: with their final paths, baseline applied.
  private func streamed(_ outcome: FileOutcome, target: ScanTarget) -> [Finding] {
    var single = ScanResult()
    single.add(outcome, target: target)
    return filters.applyBaseline(to: single.findings).kept
  }

  /// Scans bytes read from stdin, shown as `-`, or as `path` when they are a file's content
  /// (what an agent is about to write), so that path-scoped rules and checks apply.
  public func scan(standardInput bytes: [UInt8], path: String = "-") throws -> ScanResult {
    let clock = ContinuousClock()
    let start = clock.now
    var result = ScanResult()
    let scratch = makeScratch()
    let text = bytes.withUnsafeBufferPointer { TextEncoding.utf8(fromMarked: $0) } ?? bytes
    let outcome = try text.withUnsafeBufferPointer { buffer throws -> FileOutcome in
      if FileReader.isBinary(buffer) { return .skipped(.binary) }
      return .scanned(bytes: buffer.count, findings: try findings(in: buffer, path: path, scratch: scratch))
    }
    result.add(outcome, target: ScanTarget(diskPath: path, displayPath: path, relativePath: path))
    result.explanations += scratch.explained
    result.incomplete += scratch.incomplete
    result.finish(rules: detector.rules.count, duration: clock.now - start)
    result.applyBaseline(of: filters)
    return result
  }

  /// What is reported of one buffer: every detector's findings, through the filter chain's
  /// per-buffer steps. `isAdded` limits them to lines a commit adds (staged scans).
  /// `linesBefore`: lines of the whole text before `bytes`, a part of it (a chunk), so that
  /// what is explained or left incomplete is placed in the whole text; findings stay where the
  /// part has them, for the caller to move.
  func findings(
    in bytes: UnsafeBufferPointer<UInt8>, path: String, scratch: DetectorScratch,
    isAdded: ((ClosedRange<Int>) -> Bool)? = nil, linesBefore: Int = 0
  ) throws -> [Finding] {
    if explains { scratch.dropped = [] }
    defer { if explains { explain(scratch, bytes: bytes, path: path, linesBefore: linesBefore) } }
    defer { placeAbandoned(scratch, bytes: bytes, path: path, linesBefore: linesBefore) }
    // `--explain` looks at every line, to say of a secret on an unchanged line why it is not
    // reported; otherwise only added lines are searched.
    let found = try detect(in: bytes, path: path, scratch: scratch, isAdded: explains ? nil : isAdded)
    return filters.filter(found, in: bytes, isAdded: isAdded, scratch: scratch)
  }

  /// Whether a file at `path` is read as a whole document (an agent's config, whose literal
  /// secrets are found by parsing it), so that a part of it would not do.
  func readsWhole(_ path: String) -> Bool {
    AgentConfigs.file(for: path, extra: config.agentConfigs) != nil
  }

  /// The detectors: the rules, the developer's local secret values, and the literal secrets
  /// of an agent config. One finding per secret: a provider rule names it best, the
  /// agent-config check beats a generic rule, a local value adds only what nothing else found.
  private func detect(
    in bytes: UnsafeBufferPointer<UInt8>, path: String, scratch: DetectorScratch,
    isAdded: ((ClosedRange<Int>) -> Bool)?
  ) throws -> [Finding] {
    var found = try detector.scan(bytes, path: path, scratch: scratch, isAdded: isAdded)
    if let localSecrets, !localSecrets.isEmpty {
      for known in localSecrets.findings(in: bytes, path: path)
      where !found.contains(where: { $0.secretRange.overlaps(known.secretRange) }) {
        found.append(known)
      }
    }
    guard let agentConfig = AgentConfigs.file(for: path, extra: config.agentConfigs) else { return found }
    for extra in AgentConfig.literalSecrets(in: bytes, path: path, file: agentConfig)
    where !found.contains(where: { !$0.rule.isGeneric && $0.secretRange.overlaps(extra.secretRange) }) {
      found.removeAll { $0.secretRange.overlaps(extra.secretRange) }
      found.append(extra)
    }
    return found
  }

  /// Places the scratch's drops (line and column, never the secret).
  private func explain(_ scratch: DetectorScratch, bytes: UnsafeBufferPointer<UInt8>, path: String, linesBefore: Int) {
    var cursor = LineIndex.Cursor(bytes)
    for drop in (scratch.dropped ?? []).sorted(by: { $0.range.lowerBound < $1.range.lowerBound }) {
      let position = cursor.position(of: drop.range.lowerBound)
      scratch.explained.append(
        Explanation(
          path: path, line: position.line + linesBefore, column: position.column, rule: drop.rule, reason: drop.reason))
    }
    scratch.dropped = []
  }

  private func scanInChunks(_ target: ScanTarget, reader: FileReader, scratch: DetectorScratch) throws -> FileOutcome {
    guard let file = reader.chunks(of: target.diskPath) else { return .skipped(.unreadable(Posix.lastError)) }
    let scanned = try ChunkedScan(limit: maxFileSize).findings(fill: file.read(into:)) { chunk, linesBefore in
      try findings(in: chunk, path: target.relativePath, scratch: scratch, linesBefore: linesBefore)
    }
    guard let scanned else { return .skipped(.binary) }
    return .scanned(bytes: scanned.bytes, findings: scanned.findings)
  }

  /// Places the windows a regex abandoned at PCRE2's match limit: each one is a part of the
  /// file that was not searched for that rule, warned about, and fails a hook.
  private func placeAbandoned(
    _ scratch: DetectorScratch, bytes: UnsafeBufferPointer<UInt8>, path: String, linesBefore: Int
  ) {
    guard !scratch.abandoned.isEmpty else { return }
    var cursor = LineIndex.Cursor(bytes)
    for window in scratch.abandoned.sorted(by: { $0.range.lowerBound < $1.range.lowerBound }) {
      let position = cursor.position(of: window.range.lowerBound)
      scratch.incomplete.append(
        Explanation(
          path: path, line: position.line + linesBefore, column: position.column, rule: window.rule,
          reason: .matchLimit))
    }
    scratch.abandoned = []
  }

  private func scanFile(_ target: ScanTarget, reader: FileReader, scratch: DetectorScratch) throws -> FileOutcome {
    if ownFiles.contains(diskPath: target.diskPath) { return .ignored }
    if config.isAllowlisted(target.relativePath) { return .skipped(.allowlistedPath) }
    switch reader.read(target.diskPath, followsLinks: target.isExplicit) {
    case .text(let bytes):
      let findings = try findings(in: bytes, path: target.relativePath, scratch: scratch)
      return .scanned(bytes: bytes.count, findings: findings)
    case .binary: return .skipped(.binary)
    case .tooLarge:
      // A file the user named is always scanned: in chunks, so memory stays bounded.
      guard target.isExplicit else { return .skipped(.tooLarge) }
      return try scanInChunks(target, reader: reader, scratch: scratch)
    case .directory: return .skipped(target.isExplicit ? .notRegularFile : .nestedRepository)
    case .special: return .skipped(.notRegularFile)
    case .missing: return .ignored
    case .unreadable(let reason): return .skipped(.unreadable(reason))
    }
  }
}
