import Testing

@testable import HushCore

/// `{{name}}` fragments in a rule's regex: expanded by the parser, errors with file:line.
@Suite struct RuleFragmentsTests {
  /// A rule file whose regex is `regex` (line 7 of the file).
  static func ruleFile(regex: String, example: String = "DEMO_KEY = ⟦demo_a1b2c3d4⟧") -> String {
    """
    [[rule]]
    id = "demo-token"
    description = "Demo"
    provider = "demo"
    severity = "high"
    keywords = ["demo"]
    regex = '''\(regex)'''
    rotate = "Rotate it."
    examples = ["\(example)"]
    counter-examples = ['DEMO_KEY = demo_short']
    """
  }

  @Test func knownFragmentIsPastedAsWritten() throws {
    let rule = try RuleCatalog.parse(
      file: "t.toml", text: Self.ruleFile(regex: "(?i)demo{{name-tail}}{{assign}}(demo_[a-z0-9]{8})"))[0]
    let expected =
      "(?i)demo" + #"[\w.-]{0,10}?"# + #"["']?\]?[ \t]*(?::=|=>|=|:|>|value=)[ \t]*["']?"#
      + "(demo_[a-z0-9]{8})"
    #expect(rule.regex == expected)
    #expect(RuleChecker.problems(with: rule, requireMarkedSecrets: true).isEmpty)
  }

  @Test func unknownFragmentNamesFileAndLine() {
    let text = Self.ruleFile(regex: "(?i)demo{{asign}}(demo_[a-z0-9]{8})")
    do {
      _ = try RuleCatalog.parse(file: "t.toml", text: text)
      Issue.record("expected an unknown-fragment error")
    } catch {
      #expect(error.description.hasPrefix("t.toml:7: invalid 'regex': unknown fragment '{{asign}}'"))
    }
  }

  @Test func unknownFragmentOnALaterLineOfAMultiLineRegexNamesThatLine() {
    let text = Self.ruleFile(regex: "(?x)(?i)\n  demo {{name-tail}}\n  {{asign}}\n  (demo_[a-z0-9]{8})\n")
    do {
      _ = try RuleCatalog.parse(file: "t.toml", text: text)
      Issue.record("expected an unknown-fragment error")
    } catch {
      #expect(error.description.hasPrefix("t.toml:9:"))
    }
  }

  @Test(arguments: [#"a\{{assign}}"#, "x{{1,3}}", "{{ assign }}", "{{Assign}}"])
  func braceTextThatNamesNoFragmentIsLeftAlone(_ regex: String) throws {
    #expect(try RuleFragments.expand(regex) == regex)
  }

  @Test func fragmentsHoldNoCaptureGroupSpaceOrHash() {
    for (name, text) in RuleFragments.all {
      // "(" not followed by "?" would open a capture group and shift secret-group.
      let opens = text.indices.filter { text[$0] == "(" && text[text.index(after: $0)] != "?" }
      #expect(opens.isEmpty, "\(name)")
      #expect(!text.contains("#") && !text.replacingOccurrences(of: "[ \\t]", with: "").contains(" "), "\(name)")
    }
  }

  @Test func extendedModeRuleWithCommentsMatchesLikeItsOneLineForm() throws {
    let extended = """
      (?x)(?i)
        demo {{name-tail}}             # the setting's name
        {{assign}}
        ( demo_ [a-z0-9]{8} )          (?# the secret)
        \\#? [ ]? \\ ?                 # an escaped hash and spaces still match literally
        {{token-end}}
      """
    let oneLine = "(?i)demo{{name-tail}}{{assign}}(demo_[a-z0-9]{8})#? ? ?{{token-end}}"
    let rules = try [extended, oneLine].map {
      try RuleCatalog.parse(file: "t.toml", text: Self.ruleFile(regex: $0))[0]
    }
    let secret = "demo_" + "k3m9p2x7"
    for text in [
      "DEMO_KEY = " + secret, "\"demo_api_key\": \"" + secret + "\"", "demo_key=" + secret + "# ",
      "demo=" + secret + "x",
    ] {
      let found = try rules.map {
        try Detector(catalog: RuleCatalog(rules: [$0])).scan(Array(text.utf8)).map(\.secretRange)
      }
      #expect(found[0] == found[1], "\(text)")
    }
    #expect(RuleChecker.problems(with: rules[0], requireMarkedSecrets: true).isEmpty)
  }
}
