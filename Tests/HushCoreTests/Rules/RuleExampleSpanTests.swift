import Testing

@testable import HushCore

/// `⟦…⟧` in rule examples: parsed into byte ranges, and `rules check` compares them with
/// what the rule's secret group captures.
@Suite struct RuleExampleSpanTests {
  @Test func markersAreStrippedAndGiveUTF8ByteRanges() throws {
    let example = try MarkedExample("clé = ⟦demo_a1b2⟧ and ⟦x9⟧")
    #expect(example.text == "clé = demo_a1b2 and x9")
    #expect(example.secrets == [7..<16, 21..<23])
    #expect(MarkedExample.written(example.text, secrets: example.secrets) == "clé = ⟦demo_a1b2⟧ and ⟦x9⟧")
  }

  @Test(arguments: [
    ("a ⟦b", MarkedExample.MarkerError.unclosed), ("a⟧ b", .unopened), ("⟦a⟦b⟧⟧", .nested), ("a⟦⟧", .empty),
  ])
  func badMarkersAreErrors(_ written: String, _ error: MarkedExample.MarkerError) {
    #expect(throws: error) { try MarkedExample(written) }
  }

  @Test func badMarkerInARuleFileNamesFileAndLine() {
    let text = RuleFragmentsTests.ruleFile(regex: "(demo_[a-z0-9]{8})", example: "DEMO_KEY = ⟦demo_a1b2c3d4")
    #expect(
      throws: RuleError.invalidValue(
        "examples", reason: "example 1: a '⟦' is not closed by '⟧'", file: "t.toml", line: 9)
    ) {
      try RuleCatalog.parse(file: "t.toml", text: text)
    }
  }

  @Test func markerInACounterExampleIsAnError() {
    let text = RuleFragmentsTests.ruleFile(regex: "(demo_[a-z0-9]{8})")
      .replacingOccurrences(of: "demo_short", with: "⟦demo_short⟧")
    #expect(throws: RuleError.self) { try RuleCatalog.parse(file: "t.toml", text: text) }
  }

  /// The rule captures the whole `demo_…` token; examples mark it exactly, or one byte more
  /// (the quote before it), or one byte less.
  @Test(arguments: [
    ("DEMO_KEY = '⟦demo_a1b2c3d4⟧'", true),
    ("DEMO_KEY = ⟦'demo_a1b2c3d4⟧'", false),
    ("DEMO_KEY = 'd⟦emo_a1b2c3d4⟧'", false),
    ("DEMO_KEY = '⟦demo_a1b2c3d⟧4'", false),
  ])
  func ruleMustCaptureExactlyTheMarkedSpan(_ example: String, _ isExact: Bool) throws {
    let text = RuleFragmentsTests.ruleFile(
      regex: "(?i)demo{{name-tail}}{{assign}}(demo_[a-z0-9]{8}){{token-end}}", example: example)
    let rule = try RuleCatalog.parse(file: "t.toml", text: text)[0]
    let problems = RuleChecker.problems(with: rule, requireMarkedSecrets: true)
    #expect(problems.isEmpty == isExact, "\(problems)")
    if !isExact {
      #expect(problems.first?.hasPrefix("t.toml:1: demo-token: example 1 reports bytes 12..<25 but marks") == true)
    }
  }

  @Test func unmarkedExampleIsAProblemOnlyWhenMarkersAreRequired() throws {
    let text = RuleFragmentsTests.ruleFile(regex: "(demo_[a-z0-9]{8})", example: "DEMO_KEY = demo_a1b2c3d4")
    let rule = try RuleCatalog.parse(file: "t.toml", text: text)[0]
    #expect(RuleChecker.problems(with: rule).isEmpty)
    #expect(RuleChecker.problems(with: rule, requireMarkedSecrets: true).count == 1)
  }

  @Test func everyBundledExampleMarksItsSecret() {
    for rule in RuleCatalog.bundled.rules {
      #expect(rule.exampleSecrets.count == rule.examples.count, "\(rule.id)")
      #expect(rule.exampleSecrets.allSatisfy { !$0.isEmpty }, "\(rule.location): \(rule.id)")
    }
  }
}
