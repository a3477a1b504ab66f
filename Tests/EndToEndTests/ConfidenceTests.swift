import Foundation
import Testing

/// Every finding carries a confidence; candidates of the generic grammar below the floor are
/// dropped, and `--explain` says their score and the features that decided it.
@Suite struct ConfidenceTests {
  /// A provider token (confidence 1) and a generic candidate (the model's confidence).
  static func box(seed: UInt64) throws -> (Sandbox, provider: String, candidate: String) {
    let fake = Fake(seed: seed)
    let box = try Sandbox(git: true)
    let provider = fake.stripeKey()
    let candidate = fake.random(18)
    try box.write("app/settings.py", "STRIPE = '" + provider + "'\nDB_PASS" + "WORD = \"" + candidate + "\"\n")
    try box.git(["add", "-A"])
    return (box, provider, candidate)
  }

  @Test func everyFindingHasAConfidenceAndTheFloorDropsCandidates() throws {
    let (box, provider, candidate) = try Self.box(seed: 1501)
    let all = try hush(["scan", "--format", "json", "--show-secrets", "--min-confidence", "0"], in: box.url)
    let findings = try all.findings()
    let byRule = Dictionary(findings.map { ($0["rule"] as? String ?? "", $0) }, uniquingKeysWith: { a, _ in a })
    #expect(byRule["stripe-secret-key"]?["confidence"] as? Double == 1, "\(all.stdout)")
    let score = try #require(byRule["cand-assign"]?["confidence"] as? Double, "\(all.stdout)")
    #expect(score > 0 && score < 1)
    #expect(byRule["cand-assign"]?["secret"] as? String == candidate)
    #expect(byRule["stripe-secret-key"]?["secret"] as? String == provider)

    let strict = try hush(["scan", "--format", "json", "--min-confidence", "1", "--explain"], in: box.url)
    #expect(try strict.findings().compactMap { $0["rule"] as? String } == ["stripe-secret-key"])
    let explained = strict.stderr.split(separator: "\n").first { $0.contains("cand-assign: not reported: confidence") }
    let line = try #require(explained, "\(strict.stderr)")
    #expect(line.contains("below 1.000 (decided by "), "\(line)")
    #expect(!strict.stderr.contains(candidate))
  }

  /// The scorer keeps finding the passwords people choose (words, a year, a symbol): its
  /// training data's true values are random strings, so a model can learn that a value that
  /// reads like words is no secret (Tests/Accuracy/positives/README.md).
  @Test func humanChosenPasswordsAreFound() throws {
    let box = try Sandbox()
    let source = Binary.packageRoot.appendingPathComponent("Tests/Accuracy/positives/human-passwords")
    for name in ["settings.py", "config.yml"] {
      try box.write(name, String(contentsOf: source.appendingPathComponent(name), encoding: .utf8))
    }
    let run = try hush(["scan", "--format", "json"], in: box.url)
    let found = Set(
      try run.findings().map { finding in
        let file = (finding["file"] as? String ?? "").split(separator: "/").last ?? ""
        return "\(file):\(finding["line"] as? Int ?? 0)"
      })
    let expected: Set = [
      "settings.py:2", "settings.py:3", "settings.py:4", "settings.py:5", "config.yml:2", "config.yml:5",
    ]
    #expect(found == expected, "\(run.stdout)")
  }

  @Test func theConfigFloorAppliesAndTheFlagWins() throws {
    let (box, _, _) = try Self.box(seed: 1502)
    try box.write(".hush.toml", "min-confidence = 1\n")
    let configured = try hush(["scan", "--format", "json"], in: box.url)
    #expect(try configured.findings().compactMap { $0["rule"] as? String } == ["stripe-secret-key"])
    let flagged = try hush(["scan", "--format", "json", "--min-confidence", "0"], in: box.url)
    #expect(try flagged.findings().count == 2)
    let invalid = try hush(["scan", "--min-confidence", "2"], in: box.url)
    #expect(invalid.status == 2)
  }

  @Test func sarifCarriesTheRankAndTheConfidence() throws {
    let (box, _, _) = try Self.box(seed: 1503)
    let run = try hush(["scan", "--format", "sarif", "--min-confidence", "0"], in: box.url)
    let sarif = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    let runs = try #require(sarif["runs"] as? [[String: Any]])
    let results = try #require(runs.first?["results"] as? [[String: Any]])
    #expect(results.count == 2)
    for result in results {
      let rank = try #require(result["rank"] as? Int)
      let confidence = try #require((result["properties"] as? [String: Any])?["confidence"] as? Double)
      #expect(rank == Int((confidence * 100).rounded()))
    }
    let text = try hush(["scan", "--min-confidence", "0"], in: box.url)
    #expect(text.stdout.contains("rank 100, entropy"), "\(text.stdout)")
  }

  @Test func anUnusableModelFileIsAnError() throws {
    let (box, _, _) = try Self.box(seed: 1504)
    try box.write("model.json", "{\"features\": []}")
    let run = try hush(
      ["scan"], in: box.url, environment: ["HUSH_MODEL": box.url.appendingPathComponent("model.json").path])
    #expect(run.status == 2)
    #expect(run.stderr.contains("HUSH_MODEL"), "\(run.stderr)")
  }
}
