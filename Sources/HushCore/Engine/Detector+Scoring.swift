extension Detector {
  /// Gives each scored rule's candidate the model's confidence, and drops those under the
  /// floor and UUIDs that identify rather than grant access (`IdentifierContext`) (with `--explain`, saying their score and the features that decided it). A buffer
  /// with no scored candidate never touches the model.
  func score(
    _ candidates: [Candidate], in bytes: UnsafeBufferPointer<UInt8>, path: String, scratch: DetectorScratch
  ) -> [Candidate] {
    guard candidates.contains(where: { rules[$0.rule].isScored }) else { return candidates }
    let model = options.model ?? ScoringModel.bundled
    let floor = options.minConfidence.minimum(in: model)
    let lines = Self.lineRanges(of: candidates, in: bytes)
    let perLine = Self.countsPerLine(lines)
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
      if context?.line != line { context = (line, CandidateFeatures.LineContext(lineBytes)) }
      let input = CandidateInput(
        rule: rules[candidate.rule].id, value: value, line: lineBytes, column: column, path: pathBytes,
        filter: candidate.filter, lineCandidates: perLine[index])
      x.withUnsafeMutableBufferPointer { x in
        CandidateFeatures.fill(
          x, input, context: context?.value ?? CandidateFeatures.LineContext(lineBytes), path: pathFeatures)
      }
      let probability = scratch.scores.probability(of: x, model: model)
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

  /// The line (without its `\n`) each candidate starts on; `candidates` are sorted by start,
  /// so one forward walk finds them all.
  static func lineRanges(of candidates: [Candidate], in bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
    var start = 0
    var end = LineIndex.lineEnd(after: 0, in: bytes, limit: .max)
    var ranges: [Range<Int>] = []
    ranges.reserveCapacity(candidates.count)
    for candidate in candidates {
      while candidate.secret.lowerBound > end {
        start = end + 1
        end = LineIndex.lineEnd(after: start, in: bytes, limit: .max)
      }
      ranges.append(start..<end)
    }
    return ranges
  }
}

/// The scores of the vectors a worker has seen, so a vector met again is not walked through
/// the trees again: `hush history` scans every version of a file, and an unchanged line of a
/// changed file gives its candidates the same vectors (same value, line, path) in each. Keyed
/// by the whole vector, so a hit is the walk's own result; bounded, emptied when full.
struct ScoreMemo {
  private var scores: [[Double]: Double] = [:]
  /// 8,192 vectors of 960 bytes: under 10 MB a worker.
  static let capacity = 8_192

  /// How many vectors it holds.
  var count: Int { scores.count }

  /// The model's probability for `x`, remembered.
  mutating func probability(of x: [Double], model: ScoringModel) -> Double {
    if let known = scores[x] { return known }
    let probability = model.probability(x)
    if scores.count >= Self.capacity { scores.removeAll(keepingCapacity: true) }
    scores[x] = probability
    return probability
  }
}
