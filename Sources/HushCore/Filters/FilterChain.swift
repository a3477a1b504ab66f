/// The one place that decides which of the detectors' findings are reported, in this order:
///
/// 1. an inline marker on the secret's line (`hush:allow [RULE-ID]`, and the markers of the
///    tools people migrate from);
/// 2. the config's allowlists: the global one, then the rule's own;
/// 3. in a staged scan, whether the finding touches a line the commit adds;
/// 4. once a finding's path is final (after attribution, in history): a `.gitleaksignore`
///    entry, then the baseline.
///
/// Steps 1–3 see the scanned bytes (`filter(_:in:addedLines:scratch:)`); step 4 sees whole
/// results (`baselineDrops(_:)`). Every drop carries its `DropReason`.
public struct FilterChain: Sendable {
  /// The config's allowlists on secrets, lines, stopwords and per-rule paths.
  public var allowlists: Allowlists?
  /// Findings already known, reported no more.
  public var baseline: Baseline?
  /// gitleaks' ignore file, for teams that come from gitleaks.
  public var gitleaksIgnore: GitleaksIgnore?

  /// A chain with these filters; without any, only inline markers apply.
  public init(allowlists: Allowlists? = nil, baseline: Baseline? = nil) {
    self.allowlists = allowlists
    self.baseline = baseline
  }

  /// Steps 1–3 on the findings of one buffer. `isAdded`, when given, tells whether a range
  /// of line numbers touches a line the commit adds. Drops go to `scratch.dropped`.
  func filter(
    _ findings: [Finding], in bytes: UnsafeBufferPointer<UInt8>,
    isAdded: ((ClosedRange<Int>) -> Bool)? = nil, scratch: DetectorScratch
  ) -> [Finding] {
    findings.filter { finding in
      guard let reason = dropReason(for: finding, in: bytes, isAdded: isAdded, scratch: scratch) else { return true }
      scratch.dropped?.append(DroppedMatch(rule: finding.rule.id, range: finding.secretRange, reason: reason))
      return false
    }
  }

  private func dropReason(
    for finding: Finding, in bytes: UnsafeBufferPointer<UInt8>, isAdded: ((ClosedRange<Int>) -> Bool)?,
    scratch: DetectorScratch
  ) -> DropReason? {
    if !finding.isWholeFile, InlineIgnore.isAllowed(bytes, around: finding.secretRange, rule: finding.rule.id) {
      return .inlineMarker
    }
    if let entry = allowlists?.reason(for: finding, in: bytes, scratch: scratch.match) { return .allowlisted(entry) }
    if let isAdded, !isAdded(finding.line...finding.endLine) { return .notAddedLine }
    return nil
  }

  /// Step 4: `findings` split into those reported and those the ignore file or the baseline
  /// knows, each with its reason.
  public func applyBaseline(to findings: [Finding]) -> (kept: [Finding], known: [(Finding, DropReason)]) {
    var candidates = findings
    var known: [(Finding, DropReason)] = []
    if let gitleaksIgnore {
      candidates = findings.filter { finding in
        guard gitleaksIgnore.allows(finding) else { return true }
        known.append((finding, .ignoreFile(gitleaksIgnore.file)))
        return false
      }
    }
    guard let baseline else { return (candidates, known) }
    let kept = baseline.newFindings(candidates)
    guard kept.count < candidates.count else { return (kept, known) }
    let keptPlaces = Set(kept.map(Self.place))
    known += candidates.filter { !keptPlaces.contains(Self.place($0)) }.map { ($0, .baselined) }
    return (kept, known)
  }

  private static func place(_ finding: Finding) -> String {
    "\(finding.path)\u{0}\(finding.line)\u{0}\(finding.column)\u{0}\(finding.rule.id)"
  }
}
