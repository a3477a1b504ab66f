import Testing

@testable import HushCore

@Suite struct CatalogTests {
  static let catalog: RuleCatalog = {
    RuleCatalog.bundled
  }()

  @Test func bundledCatalogIsLargeAndCoversEveryFamily() {
    let rules = Self.catalog.rules
    #expect(rules.count >= 80)
    let providers = Set(rules.map(\.provider))
    for provider in ["aws", "github", "slack", "stripe", "openai", "anthropic", "generic"] {
      #expect(providers.contains(provider), "no rule for \(provider)")
    }
  }

  @Test(arguments: catalog.rules)
  func ruleFindsItsExamplesAndNotItsCounterExamples(_ rule: Rule) {
    #expect(rule.examples.count >= 1 && rule.counterExamples.count >= 1, "\(rule.id)")
    let problems = RuleChecker.problems(with: rule, requireMarkedSecrets: true)
    #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
  }

  /// A keyword list that misses a possible match silently loses findings: every example's
  /// whole match (not just the secret) must contain one of the rule's keywords.
  @Test(arguments: catalog.rules)
  func everyExampleMatchContainsAKeyword(_ rule: Rule) throws {
    let regex = try PCRE2Regex(rule.regex, name: rule.id)
    for example in rule.examples {
      let matches = try regex.allMatches(in: example)
      #expect(!matches.isEmpty, "\(rule.id): \(example)")
      let bytes = Array(example.utf8)
      for match in matches {
        let text = String(decoding: bytes[match.range], as: UTF8.self).lowercased()
        #expect(rule.keywords.contains { text.contains($0) }, "\(rule.id): match holds no keyword")
      }
    }
  }

  @Test func prefilterOnAndOffGiveTheSameFindings() throws {
    var corpus = ""
    for rule in Self.catalog.rules {
      corpus += (rule.examples + rule.counterExamples).joined(separator: "\n") + "\n"
      corpus += "filler line with words like key token secret password and numbers 12345\n"
    }
    let bytes = Array(corpus.utf8)
    let on = try Detector(catalog: Self.catalog).scan(bytes)
    let off = try Detector(catalog: Self.catalog, options: DetectorOptions(usePrefilter: false)).scan(bytes)
    let key = { (f: Finding) in "\(f.rule.id)@\(f.secretRange)" }
    #expect(on.map(key) == off.map(key))
    // Rules scoped to some files (`paths`) do not fire in this corpus, which has no path.
    #expect(on.count >= Self.catalog.rules.filter(\.paths.isEmpty).count - 2)
  }

  @Test func jitAndInterpreterGiveTheSameFindings() throws {
    let corpus = Self.catalog.rules.flatMap(\.examples).joined(separator: "\n")
    let jit = try Detector(catalog: Self.catalog).scan(Array(corpus.utf8))
    let interpreted = try Detector(catalog: Self.catalog, options: DetectorOptions(useJIT: false))
      .scan(Array(corpus.utf8))
    #expect(jit.map(\.secretRange) == interpreted.map(\.secretRange))
  }
}

@Suite struct RuleCatalogParsingTests {
  let valid = """
    [[rule]]
    id = "demo-token"
    description = "Demo"
    provider = "demo"
    severity = "high"
    keywords = ["demo_"]
    regex = '''(demo_[a-z0-9]{8})'''
    rotate = "Rotate it."
    examples = ["demo_a1b2c3d4"]
    counter-examples = ["demo_short"]
    """

  @Test func parsesAValidRule() throws {
    let rules = try RuleCatalog.parse(file: "t.toml", text: valid)
    #expect(rules.map(\.id) == ["demo-token"])
    #expect(rules[0].location == "t.toml:1")
  }

  @Test func missingFieldNamesFileAndLine() {
    let text = "# header\n" + valid.replacingOccurrences(of: "rotate = \"Rotate it.\"\n", with: "")
    #expect(throws: RuleError.missingField("rotate", file: "t.toml", line: 2)) {
      try RuleCatalog.parse(file: "t.toml", text: text)
    }
  }

  @Test func unknownFieldIsAnError() {
    let text = valid + "\nsecret-grop = 1\n"
    #expect(throws: RuleError.unknownField("secret-grop", file: "t.toml", line: 11)) {
      try RuleCatalog.parse(file: "t.toml", text: text)
    }
  }

  @Test func wrongTypeNamesTheLine() {
    let text = valid.replacingOccurrences(of: "keywords = [\"demo_\"]", with: "keywords = \"demo_\"")
    #expect(throws: RuleError.wrongType("keywords", expected: "an array of strings", file: "t.toml", line: 6)) {
      try RuleCatalog.parse(file: "t.toml", text: text)
    }
  }

  @Test func shortOrUpperCaseKeywordsAreRejected() {
    for keyword in ["de", "DEMO_"] {
      let text = valid.replacingOccurrences(of: "[\"demo_\"]", with: "[\"\(keyword)\"]")
      #expect(throws: RuleError.self) { try RuleCatalog.parse(file: "t.toml", text: text) }
    }
  }

  @Test func duplicateIDsAcrossFiles() {
    #expect(throws: RuleError.duplicateID("demo-token", file: "b.toml", line: 1, firstSeen: "a.toml:1")) {
      try RuleCatalog.parse(files: [("a.toml", valid), ("b.toml", valid)])
    }
  }

  @Test func tomlSyntaxErrorCarriesLineAndColumn() {
    do {
      _ = try RuleCatalog.parse(file: "bad.toml", text: "[[rule]]\nid = \"x\nother = 1\n")
      Issue.record("expected a syntax error")
    } catch {
      #expect(error.description.hasPrefix("bad.toml:2:"))
    }
  }
}
