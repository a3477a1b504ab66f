import Testing

@testable import HushCore

/// The filter chain between the detector and the report: what it drops, and why, in order.
@Suite struct FilterChainTests {
  let detector = Detector(catalog: CatalogTests.catalog)

  /// The detector's findings on `text`, then the chain's per-buffer steps; the drops with them.
  func filtered(_ text: String, chain: FilterChain = FilterChain(), isAdded: ((ClosedRange<Int>) -> Bool)? = nil)
    throws -> (kept: [Finding], dropped: [DroppedMatch])
  {
    let scratch = DetectorScratch(explains: true)
    return try Array(text.utf8).withUnsafeBufferPointer { bytes in
      let found = try detector.scan(bytes, path: "app.env", scratch: scratch)
      scratch.dropped = []
      let kept = chain.filter(found, in: bytes, isAdded: isAdded, scratch: scratch)
      return (kept, scratch.dropped ?? [])
    }
  }

  @Test(arguments: [
    "hush:allow", "gitleaks:allow", "betterleaks:allow", "pragma: allowlist secret", "trufflehog:ignore",
    "kingfisher:ignore", "hush:allow github-pat-classic", "hush:allow because it is a test fixture",
    "<!-- hush:allow -->",
  ])
  func inlineIgnoreMarkers(_ marker: String) throws {
    let fake = FakeSecrets(seed: 2101)
    let token = fake.githubToken(prefix: "ghp_")
    let allowed = try filtered("TOKEN=\(token) # \(marker)")
    #expect(allowed.kept.isEmpty)
    #expect(allowed.dropped.map(\.reason) == [.inlineMarker])
    #expect(try !filtered("TOKEN=\(token)").kept.isEmpty)
  }

  @Test func ruleScopedAllowLeavesOtherRulesOn() throws {
    let fake = FakeSecrets(seed: 2111)
    let token = fake.githubToken(prefix: "ghp_")
    let found = try filtered("TOKEN=\(token) # hush:allow stripe-secret-key")
    #expect(found.kept.map(\.rule.id) == ["github-pat-classic"])
    #expect(try filtered("TOKEN=\(token) # hush:allow stripe-secret-key hush:allow github-pat-classic").kept.isEmpty)
  }

  /// A provider's secret allowed inline must not come back as a generic rule's finding.
  @Test func anInlineAllowDoesNotLetAGenericRuleReportTheSameValue() throws {
    let fake = FakeSecrets(seed: 2112)
    let token = fake.githubToken(prefix: "ghp_")
    let found = try filtered("GITHUB_TOKEN=\(token) # hush:allow github-pat-classic")
    #expect(found.kept.isEmpty)
  }

  @Test func allowlistsComeAfterInlineMarkersAndNameTheirEntry() throws {
    let fake = FakeSecrets(seed: 2113)
    var config = HushConfig()
    config.allowlist.stopwords = ["ghp_"]
    let chain = FilterChain(allowlists: try Allowlists(config: config))
    let token = fake.githubToken(prefix: "ghp_")
    let marked = try filtered("TOKEN=\(token) # hush:allow", chain: chain)
    #expect(marked.dropped.map(\.reason) == [.inlineMarker])
    let listed = try filtered("TOKEN=\(token)", chain: chain)
    #expect(listed.dropped.map(\.reason) == [.allowlisted("allowlist.stopwords \"ghp_\"")])
  }

  @Test func findingsOffTheAddedLinesAreDroppedLast() throws {
    let fake = FakeSecrets(seed: 2114)
    let token = fake.githubToken(prefix: "ghp_")
    let text = "TOKEN=\(token)\nOTHER=\(fake.githubToken(prefix: "ghp_"))\n"
    let found = try filtered(text, isAdded: { $0.contains(2) })
    #expect(found.kept.map(\.line) == [2])
    #expect(found.dropped.map(\.reason) == [.notAddedLine])
  }

  @Test func theBaselineStepSplitsKnownFromNew() throws {
    let fake = FakeSecrets(seed: 2115)
    let old = fake.githubToken(prefix: "ghp_")
    let known = try detector.scan(Array("TOKEN=\(old)".utf8), path: "app.env")
    let chain = FilterChain(baseline: Baseline(findings: known))
    let fresh = try detector.scan(
      Array("TOKEN=\(old)\nNEW=\(fake.githubToken(prefix: "ghp_"))".utf8), path: "app.env")
    let (kept, dropped) = chain.applyBaseline(to: fresh)
    #expect(kept.map(\.line) == [2])
    #expect(dropped.map(\.0.line) == [1])
    #expect(dropped.map(\.1) == [.baselined])
  }

  /// On a long (minified) line the marker counts only within 512 bytes of the secret.
  @Test(arguments: [(300, true), (2000, false)])
  func aMarkerFarAlongALongLineAllowsNothing(_ gap: Int, _ allowed: Bool) throws {
    let fake = FakeSecrets(seed: 109)
    let token = fake.githubToken(prefix: "ghp" + "_")
    let line = "TOKEN=" + token + " " + String(repeating: "x", count: gap) + " hush:allow\n"
    #expect(try filtered(String(repeating: "y", count: 10_000) + " " + line).kept.isEmpty == allowed)
  }
}
