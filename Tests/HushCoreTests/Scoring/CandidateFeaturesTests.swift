import Foundation
import Testing

@testable import HushCore

/// The Swift scorer against its Python reference: `training/export_fixture.py` wrote, for 400
/// synthetic candidates, the vectors of `features.py` and the probabilities of
/// `check_model.py` over `training/model.json` (the model compiled into this binary).
@Suite struct CandidateFeaturesTests {
  struct Case {
    let rule: String
    let value: [UInt8]
    let line: [UInt8]
    let column: Int
    let path: String
    let filter: FilterFeature?
    let lineCandidates: Int
    let fileRepeats: Int
    let vector: [Double]
    let probability: Double
  }

  static let cases: [Case] = {
    let url = SourceTree.root.appendingPathComponent("training/fixtures/candidates.json")
    guard let data = try? Data(contentsOf: url),
      let rows = try? JSONSerialization.jsonObject(with: data) as? [[String: Any]]
    else { return [] }
    let filters: [String: FilterFeature] = [
      "placeholder": .placeholder, "singleClass": .singleClass, "wordLike": .wordLike,
      "codeReference": .codeReference, "hashInContext": .hashInContext,
    ]
    return rows.map { row in
      Case(
        rule: row["rule"] as? String ?? "", value: bytes(hex: row["value"]), line: bytes(hex: row["line"]),
        column: row["column"] as? Int ?? 0, path: row["path"] as? String ?? "",
        filter: (row["filter"] as? String).flatMap { filters[$0] }, lineCandidates: row["lineCandidates"] as? Int ?? 0,
        fileRepeats: row["fileRepeats"] as? Int ?? 0, vector: (row["vector"] as? [NSNumber] ?? []).map(\.doubleValue),
        probability: (row["probability"] as? NSNumber)?.doubleValue ?? -1)
    }
  }()

  static func bytes(hex: Any?) -> [UInt8] {
    let text = Array((hex as? String ?? "").utf8)
    return stride(from: 0, to: text.count - 1, by: 2).compactMap {
      UInt8(String(decoding: text[$0...($0 + 1)], as: UTF8.self), radix: 16)
    }
  }

  static func vector(_ c: Case) -> [Double] {
    c.value.withUnsafeBufferPointer { value in
      c.line.withUnsafeBufferPointer { line in
        CandidateFeatures.vector(
          CandidateInput(
            rule: c.rule, value: value, line: line, column: c.column, path: Array(c.path.utf8), filter: c.filter,
            lineCandidates: c.lineCandidates, fileRepeats: c.fileRepeats))
      }
    }
  }

  @Test func theFixtureIsThere() {
    #expect(Self.cases.count == 400)
    #expect(Self.cases.allSatisfy { $0.vector.count == CandidateFeatures.names.count })
  }

  /// Flags and counts exactly; byte statistics within 1e-9.
  @Test func vectorsAreTheReferenceVectors() {
    for (number, c) in Self.cases.enumerated() {
      let ours = Self.vector(c)
      #expect(ours.count == c.vector.count)
      for (index, (mine, theirs)) in zip(ours, c.vector).enumerated() {
        let exact = theirs.rounded() == theirs
        let agrees = exact ? mine == theirs : abs(mine - theirs) <= 1e-9
        #expect(agrees, "case \(number + 1), \(CandidateFeatures.names[index]): \(mine) vs \(theirs)")
      }
    }
  }

  @Test func probabilitiesAreTheReferenceProbabilities() {
    let model = ScoringModel.bundled
    for (number, c) in Self.cases.enumerated() {
      #expect(abs(model.probability(c.vector) - c.probability) <= 1e-9, "case \(number + 1)")
      #expect(abs(model.probability(Self.vector(c)) - c.probability) <= 1e-9, "case \(number + 1)")
    }
  }

  @Test func theBundledModelHasItsOperatingPoints() {
    let model = ScoringModel.bundled
    #expect(model.roots.count == 300)
    let scan = model.thresholds["scan"] ?? 0
    let staged = model.thresholds["staged"] ?? 0
    #expect(scan > 0.5 && staged > scan)
  }

  @Test func contributionsExplainTheScoreTheyCameFrom() {
    let model = ScoringModel.bundled
    guard let c = Self.cases.first else { return }
    let top = model.contributions(c.vector, top: 3)
    #expect(top.count == 3)
    #expect(abs(top[0].change) >= abs(top[1].change) && abs(top[1].change) >= abs(top[2].change))
  }

  /// The arrays catalog-embed compiled are the trees of `training/model.json`, bit for bit, as
  /// the evaluation path (`$HUSH_MODEL`) reads them; their indices are safe to walk unchecked.
  @Test func theCompiledModelIsTheModelFile() throws {
    let url = SourceTree.root.appendingPathComponent("training/model.json")
    let parsed = try ScoringModel(json: Array(try Data(contentsOf: url)))
    let bundled = ScoringModel.bundled
    #expect(EmbeddedModel.features == CandidateFeatures.names)
    #expect(bundled.isWellFormed)
    #expect(bundled.roots == parsed.roots)
    #expect(bundled.splits == parsed.splits)
    #expect(bundled.leaves == parsed.leaves)
    #expect(bundled.thresholds == parsed.thresholds)
  }

  /// The memo of `hush history`'s workers gives the walk's own result, first time or not,
  /// and stays bounded.
  @Test func theScoreMemoRemembersTheWalk() {
    let model = ScoringModel.bundled
    var memo = ScoreMemo()
    for _ in 0..<2 {
      for c in Self.cases { #expect(memo.probability(of: c.vector, model: model) == model.probability(c.vector)) }
    }
    var filler = [Double](repeating: 0, count: CandidateFeatures.names.count)
    for index in 0...ScoreMemo.slots {
      filler[0] = Double(index)
      _ = memo.probability(of: filler, model: model)
    }
    #expect(memo.count <= ScoreMemo.slots)
  }

  @Test func aModelForOtherFeaturesIsRefused() {
    let json = #"{"features":["a"],"thresholds":{"scan":0.5},"trees":[0.1]}"#
    #expect(throws: ModelError.self) { try ScoringModel(json: Array(json.utf8)) }
    #expect(throws: ModelError.self) { try ScoringModel(json: Array("{\"features\":".utf8)) }
  }

  /// Microseconds per candidate (features and 300 trees), printed for the README; the bound is loose.
  @Test func scoringACandidateTakesMicroseconds() {
    let model = ScoringModel.bundled
    let start = ContinuousClock.now
    var sum = 0.0
    let rounds = 10
    for _ in 0..<rounds { for c in Self.cases { sum += model.probability(Self.vector(c)) } }
    let elapsed = ContinuousClock.now - start
    let micros = Double(elapsed.components.attoseconds) / 1e12 + Double(elapsed.components.seconds) * 1e6
    let perCandidate = micros / Double(rounds * Self.cases.count)
    print("scoring: \(perCandidate) µs per candidate (features + trees)")
    #expect(sum > 0)
    #expect(perCandidate < 1000)
  }
}
