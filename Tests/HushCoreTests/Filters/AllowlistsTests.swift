import Testing

@testable import HushCore

/// `Allowlists`: which entry allows a finding, global before the rule's own, and no entry
/// allows more than it says.
@Suite struct AllowlistsTests {
  static func rule(_ id: String) -> Rule {
    Rule(
      id: id, description: id, provider: "demo", severity: .high, keywords: ["demo_"], regex: "(demo_[a-z0-9]+)",
      rotate: "Rotate it.", location: "t.toml:1")
  }

  /// Why the secret `secret`, found in `text` at `path` by `ruleID`, is allowed (nil: reported).
  static func reason(
    _ allowlists: Allowlists, text: String, secret: String, path: String = "src/app.py", ruleID: String = "demo-token"
  ) throws -> String? {
    let bytes = Array(text.utf8)
    let start = try #require(text.range(of: secret)).lowerBound.utf16Offset(in: text)
    let finding = Finding(
      rule: rule(ruleID), path: path, line: 1, column: 1, endLine: 1, secret: Array(secret.utf8),
      secretRange: start..<(start + secret.utf8.count), entropy: 3)
    let scratch = MatchScratch()
    return bytes.withUnsafeBufferPointer { allowlists.reason(for: finding, in: $0, scratch: scratch) }
  }

  static func allowlists(_ build: (inout HushConfig) -> Void) throws -> Allowlists {
    var config = HushConfig()
    build(&config)
    return try Allowlists(config: config)
  }

  @Test func pathGlobsMatchTheWholePathOrTheBaseName() throws {
    let lists = try Self.allowlists { $0.allowlist.paths = ["vendor/*", "*.lock"] }
    let text = "k = demo_a1b2c3d4\n"
    #expect(
      try Self.reason(lists, text: text, secret: "demo_a1b2c3d4", path: "vendor/x/y.py")
        == #"allowlist.paths "vendor/*""#)
    #expect(
      try Self.reason(lists, text: text, secret: "demo_a1b2c3d4", path: "deep/yarn.lock")
        == #"allowlist.paths "*.lock""#)
    #expect(try Self.reason(lists, text: text, secret: "demo_a1b2c3d4", path: "src/vendor.py") == nil)
  }

  @Test func stopwordsMatchInAnyCaseInsideTheSecretOnly() throws {
    let lists = try Self.allowlists { $0.allowlist.stopwords = ["SandBox"] }
    #expect(
      try Self.reason(lists, text: "k = demo_SANDBOX9z\n", secret: "demo_SANDBOX9z")
        == #"allowlist.stopwords "sandbox""#)
    #expect(try Self.reason(lists, text: "sandbox = demo_a1b2c3d4\n", secret: "demo_a1b2c3d4") == nil, "not the line")
  }

  @Test func secretRegexesSeeTheSecretAndLineRegexesItsLine() throws {
    let lists = try Self.allowlists {
      $0.allowlist.secrets = ["^demo_test"]
      $0.allowlist.lines = [#"example\.com"#]
    }
    #expect(
      try Self.reason(lists, text: "k = demo_testa1b2\n", secret: "demo_testa1b2") == "allowlist.secrets '^demo_test'")
    #expect(try Self.reason(lists, text: "demo_test k = demo_livea1b2\n", secret: "demo_livea1b2") == nil)
    #expect(
      try Self.reason(lists, text: "url = example.com k = demo_a1b2c3d4\n", secret: "demo_a1b2c3d4")
        == #"allowlist.lines 'example\.com'"#)
    #expect(
      try Self.reason(lists, text: "example.com\nk = demo_a1b2c3d4\nexample.com\n", secret: "demo_a1b2c3d4") == nil,
      "only the secret's own line")
  }

  @Test func aRulesOwnAllowlistAppliesToThatRuleAfterTheGlobalOne() throws {
    let lists = try Self.allowlists {
      $0.allowlist.paths = ["vendor/*"]
      var override = RuleOverride()
      override.allowlist.paths = ["docs/*", "vendor/*"]
      $0.overrides["demo-token"] = override
    }
    let text = "k = demo_a1b2c3d4\n"
    #expect(
      try Self.reason(lists, text: text, secret: "demo_a1b2c3d4", path: "docs/guide.md")
        == #"rules.demo-token.allowlist.paths "docs/*""#)
    #expect(try Self.reason(lists, text: text, secret: "demo_a1b2c3d4", path: "docs/guide.md", ruleID: "other") == nil)
    #expect(
      try Self.reason(lists, text: text, secret: "demo_a1b2c3d4", path: "vendor/a.py")
        == #"allowlist.paths "vendor/*""#,
      "the global entry is named first")
  }

  @Test func anInvalidRegexNamesItsList() {
    #expect(throws: RegexError.self) {
      _ = try Self.allowlists { $0.allowlist.secrets = ["(unclosed"] }
    }
    do {
      _ = try Self.allowlists {
        var override = RuleOverride()
        override.allowlist.lines = ["[z-a]"]
        $0.overrides["demo-token"] = override
      }
      Issue.record("an invalid regex must not compile")
    } catch {
      guard case .compile(let rule, _, _)? = error as? RegexError else {
        Issue.record("a compile error, not \(error)")
        return
      }
      #expect(rule == "rules.demo-token.allowlist.lines")
    }
  }
}
