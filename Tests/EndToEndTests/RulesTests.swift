import Foundation
import Testing

/// `hush rules check FILE`: a rule author checks new rules without rebuilding Hush.
@Suite struct RulesTests {
  static func ruleFile(id: String, example: String, counterExample: String) -> String {
    #"""
    [[rule]]
    id = "\#(id)"
    description = "ACME deploy token"
    provider = "acme"
    severity = "high"
    keywords = ["acmedeploy_"]
    regex = '''\b(acmedeploy_[0-9a-f]{32})\b'''
    rotate = "Revoke it in the ACME console."
    examples = ['\#(example)']
    counter-examples = ['\#(counterExample)']

    """#
  }

  @Test func checksTheRulesOfTheNamedFiles() throws {
    let box = try Sandbox()
    let token = "acmedeploy_" + "3f9a1c7e5b2d4f6a8c0e1b3d5f7a9c2e"
    try box.write("good.toml", Self.ruleFile(id: "acme-deploy", example: "T=" + token, counterExample: "T=acmedeploy_"))
    let good = try hush(["rules", "check", "good.toml"], in: box.url)
    #expect(good.status == 0, "\(good.stderr)")
    #expect(good.stderr.contains("1 rules, 2 examples, 0 problems"))

    try box.write(
      "bad.toml", Self.ruleFile(id: "acme-deploy", example: "T=acmedeploy_short", counterExample: "T=" + token))
    let bad = try hush(["rules", "check", "bad.toml"], in: box.url)
    #expect(bad.status == 1)
    #expect(bad.stderr.contains("acme-deploy: example 1 does not match"))
    #expect(bad.stderr.contains("acme-deploy: counter-example 1 is reported as a secret"))
    #expect(!bad.stderr.contains(token), "diagnostics name examples by number, never print them")
  }

  /// A rule whose keywords miss a spelling its regex accepts is a problem, named with the
  /// rule's file:line and the literal that holds no keyword, in a rule file or a `.hush.toml`.
  @Test func keywordsThatDoNotCoverTheRegexAreAProblem() throws {
    let box = try Sandbox()
    let token = Fake(seed: 18).random(32, from: Array("0123456789abcdef"))
    let rule = Self.ruleFile(id: "acme-deploy", example: "ACME_DEPLOY=" + token, counterExample: "ACME_DEPLOY=x")
      .replacingOccurrences(of: #"\b(acmedeploy_[0-9a-f]{32})\b"#, with: #"acme[_.-]?deploy=([0-9a-f]{32})\b"#)
      .replacingOccurrences(of: #"["acmedeploy_"]"#, with: #"["acme_deploy", "acmedeploy"]"#)
    try box.write("rules.toml", rule)
    let run = try hush(["rules", "check", "rules.toml"], in: box.url)
    #expect(run.status == 1, "\(run.stderr)")
    #expect(
      run.stderr.contains(
        "rules.toml:1: acme-deploy: the keywords do not cover the regex, a match may start with one of 'acme-deploy=', 'acme.deploy=': no keyword is in them"
      ), "\(run.stderr)")
    try box.write(".hush.toml", "# team rules\n\n" + rule)
    let config = try hush(["config", "check", ".hush.toml"], in: box.url)
    #expect(config.status == 1, "\(config.stderr)")
    #expect(
      config.stderr.contains(".hush.toml:3: acme-deploy: the keywords do not cover the regex"), "\(config.stderr)")
  }

  @Test func anIDOfTheBuiltInCatalogIsRefused() throws {
    let box = try Sandbox()
    try box.write("clash.toml", Self.ruleFile(id: "stripe-secret-key", example: "x", counterExample: "y"))
    let run = try hush(["rules", "check", "clash.toml"], in: box.url)
    #expect(run.status == 2)
    #expect(run.stderr.contains("clash.toml:1: rule id 'stripe-secret-key'"))
    let missing = try hush(["rules", "check", "absent.toml"], in: box.url)
    #expect(missing.status == 2)
    #expect(missing.stderr.contains("absent.toml: no such file or directory"))
  }
}

@Suite struct RulesCommandTests {
  @Test func rulesCheckPasses() throws {
    let run = try hush(["rules", "check"], in: Binary.packageRoot)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stderr.contains("0 problems"))
  }

  @Test func rulesListJSON() throws {
    let run = try hush(["rules", "list", "--format", "json"], in: Binary.packageRoot)
    #expect(run.status == 0)
    let rules = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]])
    let patterns = Binary.packageRoot.appendingPathComponent("patterns")
    let tables = try FileManager.default.contentsOfDirectory(atPath: patterns.path).filter { $0.hasSuffix(".toml") }
      .map { try String(contentsOf: patterns.appendingPathComponent($0), encoding: .utf8) }
      .flatMap { $0.split(separator: "\n") }.filter { $0 == "[[rule]]" }
    #expect(rules.count == tables.count, "one entry per [[rule]] table of patterns/")
    let first = try #require(rules.first)
    #expect(Set(first.keys) == ["id", "description", "provider", "severity", "keywords", "reference", "location"])
    let location = try #require(first["location"] as? String)
    let parts = location.split(separator: ":")
    #expect(parts.count == 2 && parts[0].hasPrefix("patterns/") && Int(parts[1]) != nil, "\(location)")
  }

  /// Hush's own repository scans clean: rule examples live in patterns/, which .hush.toml
  /// allowlists, and tests build their fake secrets at run time.
  @Test func ownRepositoryScansClean() throws {
    let run = try hush(["scan", "--format", "json"], in: Binary.packageRoot)
    // The negative corpus's UUIDs are the scorer's known false positives (AccuracyTests).
    let files = Set(try run.findings().compactMap { $0["file"] as? String })
    #expect(
      files.isSubset(of: [
        "Tests/Accuracy/negatives/uuids/Project.csproj", "Tests/Accuracy/negatives/uuids/appsettings.json",
      ]), "\(run.stdout)")
  }
}
