/// What the keyword prefilter needs to know of a list of rules: the automaton over all their
/// keywords, and the rules each keyword triggers.
///
/// Building it costs a fifth of a pre-commit run's instructions, so the bundled catalog's is
/// built at build time by catalog-embed and embedded as array literals; a catalog a config changes
/// (rules added or disabled) builds its own at start.
public struct KeywordTable: Sendable, Equatable {
  /// The automaton's blueprint; `index` is laid out from it.
  public let blueprint: KeywordIndex.Blueprint
  /// Rules of keyword `k`: `ruleList[ruleStart[k]..<ruleStart[k + 1]]`, in rule order.
  public let ruleStart: [Int]
  /// Rule indexes, keyword after keyword.
  public let ruleList: [Int]
  /// The dense automaton.
  public let index: KeywordIndex

  /// The table of `rules`: each distinct lower-cased keyword once, in the order the rules first
  /// name it.
  public init(rules: [Rule]) {
    var keywordIDs: [String: Int] = [:]
    var keywords: [String] = []
    var rulesForKeyword: [[Int]] = []
    for (ruleIndex, rule) in rules.enumerated() {
      for keyword in rule.keywords.map({ $0.lowercased() }) {
        let id = keywordIDs[keyword] ?? keywords.count
        if id == keywords.count {
          keywordIDs[keyword] = id
          keywords.append(keyword)
          rulesForKeyword.append([])
        }
        // A rule that names a keyword twice is run once per hit.
        if rulesForKeyword[id].last != ruleIndex { rulesForKeyword[id].append(ruleIndex) }
      }
    }
    self.init(
      blueprint: KeywordIndex.Blueprint(keywords: keywords), ruleList: rulesForKeyword.flatMap { $0 },
      ruleStart: rulesForKeyword.reduce(into: [0]) { $0.append($0[$0.count - 1] + $1.count) })
  }

  /// Equal blueprints lay out equal automata.
  public static func == (left: KeywordTable, right: KeywordTable) -> Bool {
    left.blueprint == right.blueprint && left.ruleStart == right.ruleStart && left.ruleList == right.ruleList
  }

  private init(blueprint: KeywordIndex.Blueprint, ruleList: [Int], ruleStart: [Int]) {
    self.blueprint = blueprint
    self.ruleList = ruleList
    self.ruleStart = ruleStart
    index = KeywordIndex(blueprint: blueprint)
  }

  /// The table of parts read back (the bundled catalog's, embedded by catalog-embed); nil
  /// when they are not a table's for `ruleCount` rules.
  public init?(blueprint: KeywordIndex.Blueprint?, ruleStart: [Int], ruleList: [Int], ruleCount: Int) {
    // Every rule index in range, one span per keyword, spans in order and covering the list.
    guard let blueprint, ruleStart.count == blueprint.keywords.count + 1, ruleStart.first == 0,
      ruleStart.last == ruleList.count, zip(ruleStart, ruleStart.dropFirst()).allSatisfy({ $0 <= $1 }),
      ruleList.allSatisfy({ (0..<ruleCount).contains($0) })
    else { return nil }
    self.init(blueprint: blueprint, ruleList: ruleList, ruleStart: ruleStart)
  }
}
