import Testing

@testable import HushCore

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
