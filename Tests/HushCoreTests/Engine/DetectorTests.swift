import Testing

@testable import HushCore

@Suite struct DetectorTests {
  let detector = Detector(catalog: CatalogTests.catalog)

  func findings(_ text: String) throws -> [Finding] { try detector.scan(Array(text.utf8)) }

  @Test func reportsLineColumnAndRedactsWithPublicPrefix() throws {
    let fake = FakeSecrets(seed: 1301)
    let token = fake.githubToken(prefix: "ghp_")
    let found = try findings("first line\n  héllo = \"\(token)\"\n")
    let finding = try #require(found.first { $0.rule.provider == "github" })
    #expect(finding.line == 2)
    #expect(finding.column == 12)
    #expect(finding.redacted == "ghp_" + Redaction.mask)
    #expect(!finding.redacted.contains(String(token.dropFirst(4).prefix(6))))
  }

  @Test func providerRuleWinsOverGenericOnTheSameSecret() throws {
    let fake = FakeSecrets(seed: 1302)
    let token = fake.githubToken(prefix: "ghp_")
    let found = try findings("GITHUB_TOKEN=\(token)")
    #expect(found.count == 1)
    #expect(found.first?.rule.isGeneric == false)
  }

  /// Paystack and Clerk keys share Stripe's `sk_live_` shape: the rule that matched the
  /// provider's name around the key names it, not the first rule in the catalog.
  @Test func theRuleThatSawTheProvidersNameWins() throws {
    let fake = FakeSecrets(seed: 1304)
    let hex = fake.random(40, from: Array("0123456789abcdef"))
    let paystack = try findings("PAYSTACK_SECRET_KEY=sk_" + "live_" + hex)
    #expect(paystack.map(\.rule.id) == ["paystack-secret-key"])
    let clerk = try findings("CLERK_SECRET_KEY=sk_" + "live_" + fake.random(40))
    #expect(clerk.map(\.rule.id) == ["clerk-secret-key"])
    let stripe = try findings("STRIPE_SECRET_KEY=sk_" + "live_" + fake.random(24))
    #expect(stripe.map(\.rule.id) == ["stripe-secret-key"])
  }

  @Test func crlfInvalidUTF8AndLongLines() throws {
    let fake = FakeSecrets(seed: 1306)
    let token = fake.githubToken(prefix: "ghp_")
    var bytes: [UInt8] = Array("a\r\nb\r\n".utf8) + [0xFF, 0xC3, 0x28] + Array(" x\r\n".utf8)
    bytes += Array(String(repeating: "z", count: 100_000).utf8) + Array(" \(token)\r\n".utf8)
    let found = try detector.scan(bytes)
    let finding = try #require(found.first)
    #expect(finding.line == 4)
    #expect(finding.secret == Array(token.utf8))
  }

  /// Minified files put thousands of values on one line: columns must stay exact.
  @Test func manyFindingsOnOneHugeLine() throws {
    let fake = FakeSecrets(seed: 1307)
    let tokens = (0..<300).map { _ in fake.githubToken(prefix: "ghp_") }
    var line = ""
    var expectedColumns: [Int] = []
    for token in tokens {
      line += String(repeating: "é", count: 1000) + " "
      expectedColumns.append(line.count + 1)
      line += token
    }
    let found = try findings("first\n" + line + "\n")
    #expect(found.map(\.column) == expectedColumns)
    #expect(Set(found.map(\.line)) == [2])
  }

  @Test func emptyAndBinaryLikeInputs() throws {
    #expect(try detector.scan([UInt8]()).isEmpty)
    #expect(try detector.scan([UInt8](repeating: 0xFF, count: 4096)).isEmpty)
  }

  @Test func tokenAtVeryStartAndEndOfBuffer() throws {
    let fake = FakeSecrets(seed: 1308)
    let token = fake.githubToken(prefix: "ghp_")
    #expect(try findings(token).count == 1)
    #expect(try findings("x\n" + token).count == 1)
  }

  /// `file_repeats`: each candidate counts the buffer's candidates holding its exact bytes,
  /// itself included; a value that differs by one byte or by its length is another value.
  @Test func candidatesCountTheirValuesRepeats() {
    let text = Array("aaa bbb aaa aab aaaa aaa".utf8)
    let ranges = [0..<3, 4..<7, 8..<11, 12..<15, 16..<20, 21..<24]
    let candidates = ranges.map { Candidate(rule: 0, secret: $0, entropy: 0) }
    let counts = text.withUnsafeBufferPointer { Detector.countsPerValue(of: candidates, in: $0) }
    #expect(counts == [3, 1, 3, 1, 1, 3])
    #expect(text.withUnsafeBufferPointer { Detector.countsPerValue(of: [], in: $0) }.isEmpty)
  }
}
