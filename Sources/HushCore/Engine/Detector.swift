/// How the detector runs; the defaults are what users get, the rest exists for tests.
public struct DetectorOptions: Sendable {
  /// JIT-compile regexes (the interpreter gives the same answers, slower).
  public var useJIT = true
  /// Run a rule's regex only near its keywords. Off: every rule runs on every line.
  public var usePrefilter = true
  /// Skip a candidate rule's regex at a keyword hit its bytes rule out (`CandidatePrecheck`);
  /// off only to prove, in tests, that the checks change no finding.
  public var usePrecheck = true
  /// The confidence a scored rule's candidate must reach to become a finding.
  public var minConfidence = ConfidenceFloor.keepAll
  /// The scoring model; nil: the one compiled into the binary.
  public var model: ScoringModel?
  /// Options; the defaults are what users get.
  public init(
    useJIT: Bool = true, usePrefilter: Bool = true, usePrecheck: Bool = true,
    minConfidence: ConfidenceFloor = .keepAll, model: ScoringModel? = nil
  ) {
    self.useJIT = useJIT
    self.usePrefilter = usePrefilter
    self.usePrecheck = usePrecheck
    self.minConfidence = minConfidence
    self.model = model
  }
}

/// Per-thread state of the detector; create one per worker and reuse it for every buffer.
public final class DetectorScratch {
  let match = MatchScratch()
  /// Keyword hits of the current buffer, reused across buffers.
  var hits: [UInt64] = []
  /// Per rule: whether its `paths` scope admits the current file (nil: not yet known).
  var applies: [Bool?] = []
  /// The scores of the candidate vectors this worker has seen (one model per detector).
  var scores = ScoreMemo()
  /// Windows abandoned because a regex hit PCRE2's match limit.
  public internal(set) var abandonedWindows = 0
  /// The rule and window of each abandon since the caller last took them: always kept (not
  /// only when explaining), because a window not searched to its end is a part of the input
  /// that was not scanned, and must be named.
  public internal(set) var abandoned: [DroppedMatch] = []
  /// Abandoned windows placed in their files (never the secret), for warnings.
  public var incomplete: [Explanation] = []
  /// When not nil (`--explain`), why each match that is not reported was dropped.
  public var dropped: [DroppedMatch]?
  /// The drops of every buffer so far, placed (never the secret).
  public var explained: [Explanation] = []
  init(explains: Bool = false) { dropped = explains ? [] : nil }
}

/// A match a check or filter dropped, and why.
public struct DroppedMatch: Sendable {
  /// The rule's id.
  public let rule: String
  /// Where the secret (or the abandoned window) was, in the scanned buffer.
  public let range: Range<Int>
  let reason: DropReason

  /// A drop of `rule`'s match at `range`.
  public init(rule: String, range: Range<Int>, reason: DropReason) {
    self.rule = rule
    self.range = range
    self.reason = reason
  }
}

/// Turns bytes into findings: keyword prefilter → regex on windows around hits → entropy,
/// placeholder and validator checks → overlap resolution. What is then reported is the
/// filter chain's decision (`FilterChain`), not the detector's.
public final class Detector: Sendable {
  let rules: [Rule]
  let options: DetectorOptions
  private let index: KeywordIndex
  private let keywordLengths: [Int]
  /// Rules of keyword `k`: `ruleList[ruleStart[k]..<ruleStart[k + 1]]` (flat, so the hot
  /// loop retains no inner arrays).
  private let ruleStart: [Int]
  private let ruleList: [Int]
  private let isMultiline: [Bool]
  private let regexes: [LazyRegex]
  /// Per rule: the bytes its regex needs around a keyword hit (candidate rules only).
  private let prechecks: [CandidatePrecheck?]

  /// How far before a keyword a rule's match may begin, and after it a match may end.
  static let lookBehind = 512
  static let lookAhead = 8 * 1024
  static let multilineLookAhead = 16 * 1024
  /// The farthest a match can lie from the keyword hit that found it, either way.
  static let reach = lookBehind + multilineLookAhead

  /// A detector for the catalog's rules (regexes compile lazily, on their first keyword hit).
  public init(catalog: RuleCatalog, options: DetectorOptions = DetectorOptions()) {
    rules = catalog.rules
    self.options = options
    let table = catalog.keywordTable ?? KeywordTable(rules: catalog.rules)
    index = table.index
    keywordLengths = table.index.keywords.map { $0.count }
    ruleList = table.ruleList
    ruleStart = table.ruleStart
    isMultiline = catalog.rules.map { $0.isMultiline }
    regexes = catalog.rules.map { LazyRegex(pattern: $0.regex, name: $0.id, jit: options.useJIT) }
    prechecks = catalog.rules.map { options.usePrecheck ? CandidatePrecheck(rule: $0) : nil }
  }

  /// Compiles every rule's regex now (for `rules check` and user-supplied rules).
  public func compileAll() throws(RegexError) {
    for regex in regexes { try regex.compileNow() }
  }

  /// Scans a whole buffer. `path` is repository-relative (rules' `paths` match against it).
  /// With `isAdded` (a staged scan: only findings on lines the commit adds count), single-line
  /// rules skip keyword hits on other lines: their match never leaves the hit's line, so what
  /// they would find there is dropped anyway, and a hook on a large file pays for its change.
  public func scan(
    _ bytes: UnsafeBufferPointer<UInt8>, path: String, scratch: DetectorScratch,
    isAdded: ((ClosedRange<Int>) -> Bool)? = nil
  ) throws(RegexError) -> [Finding] {
    scratch.applies = Array(repeating: nil, count: rules.count)
    var candidates: [Candidate] = []
    if options.usePrefilter {
      index.collectHits(in: bytes, into: &scratch.hits)
      try runRules(
        onHits: scratch.hits, in: bytes, path: path, isAdded: isAdded, scratch: scratch, into: &candidates)
    } else {
      try scanWithoutPrefilter(bytes, path: path, scratch: scratch, into: &candidates)
    }
    // Inline markers are the filter chain's, after overlaps are resolved: `hush:allow RULE-ID`
    // on a provider's secret must not let a generic rule report the same value instead.
    let kept = score(resolveOverlaps(candidates), in: bytes, path: path, scratch: scratch)
    return findings(from: kept, in: bytes, path: path)
  }

  /// Runs each rule of each hit's keyword on the window around the hit, once per window: a
  /// hit inside a window already searched for that rule is skipped.
  private func runRules(
    onHits hits: [UInt64], in bytes: UnsafeBufferPointer<UInt8>, path: String,
    isAdded: ((ClosedRange<Int>) -> Bool)?, scratch: DetectorScratch, into candidates: inout [Candidate]
  ) throws(RegexError) {
    guard !hits.isEmpty else { return }
    var coveredUntil = [Int](repeating: -1, count: rules.count)
    var lines = LineIndex.Cursor(bytes)
    for hit in hits {
      let keyword = Int(hit & 0xFFFFF)
      let end = Int(hit >> 20)
      let start = end - keywordLengths[keyword]
      // Whether the hit's line is added; asked once a single-line rule needs it.
      var onAddedLine: Bool?
      for slot in ruleStart[keyword]..<ruleStart[keyword + 1] {
        let ruleIndex = ruleList[slot]
        guard start >= coveredUntil[ruleIndex] else { continue }
        if let isAdded, !isMultiline[ruleIndex] {
          if onAddedLine == nil {
            // By the keyword's last byte, not its first: hits come sorted by end, so the
            // cursor only moves forward (a longer keyword can start before the previous hit
            // did, and a cursor sent back recounts the file's lines from its start).
            let line = lines.lineNumber(of: end - 1)
            onAddedLine = isAdded(line...line)
          }
          guard onAddedLine == true else { continue }
        }
        // A hit the rule's regex cannot match from gets no window, and covers nothing: a later
        // hit on the line may still need the regex.
        if let precheck = prechecks[ruleIndex], !precheck.admits(start..<end, in: bytes) { continue }
        // A rule scoped to other files (`paths`) costs one check per file, not a window per hit.
        guard applies(ruleIndex, to: path, scratch: scratch) else {
          coveredUntil[ruleIndex] = Int.max
          continue
        }
        let window = self.window(rule: ruleIndex, around: start..<end, in: bytes)
        coveredUntil[ruleIndex] = coverage(of: window, rule: ruleIndex, in: bytes)
        try run(ruleIndex, on: window, in: bytes, path: path, scratch: scratch, into: &candidates)
      }
    }
  }

  /// Convenience for tests and small inputs.
  public func scan(_ bytes: [UInt8], path: String = "-") throws(RegexError) -> [Finding] {
    let scratch = DetectorScratch()
    do {
      return try bytes.withUnsafeBufferPointer { try scan($0, path: path, scratch: scratch) }
    } catch let error as RegexError {
      throw error
    } catch {
      preconditionFailure("only regex errors are thrown while scanning: \(error)")
    }
  }

  private func scanWithoutPrefilter(
    _ bytes: UnsafeBufferPointer<UInt8>, path: String, scratch: DetectorScratch,
    into candidates: inout [Candidate]
  ) throws(RegexError) {
    let lines = LineIndex.lineRanges(in: bytes)
    for ruleIndex in rules.indices {
      if isMultiline[ruleIndex] {
        try run(ruleIndex, on: 0..<bytes.count, in: bytes, path: path, scratch: scratch, into: &candidates)
      } else {
        for line in lines {
          try run(ruleIndex, on: line, in: bytes, path: path, scratch: scratch, into: &candidates)
        }
      }
    }
  }

  /// The bytes a rule's regex may look at for a keyword hit: the hit's line (bounded), or for
  /// multi-line rules, from the line's start to well past it.
  private func window(rule: Int, around hit: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>)
    -> Range<Int>
  {
    let lower = LineIndex.lineStart(before: hit.lowerBound, in: bytes, limit: Self.lookBehind)
    if isMultiline[rule] {
      return lower..<min(bytes.count, hit.upperBound + Self.multilineLookAhead)
    }
    return lower..<LineIndex.lineEnd(after: hit.upperBound, in: bytes, limit: Self.lookAhead)
  }

  /// Up to where later hits need no window of their own. A window that ends at a line end
  /// covers everything before it; one cut short (long lines, multi-line rules) may have cut a
  /// match in two, so hits in its second half get a window of their own (duplicates merge).
  private func coverage(of window: Range<Int>, rule: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
    if window.upperBound == bytes.count || (!isMultiline[rule] && bytes[window.upperBound] == 0x0A) {
      return window.upperBound
    }
    let reach = isMultiline[rule] ? Self.multilineLookAhead : Self.lookAhead
    return max(window.lowerBound + 1, window.upperBound - reach / 2)
  }

  private func run(
    _ ruleIndex: Int, on window: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>, path: String,
    scratch: DetectorScratch, into candidates: inout [Candidate]
  ) throws(RegexError) {
    guard applies(ruleIndex, to: path, scratch: scratch) else { return }
    let matches: [RegexMatch]
    do {
      matches = try regexes[ruleIndex].allMatches(
        in: bytes, from: window.lowerBound, to: window.upperBound, scratch: scratch.match)
    } catch  where error.isResourceLimit {
      scratch.abandonedWindows += 1
      scratch.abandoned.append(DroppedMatch(rule: rules[ruleIndex].id, range: window, reason: .matchLimit))
      return
    }
    for match in matches {
      switch candidate(ruleIndex, match, in: bytes) {
      case .kept(let candidate): candidates.append(candidate)
      case .dropped(let reason):
        if scratch.dropped != nil, let range = match.group(rules[ruleIndex].secretGroup) {
          scratch.dropped?.append(DroppedMatch(rule: rules[ruleIndex].id, range: range, reason: reason))
        }
      }
    }
  }

  private func applies(_ ruleIndex: Int, to path: String, scratch: DetectorScratch) -> Bool {
    if let known = scratch.applies[ruleIndex] { return known }
    let paths = rules[ruleIndex].paths
    let result = paths.isEmpty || Glob.matchesAny(paths, path: path)
    scratch.applies[ruleIndex] = result
    return result
  }

  /// A match that survives every check, or the check that dropped it.
  private func candidate(_ ruleIndex: Int, _ match: RegexMatch, in bytes: UnsafeBufferPointer<UInt8>)
    -> Verdict
  {
    let rule = rules[ruleIndex]
    guard let range = match.group(rule.secretGroup), !range.isEmpty else { return .dropped(.emptySecret) }
    let secret = UnsafeBufferPointer(rebasing: bytes[range])
    if rule.isScored {
      // A digest in a hash context (`"hashed_secret": "…"` of a detect-secrets baseline,
      // `password_hash`) is not a credential whatever the model says: CredData's candidates
      // of that shape hold 6 True items against 128 False and 340 unlabelled lines.
      let name = bytes[Self.nameStart(before: match.range.lowerBound, in: bytes)..<range.lowerBound]
      if Placeholder.isHashInContext(secret, name: name) { return .dropped(.hashInContext) }
      // No other filter drops a candidate: the first that would have is a feature of the model.
      let filter = Self.firstFilter(secret, name: bytes[match.range.lowerBound..<range.lowerBound])
      return .kept(
        Candidate(
          rule: ruleIndex, secret: range, entropy: Entropy.shannon(secret), matchLength: match.range.count,
          filter: filter))
    }
    if let why = Placeholder.reason(secret) { return .dropped(.placeholder(why)) }
    if rule.isGeneric,
      let reason = Self.genericRejection(
        secret, name: bytes[Self.nameStart(before: match.range.lowerBound, in: bytes)..<range.lowerBound])
    {
      return .dropped(reason)
    }
    let entropy = Entropy.shannon(secret)
    if let minimum = rule.minEntropy, entropy < Entropy.threshold(minimum, for: secret) {
      return .dropped(.lowEntropy(entropy: entropy, needed: Entropy.threshold(minimum, for: secret), minimum: minimum))
    }
    if let validator = rule.validator, !validator.accepts(secret) {
      return .dropped(.failedValidation(validator.rawValue))
    }
    return .kept(Candidate(rule: ruleIndex, secret: range, entropy: entropy, matchLength: match.range.count))
  }

  /// Where the key name holding a generic match starts: a rule matches from its keyword
  /// (`secret`), but the words before it in the same identifier say what the value is
  /// (`hashed_secret`, `secret_sha1` after it is already inside the match).
  static func nameStart(before offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
    var start = offset
    while start > 0 && offset - start < 64 && ByteSearch.isNameByte(bytes[start - 1]) { start -= 1 }
    return start
  }

  /// Why a generic rule's value is not a credential, if it is not: generic rules match on a
  /// key name alone, so their values must also look like secrets.
  private static func genericRejection(
    _ secret: UnsafeBufferPointer<UInt8>, name: Slice<UnsafeBufferPointer<UInt8>>
  ) -> DropReason? {
    if Placeholder.isSingleClass(secret) { return .singleCharacterClass }
    if Placeholder.isWordLike(secret) { return .wordLike }
    if Placeholder.isCodeReference(secret) { return .codeReference }
    if Placeholder.isHashInContext(secret, name: name) { return .hashInContext }
    return nil
  }

  /// The filter of a generic rule that would drop `secret`, in the order `candidate` applies them.
  private static func firstFilter(
    _ secret: UnsafeBufferPointer<UInt8>, name: Slice<UnsafeBufferPointer<UInt8>>
  ) -> FilterFeature? {
    if Placeholder.reason(secret) != nil { return .placeholder }
    switch genericRejection(secret, name: name) {
    case .singleCharacterClass?: return .singleClass
    case .wordLike?: return .wordLike
    case .codeReference?: return .codeReference
    case .hashInContext?: return .hashInContext
    default: return nil
    }
  }

  /// One finding per secret range; a generic rule's finding yields to a provider
  /// rule's finding on an overlapping secret, and of two provider rules on the very same
  /// secret the one whose match saw more context wins (a Paystack rule anchored on
  /// "paystack" over the bare `sk_live_` shape), then the one listed first.
  private func resolveOverlaps(_ candidates: [Candidate]) -> [Candidate] {
    // No Set here: its first use costs a pre-commit run more than the scan of the change
    // (the runtime instantiates its storage type by a search of every conformance).
    let sorted = candidates.sorted {
      ($0.secret.lowerBound, -$0.matchLength, $0.rule) < ($1.secret.lowerBound, -$1.matchLength, $1.rule)
    }
    let specific = sorted.filter { !rules[$0.rule].isGeneric }.map(\.secret)
    // Sorted by start with the running maximum of ends: one binary search tells whether any
    // provider secret overlaps a generic one (linear, not quadratic, on files full of values).
    var reach: [Int] = []
    for range in specific { reach.append(max(reach.last ?? Int.min, range.upperBound)) }
    var kept: [Candidate] = []
    for candidate in sorted {
      if rules[candidate.rule].isGeneric {
        let before = Self.countStarting(before: candidate.secret.upperBound, in: specific)
        if before > 0 && reach[before - 1] > candidate.secret.lowerBound { continue }
      }
      // One finding per secret, whichever rules matched it (or one rule from two windows):
      // equal secrets start together, so they sit at the end of `kept`.
      let sameStart = kept.reversed().prefix { $0.secret.lowerBound == candidate.secret.lowerBound }
      if sameStart.contains(where: { $0.secret == candidate.secret }) { continue }
      kept.append(candidate)
    }
    return kept
  }

  /// How many of `ranges` (sorted by lower bound) start before `offset`.
  private static func countStarting(before offset: Int, in ranges: [Range<Int>]) -> Int {
    var low = 0
    var high = ranges.count
    while low < high {
      let middle = (low + high) / 2
      if ranges[middle].lowerBound < offset { low = middle + 1 } else { high = middle }
    }
    return low
  }

  private func findings(from candidates: [Candidate], in bytes: UnsafeBufferPointer<UInt8>, path: String)
    -> [Finding]
  {
    var lines = LineIndex.Cursor(bytes)
    return candidates.map { candidate in
      let start = lines.position(of: candidate.secret.lowerBound)
      let endLine = lines.lineNumber(of: max(candidate.secret.lowerBound, candidate.secret.upperBound - 1))
      var finding = Finding(
        rule: rules[candidate.rule], path: path, line: start.line, column: start.column,
        endLine: endLine, secret: Array(UnsafeBufferPointer(rebasing: bytes[candidate.secret])),
        secretRange: candidate.secret, entropy: candidate.entropy, confidence: candidate.confidence)
      finding.excerpt = LineExcerpt(around: candidate.secret, in: bytes)
      return finding
    }
  }
}

/// What the detector's checks decide about one match.
enum Verdict {
  case kept(Candidate)
  case dropped(DropReason)
}

/// A match that passed the checks, before line numbers are computed.
struct Candidate {
  let rule: Int
  let secret: Range<Int>
  let entropy: Double
  /// Length of the whole match: a rule that matched the provider's name around the secret
  /// saw more context than one that matched the bare token.
  var matchLength = 0
  /// A scored rule's candidate: the first filter that would have dropped it.
  var filter: FilterFeature?
  /// The model's probability for a scored rule's candidate; 1 for the others.
  var confidence = 1.0
}
