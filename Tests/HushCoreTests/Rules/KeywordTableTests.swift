import HushTestSupport
import Testing

@testable import HushCore

@Suite struct KeywordTableTests {
  /// The table built at build time is the one a start would build: same keywords, same rules
  /// per keyword, same automaton.
  @Test func theEmbeddedTableIsTheOneTheRulesGive() throws {
    let rules = RuleCatalog.bundled.rules
    let embedded = try #require(RuleCatalog.embeddedKeywordTable)
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

  /// An automaton rebuilt from its blueprint's parts finds exactly what the one built from the
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
      let blueprint = try #require(Self.rebuilt(KeywordIndex.Blueprint(keywords: keywords)))
      let read = KeywordIndex(blueprint: blueprint)
      let text = (0..<2000).map { _ in generator.element(of: alphabet) }
      #expect(read.hits(in: text).map { [$0.keyword, $0.end] } == built.hits(in: text).map { [$0.keyword, $0.end] })
    }
  }

  @Test func aTableReadsBackFromItsParts() throws {
    let table = KeywordTable(rules: [rule("a", keywords: ["ghp_", "hp_"]), rule("b", keywords: ["akia"])])
    let parts = KeywordTable(
      blueprint: Self.rebuilt(table.blueprint), ruleStart: table.ruleStart, ruleList: table.ruleList, ruleCount: 2)
    #expect(try #require(parts) == table)
  }

  /// Damaged parts are refused (the bundled catalog then builds its table at start), never
  /// read into an automaton that indexes out of its table.
  @Test func damagedPartsAreRefused() {
    let table = KeywordTable(rules: [rule("a", keywords: ["ghp_", "hp_"]), rule("b", keywords: ["akia"])])
    func read(ruleStart: [Int]? = nil, ruleList: [Int]? = nil, ruleCount: Int = 2) -> KeywordTable? {
      KeywordTable(
        blueprint: table.blueprint, ruleStart: ruleStart ?? table.ruleStart, ruleList: ruleList ?? table.ruleList,
        ruleCount: ruleCount)
    }
    #expect(read(ruleCount: 1) == nil)  // a rule index out of range
    #expect(read(ruleStart: table.ruleStart.dropLast()) == nil)
    #expect(read(ruleList: table.ruleList.dropLast()) == nil)
    #expect(read(ruleStart: [1] + table.ruleStart.dropFirst()) == nil)
    #expect(KeywordTable(blueprint: nil, ruleStart: table.ruleStart, ruleList: table.ruleList, ruleCount: 2) == nil)
    // Every number of every list changed by one, one at a time, and each list cut short:
    // each is read back the same or refused.
    let blueprint = table.blueprint
    var refused = 0
    for (name, list) in Self.lists(of: blueprint) {
      var variants = list.indices.map { position in
        var changed = list
        changed[position] += 1
        return changed
      }
      variants.append(Array(list.dropLast()))
      for changed in variants {
        guard let damaged = Self.rebuilt(blueprint, replacing: name, with: changed) else {
          refused += 1
          continue
        }
        _ = KeywordIndex(blueprint: damaged).hits(in: Array("ghp_ AKIA hp_".utf8))
      }
    }
    #expect(refused > 0)
    #expect(Self.rebuilt(blueprint, classCount: 0) == nil)
    #expect(Self.rebuilt(blueprint, firstOutputState: blueprint.order.count + 1) == nil)
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

  private static func lists(of blueprint: KeywordIndex.Blueprint) -> [(String, [Int32])] {
    [
      ("order", blueprint.order), ("failure", blueprint.failure), ("edgeStart", blueprint.edgeStart),
      ("edgeClass", blueprint.edgeClass), ("edgeTarget", blueprint.edgeTarget),
      ("outputStart", blueprint.outputStart), ("outputKeywords", blueprint.outputKeywords),
      ("byteClass", blueprint.byteClass.map { Int32($0) }),
    ]
  }

  /// `blueprint` through the validating initializer catalog-embed's source calls, with one list
  /// or number replaced.
  private static func rebuilt(
    _ blueprint: KeywordIndex.Blueprint, replacing name: String = "", with list: [Int32] = [],
    classCount: Int? = nil, firstOutputState: Int? = nil
  ) -> KeywordIndex.Blueprint? {
    let lists = Self.lists(of: blueprint).map { $0.0 == name ? list : $0.1 }
    guard lists[7].allSatisfy({ (0...255).contains($0) }) else { return nil }
    return KeywordIndex.Blueprint(
      keywords: blueprint.keywords, byteClass: lists[7].map { UInt8($0) },
      classCount: classCount ?? blueprint.classCount, order: lists[0], failure: lists[1], edgeStart: lists[2],
      edgeClass: lists[3], edgeTarget: lists[4], firstOutputState: firstOutputState ?? blueprint.firstOutputState,
      outputStart: lists[5], outputKeywords: lists[6])
  }

  private func rule(_ id: String, keywords: [String]) -> Rule {
    Rule(
      id: id, description: id, provider: "test", severity: .high, keywords: keywords, regex: "x", secretGroup: 0,
      minEntropy: nil, validator: nil, isMultiline: false, reference: nil, rotate: "", examples: [],
      exampleSecrets: [], counterExamples: [], paths: [], location: "t.toml:1")
  }
}
