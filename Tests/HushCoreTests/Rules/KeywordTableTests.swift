import HushTestSupport
import Testing

@testable import HushCore

@Suite struct KeywordTableTests {
  /// The table built at build time is the one a start would build: same keywords, same rules
  /// per keyword, same automaton.
  @Test func theEmbeddedTableIsTheOneTheRulesGive() throws {
    let rules = RuleCatalog.bundled.rules
    let embedded = try #require(KeywordTable(serialized: RuleCatalog.embeddedKeywordTable, ruleCount: rules.count))
    #expect(embedded == KeywordTable(rules: rules))
    #expect(RuleCatalog.bundled.keywordTable == embedded)
  }

  @Test func eachKeywordOnceWithTheRulesThatNameIt() {
    let rules = [
      rule("a", keywords: ["Token", "api"]), rule("b", keywords: ["token", "token"]), rule("c", keywords: ["API"]),
    ]
    let table = KeywordTable(rules: rules)
    #expect(table.index.keywords == [Array("token".utf8), Array("api".utf8)])
    #expect(table.ruleStart == [0, 2, 4])
    #expect(table.ruleList == [0, 1, 0, 2])
  }

  /// An automaton read back from its numbers finds exactly what the one built from the
  /// keywords finds.
  @Test func aBlueprintReadBackFindsTheSameHits() throws {
    var generator = SeededGenerator(seed: 7)
    let alphabet = Array("abcdKEY_ ".utf8)
    for _ in 0..<20 {
      let keywords = (0..<12).map { _ in
        String(
          decoding: (0..<Int.random(in: 1...6, using: &generator)).map { _ in generator.element(of: alphabet) },
          as: UTF8.self)
      }
      let built = KeywordIndex(keywords: keywords)
      let blueprint = try #require(KeywordIndex.Blueprint(numbers: KeywordIndex.Blueprint(keywords: keywords).numbers))
      let read = KeywordIndex(blueprint: blueprint)
      let text = (0..<2000).map { _ in generator.element(of: alphabet) }
      #expect(read.hits(in: text).map { [$0.keyword, $0.end] } == built.hits(in: text).map { [$0.keyword, $0.end] })
    }
  }

  @Test func aSerializedTableReadsBack() throws {
    let table = KeywordTable(rules: [rule("a", keywords: ["ghp_", "hp_"]), rule("b", keywords: ["akia"])])
    #expect(try #require(KeywordTable(serialized: table.serialized, ruleCount: 2)) == table)
  }

  /// Damaged text is refused (the bundled catalog then builds its table at start), never read
  /// into an automaton that indexes out of its table.
  @Test func damagedTextIsRefused() {
    let table = KeywordTable(rules: [rule("a", keywords: ["ghp_", "hp_"]), rule("b", keywords: ["akia"])])
    let text = table.serialized
    #expect(KeywordTable(serialized: text, ruleCount: 1) == nil)  // a rule index out of range
    #expect(KeywordTable(serialized: String(text.dropLast()), ruleCount: 2) == nil)
    #expect(KeywordTable(serialized: text + "A", ruleCount: 2) == nil)
    #expect(KeywordTable(serialized: "!" + text, ruleCount: 2) == nil)
    #expect(KeywordTable(serialized: "", ruleCount: 2) == nil)
    // Every number changed by one, one at a time: each is read back the same or refused.
    let numbers = table.blueprint.numbers
    for position in numbers.indices {
      var changed = numbers
      changed[position] += 1
      if let blueprint = KeywordIndex.Blueprint(numbers: changed) {
        _ = KeywordIndex(blueprint: blueprint).hits(in: Array("ghp_ AKIA hp_".utf8))
      }
    }
  }

  /// A config that only changes entropy keeps the bundled table; one that disables or adds a
  /// rule gets a table of its own, built from its rules.
  @Test func aConfigKeepsTheTableOnlyWhenTheKeywordsStay() throws {
    let bundled = RuleCatalog.bundled
    let id = try #require(bundled.rules.first?.id)
    let overridden = try HushConfig.parse("[rules.\(id)]\nmin-entropy = 1.0\n", file: "t.toml")
    #expect(try overridden.catalog(base: bundled).keywordTable == bundled.keywordTable)
    let disabled = try HushConfig.parse("disable = [\"\(id)\"]\n", file: "t.toml")
    #expect(try disabled.catalog(base: bundled).keywordTable == nil)
  }

  private func rule(_ id: String, keywords: [String]) -> Rule {
    Rule(
      id: id, description: id, provider: "test", severity: .high, keywords: keywords, regex: "x", secretGroup: 0,
      minEntropy: nil, validator: nil, isMultiline: false, reference: nil, rotate: "", examples: [],
      exampleSecrets: [], counterExamples: [], paths: [], location: "t.toml:1")
  }
}
