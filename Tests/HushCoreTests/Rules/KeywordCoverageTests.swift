import Testing

@testable import HushCore

/// The static proof that a rule's keywords cover its regex, construct by construct.
@Suite struct KeywordCoverageTests {
  static func verdict(_ regex: String, _ keywords: [String]) -> KeywordCoverage.Verdict {
    KeywordCoverage.verdict(regex: regex, keywords: keywords)
  }

  static func isCovered(_ regex: String, _ keywords: [String]) -> Bool {
    if case .covered = verdict(regex, keywords) { return true }
    return false
  }

  static func reason(_ regex: String, _ keywords: [String]) -> String {
    if case .uncovered(let why) = verdict(regex, keywords) { return why }
    return "covered"
  }

  @Test func literalsAndCaseFolding() {
    #expect(Self.verdict("sk_live_[0-9a-z]{24}", ["sk_live_"]) == .covered(literals: ["sk_live_"]))
    // The prefilter folds ASCII case, so the analysis does too, with or without (?i).
    #expect(Self.isCovered("SK_LIVE_[0-9]{4}", ["sk_live_"]))
    #expect(Self.isCovered("(?i)Sk_Live_[0-9]{4}", ["sk_live_"]))
    #expect(!Self.isCovered("sk_test_[0-9]{4}", ["sk_live_"]))
  }

  @Test func smallClassesExpandAndLargeOnesDoNot() {
    // `api[_.-]?key` is four spellings; each must hold a keyword.
    #expect(Self.verdict("stripe[_.-]?key", ["stripe"]) == .covered(literals: ["stripe"]))
    #expect(Self.isCovered("api[_.-]?key", ["api_key", "api.key", "api-key", "apikey"]))
    #expect(!Self.isCovered("api[_.-]?key", ["api_key", "api-key", "apikey"]))
    #expect(Self.reason("api[_.-]?key", ["api_key"]).contains("'api.key'"))
    // 36 bytes is "some byte": no literal to require.
    #expect(!Self.isCovered("[a-z0-9]{3}", ["abc"]))
  }

  @Test func escapesAndQuoting() {
    #expect(Self.isCovered(#"stripe\.com/\x41pi"#, ["stripe.com/api"]))
    #expect(Self.isCovered(#"\Qa.b*c\E[0-9]+"#, ["a.b*c"]))
    #expect(Self.isCovered(#"key\tvalue"#, ["key\tvalue"]))
    #expect(Self.isCovered(#"\bghp_\w{36}\b"#, ["ghp_"]))
    #expect(Self.isCovered(#"(?<![A-Za-z0-9_-])(ghp_\w{36})(?![A-Za-z0-9_-])"#, ["ghp_"]))
  }

  @Test func extendedModeSkipsSpacesAndComments() {
    let regex = """
      (?x)
        acme  # the provider
        [_.-]?token \\  x   # an escaped space counts
      """
    #expect(Self.isCovered(regex, ["acme"]))
    #expect(Self.isCovered(regex, ["token x"]))
    // Inside a class a space is itself, in (?x) too.
    #expect(Self.isCovered("(?x)acme[ ]x", ["acme x"]))
    // Without (?x), spaces are literal.
    #expect(Self.isCovered("acme x", ["acme x"]))
    // A scoped (?x:…) ends with its group.
    #expect(Self.isCovered("(?x: a b )c d", ["abc d"]))
  }

  @Test func groupsOfEveryKind() {
    for regex in [
      "(acme)", "(?:acme)", "(?<name>acme)", "(?P<name>acme)", "(?'name'acme)", "(?>acme)", "(?|acme)",
      "(?i:acme)", "(?-i:acme)", "(?im)acme", "(?#comment)acme",
    ] {
      #expect(Self.isCovered(regex + "[0-9]+", ["acme"]), "\(regex)")
    }
    // Lookarounds consume nothing: a keyword only inside one proves nothing.
    #expect(!Self.isCovered("(?<=acme=)[0-9]{8}", ["acme"]))
    #expect(!Self.isCovered("[0-9]{8}(?=acme)", ["acme"]))
  }

  @Test func alternationNeedsAKeywordInEveryBranch() {
    #expect(Self.isCovered("(?:sk|rk)_live_[0-9]+", ["sk_live_", "rk_live_"]))
    #expect(!Self.isCovered("(?:sk|rk)_live_[0-9]+", ["sk_live_"]))
    // The message names the literals that hold no keyword.
    let why = Self.reason("(?:acme_key|token)=.{8}", ["acme"])
    #expect(why == "a match may start with 'token=': no keyword is in it", "\(why)")
    // A branch with no literal at all is named.
    let branch = Self.reason("(?:acme_[0-9]{4}|.{40})", ["acme"])
    #expect(branch.hasPrefix("branch 2 of the group at offset 0, `.{40}`, need not hold a keyword"), "\(branch)")
    // Literals that cross the group's edge count: `(?:a|b)pi_key` always holds "pi_key".
    #expect(Self.isCovered("(?:a|b)pi_key", ["pi_key"]))
    #expect(Self.isCovered("(?:stripe|acme)[_.-]?secret", ["stripe", "acme"]))
  }

  @Test func quantifiers() {
    #expect(Self.isCovered("(?:acme)+[0-9]", ["acme"]))
    #expect(Self.isCovered("(?:acme){2,}?[0-9]", ["acmeacme"]))
    #expect(Self.isCovered("ac{1,2}me", ["acme", "accme"]))
    #expect(Self.isCovered("ac{2}+me", ["accme"]))
    #expect(!Self.isCovered("(?:acme)?[0-9]{8}", ["acme"]))
    #expect(!Self.isCovered("(?:acme)*[0-9]{8}", ["acme"]))
    #expect(!Self.isCovered("(?:acme){0,3}[0-9]{8}", ["acme"]))
    // A brace that is no quantifier is a literal.
    #expect(Self.isCovered("\\$\\{acme}x{", ["${acme}x{"]))
  }

  @Test func anchorsAndAssertionsMatchNothing() {
    #expect(Self.isCovered(#"^acme\z"#, ["acme"]))
    #expect(Self.isCovered(#"\Aac\Kme$"#, ["acme"]))
  }

  @Test func constructsItCannotReadAreRefused() {
    for (regex, construct) in [
      ("(?(1)a|b)acme", "the group '(?('"), ("(?R)acme", "the group '(?R'"), ("(*UTF)acme", "'(*'"),
      ("(?C1)acme", "the group '(?C'"), ("acme\\i", "the escape '\\i'"), ("(acme", "an unclosed '('"),
      ("acme)", "an unmatched ')'"), ("[acme", "an unclosed '['"),
    ] {
      let why = Self.reason(regex, ["acme"])
      #expect(why.hasPrefix("cannot analyse") && why.contains(construct), "\(regex): \(why)")
    }
  }

  @Test func backReferencesAreAnyText() {
    #expect(Self.isCovered(#"(["'])acme\1"#, ["acme"]))
    #expect(!Self.isCovered(#"(acme)\1"#, ["acmeacme"]))
  }

  @Test func everyBuiltInRuleIsCovered() {
    var uncovered: [String] = []
    for rule in RuleCatalog.bundled.rules {
      uncovered += KeywordCoverage.problems(with: rule)
    }
    #expect(uncovered.isEmpty, "\(uncovered.count) rules:\n\(uncovered.joined(separator: "\n"))")
  }
}
