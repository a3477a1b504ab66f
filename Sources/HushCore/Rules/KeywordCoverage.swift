/// Proves, from a rule's regex alone, that every match holds one of the rule's keywords, so
/// the keyword prefilter never hides a match the regex would report.
///
/// In the style of Russ Cox's "Regular Expression Matching with a Trigram Index": each part of
/// the regex gets the set of strings it matches exactly (when small), the prefixes and
/// suffixes its matches start and end with, and a set of literals one of which every match
/// contains. Classes of a few bytes are expanded, sets are capped (prefixes and suffixes are
/// cut shorter, which keeps them true), and everything is ASCII case-folded as the prefilter
/// is. The keywords cover the regex when one such literal set has a keyword in each string.
public enum KeywordCoverage {
  /// What the analysis concludes for one regex.
  public enum Verdict: Equatable, Sendable {
    /// Every match holds one of these literals (lower-cased), and each holds a keyword.
    case covered(literals: [String])
    /// Why coverage could not be proven: a branch or construct, and the literals it has.
    case uncovered(String)
  }

  /// Whether `keywords` cover every match of `regex` (already `{{fragment}}`-expanded).
  public static func verdict(regex: String, keywords: [String]) -> Verdict {
    let node: RegexNode
    do {
      node = try RegexParser.parse(regex)
    } catch {
      return .uncovered("\(error): the analysis cannot prove that a match holds a keyword")
    }
    let analysis = LiteralAnalysis(keywords: keywords.map { Array($0.lowercased().utf8) }, budget: Budget())
    let facts = analysis.facts(of: node)
    if let proof = facts.proof { return .covered(literals: LiteralAnalysis.sortedText(proof)) }
    return .uncovered(analysis.explain(facts))
  }

  /// Problems of `rule`'s keywords as `rules check` prints them; empty when they cover it.
  public static func problems(with rule: Rule) -> [String] {
    guard case .uncovered(let why) = verdict(regex: rule.regex, keywords: rule.keywords) else { return [] }
    return ["\(rule.location): \(rule.id): the keywords do not cover the regex, \(why)"]
  }
}

/// A count of work left, shared by every part of one analysis.
final class Budget {
  private var remaining = 5_000

  /// Takes `cost` from what is left; false when not enough is.
  func spend(_ cost: Int) -> Bool {
    guard remaining >= cost else { return false }
    remaining -= cost
    return true
  }
}

/// What is known of the strings a part of a regex matches, case-folded.
struct LiteralFacts {
  /// Every match is one of these (nil: too many, or unbounded).
  var exact: Set<[UInt8]>?
  /// Every match starts with one of these (when `exact` is nil; `[]` alone: nothing known).
  var prefix: Set<[UInt8]> = [[]]
  /// Every match ends with one of these (when `exact` is nil).
  var suffix: Set<[UInt8]> = [[]]
  /// Literals one of which every match contains, each holding a keyword (nil: none proven).
  var proof: Set<[UInt8]>?
  /// The outermost branch that lost coverage, for the message.
  var gap: String?

  static let anything = LiteralFacts(exact: nil)
  static let emptyString = LiteralFacts(exact: [[]])

  var prefixes: Set<[UInt8]> { exact ?? prefix }
  var suffixes: Set<[UInt8]> { exact ?? suffix }
}

/// The analysis itself, for one rule's keywords.
struct LiteralAnalysis {
  let keywords: [[UInt8]]
  /// How many more sequences may be split by their groups' branches.
  let budget: Budget
  /// Most strings a set keeps; beyond it exact sets are dropped and prefixes cut shorter.
  static let setLimit = 128
  /// Largest class expanded into its bytes; a larger one is "some byte".
  static let classLimit = 26
  /// Largest cross product computed before cutting.
  static let productLimit = 4096

  func facts(of node: RegexNode) -> LiteralFacts {
    var facts: LiteralFacts
    switch node {
    case .empty: facts = .emptyString
    case .anything: facts = .anything
    case .byte(let set):
      facts = set.count <= Self.classLimit ? LiteralFacts(exact: Set(set.map { [$0] })) : .anything
    case .sequence(let parts):
      facts = parts.reduce(LiteralFacts.emptyString) { sequence($0, self.facts(of: $1)) }
      if settled(facts).proof == nil, let split = distributed(parts) { facts = split }
    case .alternation(let branches, let offset, let sources):
      facts = alternation(branches.map(self.facts(of:)), offset: offset, sources: sources)
    case .repetition(let node, let min, let max):
      facts = repetition(self.facts(of: node), min: min, max: max)
    }
    return settled(facts)
  }

  /// `a(?:b|c)d` read as `(?:abd|acd)`, when that proves what the whole could not: a branch's
  /// literals then join the text on both sides of the group. Tried only where coverage fails,
  /// within a budget, as the number of sequences grows with every group split.
  private func distributed(_ parts: [RegexNode]) -> LiteralFacts? {
    guard let index = parts.firstIndex(where: { if case .alternation = $0 { true } else { false } }),
      case .alternation(let branches, let offset, let sources) = parts[index], budget.spend(branches.count)
    else { return nil }
    let before = Array(parts[..<index])
    let after = Array(parts[(index + 1)...])
    let split: [LiteralFacts] = branches.map { branch in self.facts(of: .sequence(before + [branch] + after)) }
    let result = alternation(split, offset: offset, sources: sources)
    return result.proof == nil ? nil : result
  }

  /// `facts` with a proof taken from its exact set, prefixes or suffixes when one is covered.
  private func settled(_ facts: LiteralFacts) -> LiteralFacts {
    var facts = facts
    if let exact = facts.exact {
      facts.prefix = exact
      facts.suffix = exact
    }
    facts.proof = facts.proof ?? covered(facts.exact) ?? covered(facts.prefix) ?? covered(facts.suffix)
    return facts
  }

  /// `set` when every string in it holds a keyword.
  private func covered(_ set: Set<[UInt8]>?) -> Set<[UInt8]>? {
    guard let set, set.allSatisfy(holdsKeyword) else { return nil }
    return set
  }

  private func holdsKeyword(_ text: [UInt8]) -> Bool {
    keywords.contains { keyword in
      !keyword.isEmpty && keyword.count <= text.count
        && (0...(text.count - keyword.count)).contains { text[$0..<$0 + keyword.count].elementsEqual(keyword) }
    }
  }

  /// `x` then `y`: a match of either part is inside the whole, and so is the join of one of
  /// `x`'s suffixes with one of `y`'s prefixes.
  private func sequence(_ x: LiteralFacts, _ y: LiteralFacts) -> LiteralFacts {
    var result = LiteralFacts(exact: nil)
    if let left = x.exact, let right = y.exact, let product = Self.product(left, right, limit: Self.setLimit) {
      result.exact = product
    } else {
      result.prefix =
        x.exact.map { Self.product($0, y.prefixes).map(Self.cutPrefixes) ?? Self.cutPrefixes($0) }
        ?? x.prefix
      result.suffix =
        y.exact.map { Self.product(x.suffixes, $0).map(Self.cutSuffixes) ?? Self.cutSuffixes($0) }
        ?? y.suffix
    }
    let join = Self.product(x.suffixes, y.prefixes)
    result.proof = x.proof ?? y.proof ?? covered(join)
    result.gap = x.gap ?? y.gap
    return result
  }

  /// One of the branches: what all of them share.
  private func alternation(_ branches: [LiteralFacts], offset: Int, sources: [String]) -> LiteralFacts {
    var result = LiteralFacts(exact: nil)
    let exacts = branches.compactMap(\.exact)
    if exacts.count == branches.count {
      let union = exacts.reduce(into: Set<[UInt8]>()) { $0.formUnion($1) }
      if union.count <= Self.setLimit { result.exact = union }
    }
    if result.exact == nil {
      result.prefix = Self.cutPrefixes(branches.reduce(into: Set<[UInt8]>()) { $0.formUnion($1.prefixes) })
      result.suffix = Self.cutSuffixes(branches.reduce(into: Set<[UInt8]>()) { $0.formUnion($1.suffixes) })
    }
    let proofs = branches.compactMap(\.proof)
    if proofs.count == branches.count {
      result.proof = proofs.reduce(into: Set<[UInt8]>()) { $0.formUnion($1) }
    } else if let index = branches.firstIndex(where: { $0.proof == nil }) {
      result.gap =
        "branch \(index + 1) of the group at offset \(offset), `\(Self.clipped(sources[index]))`, "
        + "need not hold a keyword (\(Self.describe(branches[index])))"
    }
    return result
  }

  /// `x` repeated `min` to `max` times: exact while small; otherwise, when it must occur at
  /// least once, what one occurrence guarantees.
  private func repetition(_ x: LiteralFacts, min: Int, max: Int?) -> LiteralFacts {
    if let exact = x.exact, let max, let repeated = Self.powers(exact, min: min, max: max) {
      return LiteralFacts(exact: repeated)
    }
    guard min > 0 else {
      var result = LiteralFacts.anything
      result.gap = x.proof == nil ? x.gap : "an optional or repeated part may match nothing"
      return result
    }
    var result = LiteralFacts(exact: nil)
    let first = x.exact.flatMap { Self.powers($0, min: min, max: min) } ?? x.exact
    result.prefix = first.map(Self.cutPrefixes) ?? x.prefix
    result.suffix = first.map(Self.cutSuffixes) ?? x.suffix
    result.proof = x.proof ?? covered(first)
    result.gap = x.gap
    return result
  }

  /// Every concatenation of `min` to `max` strings of `set`, or nil past the set limit.
  private static func powers(_ set: Set<[UInt8]>, min: Int, max: Int) -> Set<[UInt8]>? {
    guard min <= max else { return [] }
    var power: Set<[UInt8]> = [[]]
    var result: Set<[UInt8]> = min == 0 ? [[]] : []
    for count in 1...Swift.max(1, max) where max > 0 {
      guard let next = product(power, set, limit: setLimit) else { return nil }
      power = next
      if count >= min { result.formUnion(power) }
      if result.count > setLimit { return nil }
    }
    return result
  }

  /// Every `a + b`, or nil when there would be more than `limit`.
  private static func product(_ left: Set<[UInt8]>, _ right: Set<[UInt8]>, limit: Int = productLimit)
    -> Set<[UInt8]>?
  {
    guard left.count * right.count <= limit else { return nil }
    var result = Set<[UInt8]>()
    for a in left { for b in right { result.insert(a + b) } }
    return result
  }

  /// Cuts the longest strings' ends until at most `setLimit` remain (a prefix of a prefix is
  /// one too).
  private static func cutPrefixes(_ set: Set<[UInt8]>) -> Set<[UInt8]> {
    cut(set) { Array($0.prefix($1)) }
  }

  private static func cutSuffixes(_ set: Set<[UInt8]>) -> Set<[UInt8]> {
    cut(set) { Array($0.suffix($1)) }
  }

  private static func cut(_ set: Set<[UInt8]>, keeping: ([UInt8], Int) -> [UInt8]) -> Set<[UInt8]> {
    var set = set
    while set.count > setLimit, let longest = set.map(\.count).max(), longest > 0 {
      set = Set(set.map { keeping($0, longest - 1) })
    }
    return set
  }

  /// The message for a regex whose coverage could not be proven: the literals a match must
  /// start with, end with or be that come closest, and those of them that hold no keyword;
  /// else the outermost branch that has none.
  func explain(_ facts: LiteralFacts) -> String {
    let candidates = [("be", facts.exact), ("start with", facts.prefix), ("end with", facts.suffix)]
      .compactMap { name, set in set.flatMap { $0.contains([]) ? nil : (name, $0) } }
      .map { name, set in (name, set.filter { !holdsKeyword($0) }, set.count) }
    // The set closest to covered: the smallest share of strings without a keyword.
    let closest = candidates.min { ($0.1.count * $1.2, $0.1.count) < ($1.1.count * $0.2, $1.1.count) }
    if let (name, found, _) = closest {
      let missing = name == "be" ? found : Self.collapsed(found, keepingStart: name == "start with")
      return "a match may \(name) \(Self.list(missing)): no keyword is in \(missing.count == 1 ? "it" : "them")"
    }
    if let gap = facts.gap { return gap }
    return "no literal is required of a match"
  }

  /// `set` with its strings' last (or first) byte dropped while that merges strings: 16
  /// prefixes `key=0` … `key=f` read better as `key=`, and a prefix of a prefix is one too.
  private static func collapsed(_ set: Set<[UInt8]>, keepingStart: Bool) -> Set<[UInt8]> {
    var set = set
    while true {
      let shorter = Set(set.map { $0.count < 2 ? $0 : keepingStart ? Array($0.dropLast()) : Array($0.dropFirst()) })
      guard shorter.count < set.count else { return set }
      set = shorter
    }
  }

  /// The literals known of `facts`, briefly.
  static func describe(_ facts: LiteralFacts) -> String {
    if let exact = facts.exact { return "it matches only \(list(exact))" }
    let known = [("starts with", facts.prefix), ("ends with", facts.suffix)].filter { !$0.1.contains([]) }
    guard !known.isEmpty else { return "no literal is required" }
    return known.map { "it \($0.0) \(list($0.1))" }.joined(separator: ", ")
  }

  private static func list(_ set: Set<[UInt8]>) -> String {
    let texts = sortedText(set).map(escaped)
    let shown = texts.prefix(6).map { "'\($0)'" }.joined(separator: ", ")
    guard texts.count > 1 else { return shown }
    return texts.count > 6 ? "one of \(shown) … (\(texts.count))" : "one of \(shown)"
  }

  static func sortedText(_ set: Set<[UInt8]>) -> [String] {
    set.map { String(decoding: $0, as: UTF8.self) }.sorted()
  }

  /// `text` with control bytes written as escapes, so a message stays on one line.
  private static func escaped(_ text: String) -> String {
    text.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? $0.escaped(asASCII: true) : String($0) }
      .joined()
  }

  private static func clipped(_ source: String) -> String {
    let flat = source.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    return flat.count > 60 ? String(flat.prefix(57)) + "..." : flat
  }
}
