import Foundation
import Testing

/// `hush audit` on repositories with sensitive files in every state.
@Suite struct AuditTests {
  static let required = [
    ".env", ".env.*", "id_rsa", "id_ed25519", "*.p12", "*.pfx", "*.tfstate", "*.tfstate.*",
    ".claude/settings.local.json", ".kiro/settings/mcp.json",
  ]

  static func gitignore(_ box: Sandbox) throws -> String {
    try String(contentsOf: box.url.appendingPathComponent(".gitignore"), encoding: .utf8)
  }

  @Test func trackedEnvFileIsReportedWithItsFix() throws {
    let box = try Sandbox(git: true)
    try box.write(".gitignore", Self.required.joined(separator: "\n") + "\n")
    try box.write("config/.env", "DB_PASSWORD=hunter22\n")
    try box.git(["add", "-f", "config/.env", ".gitignore"])
    let run = try hush(["audit", "--format", "json"], in: box.url)
    #expect(run.status == 1)
    let json = try run.json()
    let problems = try #require(json["problems"] as? [[String: Any]])
    #expect(problems.count == 1)
    #expect(problems.first?["kind"] as? String == "tracked")
    #expect(problems.first?["path"] as? String == "config/.env")
    #expect(problems.first?["fix"] as? String == "git rm --cached config/.env")
    #expect((json["missingLines"] as? [String])?.isEmpty == true)
  }

  @Test func jsonLinesAndSARIFCarryTheProblems() throws {
    let box = try Sandbox(git: true)
    try box.write(".gitignore", Self.required.joined(separator: "\n") + "\n")
    try box.write("config/.env", "DB_PASSWORD=hunter22\n")
    try box.git(["add", "-f", "config/.env", ".gitignore"])
    let lines = try hush(["audit", "--format", "jsonl"], in: box.url)
    #expect(lines.status == 1)
    let objects = try lines.stdout.split(separator: "\n").map { line in
      try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
    }
    #expect(objects.count == 1, "one object per problem: \(lines.stdout)")
    #expect(objects.first?["type"] as? String == "problem" && objects.first?["kind"] as? String == "tracked")
    #expect(objects.first?["path"] as? String == "config/.env")

    let sarif = try hush(["audit", "--format", "sarif"], in: box.url)
    #expect(sarif.status == 1)
    let log = try #require(try JSONSerialization.jsonObject(with: Data(sarif.stdout.utf8)) as? [String: Any])
    let run = try #require((log["runs"] as? [[String: Any]])?.first)
    let results = try #require(run["results"] as? [[String: Any]])
    #expect(results.count == 1)
    #expect(results.first?["ruleId"] as? String == "hush-audit-tracked")
    let location = (results.first?["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any]
    #expect((location?["artifactLocation"] as? [String: Any])?["uri"] as? String == "config/.env")
    let rules = ((run["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]]
    #expect(rules?.map { $0["id"] as? String } == ["hush-audit-tracked"], "the result's ruleIndex 0 names it")
  }

  @Test func unignoredAgentConfigWithALiteralTokenIsAFinding() throws {
    let fake = Fake(seed: 101)
    let box = try Sandbox(git: true)
    try box.write(".gitignore", Self.required.joined(separator: "\n") + "\n")
    let token = fake.opaqueToken()
    try box.write("mcp.json", Fake.mcpConfig(token: token))
    try box.write(".vscode/mcp.json", Fake.mcpConfig(token: "${env:GITHUB_TOKEN}"))
    let run = try hush(["audit", "--format", "json"], in: box.url)
    #expect(run.status == 1)
    let findings = try run.findings()
    #expect(findings.count == 1)
    #expect(findings.first?["file"] as? String == "mcp.json")
    #expect(findings.first?["line"] as? Int == 6)
    #expect(!run.stdout.contains(token))
  }

  @Test func ignoredEnvIsCleanAndPersonalExcludesAreCalledOut() throws {
    let box = try Sandbox(git: true)
    try box.write(".gitignore", Self.required.joined(separator: "\n") + "\n")
    try box.write(".env", "SECRET=1\n")
    let clean = try hush(["audit"], in: box.url)
    #expect(clean.status == 0, "\(clean.stdout)")
    #expect(clean.stderr.contains("audit clean"))

    try box.write(".gitignore", "build/\n")
    try box.write(".git/info/exclude", ".env\n")
    let personal = try hush(["audit", "--format", "json"], in: box.url)
    #expect(personal.status == 1)
    let problems = try #require(try personal.json()["problems"] as? [[String: Any]])
    #expect(problems.first?["kind"] as? String == "personalOnly")
    #expect(problems.first?["ignoredBy"] as? String == ".git/info/exclude")
    let text = try hush(["audit"], in: box.url)
    #expect(text.status == 1)
    #expect(text.stdout.contains("protected for you, not for your teammates"))
  }

  @Test func fixAppendsTheMissingLinesKeepingContentAndLineEndings() throws {
    let box = try Sandbox(git: true)
    try box.write(".gitignore", "build/\r\nnode_modules/")
    try box.write("deploy/.env.production", "TOKEN=abc\n")
    let before = try hush(["audit", "--format", "json"], in: box.url)
    #expect(before.status == 1)
    #expect((try before.json()["problems"] as? [[String: Any]])?.first?["kind"] as? String == "notIgnored")

    let fix = try hush(["audit", "--fix"], in: box.url)
    #expect(fix.status == 0, "\(fix.stdout)\(fix.stderr)")
    let text = try Self.gitignore(box)
    #expect(text.hasPrefix("build/\r\nnode_modules/\r\n\r\n# Secrets and credentials (hush audit --fix)\r\n"))
    #expect(text.contains("\r\n.env.*\r\n!.env.example\r\n"))
    #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "line endings kept")
    let status = try box.git(["status", "--porcelain", "--untracked-files=all"]).stdout
    #expect(!status.contains(".env.production"), "the file is ignored now")

    let again = try hush(["audit", "--fix"], in: box.url)
    #expect(again.status == 0)
    #expect(try Self.gitignore(box) == text, "a second --fix changes nothing")
  }

  @Test func teamPatternsFromConfig() throws {
    let box = try Sandbox(git: true)
    try box.write(".gitignore", Self.required.joined(separator: "\n") + "\n")
    try box.write(".hush.toml", "[audit]\nsensitive = [\"*.secret\"]\n")
    try box.write("vault.secret", "x\n")
    let run = try hush(["audit", "--format", "json"], in: box.url)
    #expect(run.status == 1)
    #expect((try run.json()["missingLines"] as? [String]) == ["*.secret"])
    let bad = try Sandbox(git: true)
    try bad.write(".hush.toml", "[audit]\nsensitive = \"*.secret\"\n")
    let error = try hush(["audit"], in: bad.url)
    #expect(error.status == 2)
    #expect(error.stderr.contains(".hush.toml:2"))
  }
}
