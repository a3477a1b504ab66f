extension Detector {
  /// Gives each scored rule's candidate the model's confidence, and drops those under the
  /// floor, UUIDs and key ids that identify rather than grant access (`IdentifierContext`),
  /// constants' names (`ConstantContext`) and bare values
  /// of key paths (`KeyPathContext`) (with `--explain`, saying their score and the features
  /// that decided it). A buffer with no scored candidate never touches the model.
  func score(
    _ candidates: [Candidate], in bytes: UnsafeBufferPointer<UInt8>, path: String, scratch: DetectorScratch
  ) -> [Candidate] {
    guard candidates.contains(where: { rules[$0.rule].isScored }) else { return candidates }
    let model = options.model ?? ScoringModel.bundled
    let floor = options.minConfidence.minimum(in: model)
    let lines = Self.lineRanges(of: candidates, in: bytes)
    let perLine = Self.countsPerLine(lines)
    let perValue = Self.countsPerValue(of: candidates, in: bytes)
    let pathBytes = Array(path.utf8)
    let pathFeatures = CandidateFeatures.pathFeatures(pathBytes)
    var kept: [Candidate] = []
    kept.reserveCapacity(candidates.count)
    var context: (line: Range<Int>, value: CandidateFeatures.LineContext)?
    // One vector for the buffer's candidates, filled in place for each.
    var x = [Double](repeating: 0, count: CandidateFeatures.names.count)
    for (index, candidate) in candidates.enumerated() {
      guard rules[candidate.rule].isScored else {
        kept.append(candidate)
        continue
      }
      let line = lines[index]
      let lineBytes = UnsafeBufferPointer(rebasing: bytes[line])
      let value = UnsafeBufferPointer(rebasing: bytes[candidate.secret])
      let column = candidate.secret.lowerBound - line.lowerBound
      if let why = IdentifierContext.identifier(value: value, line: lineBytes, column: column) {
        let reason = DropReason.identifier(why)
        scratch.dropped?.append(DroppedMatch(rule: rules[candidate.rule].id, range: candidate.secret, reason: reason))
        continue
      }
      if ConstantContext.isConstant(value) {
        let dropped = DroppedMatch(rule: rules[candidate.rule].id, range: candidate.secret, reason: .constant)
        scratch.dropped?.append(dropped)
        continue
      }
      // The byte checks first: most candidates fail them, and the rule's id is a string.
      if KeyPathContext.isKeyPath(line: lineBytes, column: column, path: pathBytes),
        rules[candidate.rule].id == KeyPathContext.rule
      {
        scratch.dropped?.append(DroppedMatch(rule: rules[candidate.rule].id, range: candidate.secret, reason: .keyPath))
        continue
      }
      if context?.line != line { context = (line, CandidateFeatures.LineContext(lineBytes)) }
      let input = CandidateInput(
        rule: rules[candidate.rule].id, value: value, line: lineBytes, column: column, path: pathBytes,
        filter: candidate.filter, lineCandidates: perLine[index],
        fileRepeats: RepeatedValue.counted(perValue[index], value: value, filter: candidate.filter))
      x.withUnsafeMutableBufferPointer { x in
        CandidateFeatures.fill(
          x, input, context: context?.value ?? CandidateFeatures.LineContext(lineBytes), path: pathFeatures)
      }
      let probability = x.withUnsafeBufferPointer { scratch.scores.probability(of: $0, model: model) }
      if let floor, probability < floor {
        if scratch.dropped != nil {
          let because = model.contributions(x, top: 3).map { FeatureWeight(feature: $0.feature, change: $0.change) }
          let reason = DropReason.lowConfidence(score: probability, minimum: floor, because: because)
          scratch.dropped?.append(DroppedMatch(rule: rules[candidate.rule].id, range: candidate.secret, reason: reason))
        }
        continue
      }
      var scored = candidate
      scored.confidence = probability
      kept.append(scored)
    }
    return kept
  }

  /// For each candidate, how many candidates start on its line (`lines` is in order, so a
  /// line's candidates are one run).
  static func countsPerLine(_ lines: [Range<Int>]) -> [Int] {
    var counts = [Int](repeating: 0, count: lines.count)
    var start = 0
    while start < lines.count {
      var end = start + 1
      while end < lines.count && lines[end] == lines[start] { end += 1 }
      for index in start..<end { counts[index] = end - start }
      start = end
    }
    return counts
  }

  /// For each candidate, how many of the buffer's candidates hold the same value, itself
  /// included: a value a file repeats is a word of its code or a test's fixture more often
  /// than a credential. Values are told apart by a 64-bit hash of their bytes (a collision
  /// among one file's candidates would only raise a count).
  static func countsPerValue(of candidates: [Candidate], in bytes: UnsafeBufferPointer<UInt8>) -> [Int] {
    var hashes = [UInt64](repeating: 0, count: candidates.count)
    var counts: [UInt64: Int] = [:]
    counts.reserveCapacity(candidates.count)
    for (index, candidate) in candidates.enumerated() {
      let hash = FNV1a.hash(UnsafeBufferPointer(rebasing: bytes[candidate.secret]))
      hashes[index] = hash
      counts[hash, default: 0] += 1
    }
    return hashes.map { counts[$0] ?? 1 }
  }

  /// The line (without its `\n`) each candidate starts on; `candidates` are sorted by start.
  /// Only the candidates' lines are looked for (back from the candidate to its line's start,
  /// forward to its end): walking every line from the buffer's start cost `hush history` a
  /// memchr per line of every version of every file holding a candidate.
  static func lineRanges(of candidates: [Candidate], in bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
    var ranges: [Range<Int>] = []
    ranges.reserveCapacity(candidates.count)
    var line: Range<Int>?
    for candidate in candidates {
      let offset = candidate.secret.lowerBound
      if let line, offset <= line.upperBound {
        ranges.append(line)
        continue
      }
      // The line starts after the previous candidate's line: never look back past it.
      let floor = line.map { $0.upperBound + 1 } ?? 0
      let start = LineIndex.lineStart(before: offset, in: bytes, limit: offset - floor)
      let found = start..<LineIndex.lineEnd(after: offset, in: bytes, limit: .max)
      line = found
      ranges.append(found)
    }
    return ranges
  }
}

/// The scores of the vectors a worker has seen, so a vector met again is not walked through
/// the trees again: `hush history` scans every version of a file, and an unchanged line of a
/// changed file gives its candidates the same vectors (same value, line, path) in each. A
/// direct-mapped table (a slot per hash, the newer vector wins) holding whole vectors, so a hit
/// is the walk's own result; no allocation after the first candidate (a dictionary keyed by
/// arrays cost a working-tree scan of redis 29 M instructions of hashing and copying).
struct ScoreMemo {
  static let slots = 2_048
  static let width = CandidateFeatures.names.count
  /// `slots` vectors of `width` doubles (about 2 MB, allocated at the first candidate, never
  /// cleared: a slot is read only once its hash says it was written, so only the pages of the
  /// slots in use are touched; clearing them all cost a pre-commit run 480 page faults, more
  /// than the rest of its scan).
  private var vectors: VectorSlots?
  /// Per slot: its vector's hash, 0 when empty.
  private var hashes: [UInt64] = []
  private var scores: [Double] = []

  /// How many slots hold a vector.
  var count: Int { hashes.count { $0 != 0 } }

  /// The model's probability for `x`, remembered.
  mutating func probability(of x: [Double], model: ScoringModel) -> Double {
    x.withUnsafeBufferPointer { probability(of: $0, model: model) }
  }

  /// The model's probability for `x` (`width` doubles), remembered.
  mutating func probability(of x: UnsafeBufferPointer<Double>, model: ScoringModel) -> Double {
    precondition(x.count == Self.width, "a vector of every feature")
    let vectors = self.vectors ?? VectorSlots(count: Self.slots * Self.width)
    if hashes.isEmpty {
      self.vectors = vectors
      hashes = [UInt64](repeating: 0, count: Self.slots)
      scores = [Double](repeating: 0, count: Self.slots)
    }
    let hash = Self.hash(x)
    let slot = Int(hash % UInt64(Self.slots))
    let start = slot * Self.width
    if hashes[slot] == hash, Self.equal(vectors.base + start, x) { return scores[slot] }
    let probability = model.probability(x)
    for index in 0..<Self.width { vectors.base[start + index] = x[index] }
    hashes[slot] = hash
    scores[slot] = probability
    return probability
  }

  /// Whether the `width` doubles at `vector` are `x`, bit for bit.
  private static func equal(_ vector: UnsafeMutablePointer<Double>, _ x: UnsafeBufferPointer<Double>) -> Bool {
    for index in 0..<width where vector[index].bitPattern != x[index].bitPattern { return false }
    return true
  }

  /// FNV-1a over the doubles' bits, never 0 (the empty slot's mark).
  static func hash(_ x: UnsafeBufferPointer<Double>) -> UInt64 {
    var hash = FNV1a.offset
    for value in x { hash = FNV1a.mix(hash, value.bitPattern) }
    hash ^= hash >> 29
    return hash == 0 ? 1 : hash
  }
}

/// Memory for the memo's vectors, left as the allocator gives it.
private final class VectorSlots {
  let base: UnsafeMutablePointer<Double>

  init(count: Int) { base = .allocate(capacity: count) }

  deinit { base.deallocate() }
}
