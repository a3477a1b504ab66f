import Foundation
import Testing

/// The agent configs of issue 16, each in its own syntax and place: every planted literal
/// token is found by `scan` and `audit`, and none of the reference forms is.
@Suite struct AgentConfigTests {
  /// Eighteen configs of fifteen agents, each holding one literal token (`T`) where that
  /// agent keeps credentials: `env`, `headers`, `args`, a URL, a key of its own.
  static func planted(_ t: String) -> [(path: String, text: String)] {
    [
      (".mcp.json", #"{"mcpServers": {"db": {"command": "db-mcp", "env": {"DB_PASSWORD": "\#(t)"}}}}"#),
      (".claude/settings.json", #"{"env": {"ANTHROPIC_API_KEY": "\#(t)"}, "permissions": {"allow": []}}"#),
      (".claude/settings.local.json", #"{"env": {"GITHUB_TOKEN": "\#(t)"}}"#),
      (
        ".cursor/mcp.json",
        #"{"mcpServers": {"linear": {"url": "https://mcp.example.com/sse", "headers": {"Authorization": "Bearer \#(t)"}}}}"#
      ),
      (
        ".kiro/settings/mcp.json",
        #"{"mcpServers": {"aws": {"command": "uvx", "env": {"AWS_SECRET_ACCESS_KEY": "\#(t)"}}}}"#
      ),
      (
        ".vscode/mcp.json",
        "{\n  // the GitHub server\n  \"servers\": {\"gh\": {\"type\": \"stdio\", \"command\": \"gh-mcp\", \"env\": {\"GH_TOKEN\": \"\(t)\"}}}\n}\n"
      ),
      (
        ".vscode/settings.json",
        "{\n  \"editor.tabSize\": 2,\n  \"mcp\": {\"servers\": {\"s\": {\"command\": \"srv\", \"env\": {\"API_KEY\": \"\(t)\"}}}},\n}\n"
      ),
      (
        ".gemini/settings.json",
        #"{"mcpServers": {"r": {"httpUrl": "https://mcp.example.com/mcp", "headers": {"X-Api-Key": "\#(t)"}}}}"#
      ),
      ("cline_mcp_settings.json", #"{"mcpServers": {"b": {"command": "brave", "env": {"BRAVE_API_KEY": "\#(t)"}}}}"#),
      (
        ".zed/settings.json",
        "// Zed\n{\n  \"context_servers\": {\n    \"pg\": {\"command\": \"pg-mcp\", \"args\": [], \"env\": {\"PG_PASSWORD\": \"\(t)\"},},\n  },\n}\n"
      ),
      (".codex/config.toml", "[mcp_servers.github]\ncommand = \"gh-mcp\"\nenv = { GITHUB_TOKEN = \"\(t)\" }\n"),
      (
        ".continue/mcpServers/search.yaml",
        "name: search\nversion: 0.0.1\nschema: v1\nmcpServers:\n  - name: search\n    command: npx\n    args: [\"-y\", \"search-mcp\"]\n    env:\n      SEARCH_API_KEY: \(t)\n"
      ),
      (
        ".continue/config.yaml",
        "name: team\nversion: 1.0.0\nmodels:\n  - name: gpt\n    provider: openai\n    model: gpt-4o\n    apiKey: \(t)\n"
      ),
      (
        "opencode.json",
        #"{"mcp": {"jira": {"type": "remote", "url": "https://jira.example.com/mcp", "headers": {"Authorization": "Bearer \#(t)"}}}}"#
      ),
      (".amazonq/mcp.json", #"{"mcpServers": {"x": {"command": "x-mcp", "args": ["--api-key", "\#(t)"]}}}"#),
      (
        ".junie/mcp/mcp.json",
        #"{"mcpServers": {"w": {"command": "mcp-remote", "args": ["https://w.example.com/mcp?api_key=\#(t)"]}}}"#
      ),
      ("mcp_config.json", #"{"mcpServers": {"n": {"serverUrl": "https://bot:\#(t)@n.example.com/mcp"}}}"#),
      (
        "claude_desktop_config.json",
        #"{"mcpServers": {"h": {"command": "mcp-remote", "args": ["https://h.example.com/mcp", "--header", "Authorization: Bearer \#(t)"]}}}"#
      ),
    ]
  }

  /// The same places holding references, which are what belongs there.
  static let references: [(path: String, text: String)] = [
    (".mcp.json", #"{"mcpServers": {"db": {"command": "db-mcp", "env": {"DB_PASSWORD": "${DB_PASSWORD}"}}}}"#),
    (".cursor/mcp.json", #"{"mcpServers": {"l": {"headers": {"Authorization": "Bearer ${env:LINEAR_TOKEN}"}}}}"#),
    (
      ".vscode/mcp.json",
      "{\n  // prompt once\n  \"inputs\": [{\"id\": \"tok\", \"type\": \"promptString\", \"password\": true}],\n  \"servers\": {\"gh\": {\"env\": {\"GH_TOKEN\": \"${input:tok}\"}}},\n}\n"
    ),
    (".gemini/settings.json", #"{"mcpServers": {"r": {"headers": {"X-Api-Key": "$RESEARCH_KEY"}}}}"#),
    (
      ".codex/config.toml",
      "[mcp_servers.github]\ncommand = \"gh-mcp\"\nenv_vars = [\"GITHUB_TOKEN\"]\nbearer_token_env_var = \"GITHUB_TOKEN\"\n"
    ),
    (".continue/config.yaml", "name: t\nmodels:\n  - name: gpt\n    apiKey: ${{ secrets.OPENAI_API_KEY }}\n"),
    ("opencode.json", #"{"mcp": {"j": {"type": "remote", "headers": {"Authorization": "Bearer {env:JIRA_TOKEN}"}}}}"#),
    (".amazonq/mcp.json", #"{"mcpServers": {"x": {"args": ["--api-key", "env:X_API_KEY"]}}}"#),
    (".junie/mcp/mcp.json", #"{"mcpServers": {"w": {"args": ["https://w.example.com/mcp?api_key={{W_KEY}}"]}}}"#),
  ]

  @Test func everyPlantedConfigIsFoundByScanWithoutPrintingTheToken() throws {
    let token = Fake(seed: 1601).opaqueToken()
    let box = try Sandbox(git: true)
    for (path, text) in Self.planted(token) { try box.write(path, text) }
    let run = try hush(["scan", "--format", "json", "."], in: box.url)
    #expect(run.status == 1)
    let files = Set(try run.findings().compactMap { $0["file"] as? String })
    let missed = Self.planted(token).map(\.path).filter { !files.contains($0) }
    #expect(missed.isEmpty, "missed: \(missed)")
    #expect(Self.planted(token).count == 18)
    #expect(!run.stdout.contains(token) && !run.stderr.contains(token))
  }

  @Test func everyPlantedConfigIsFoundByAudit() throws {
    let token = Fake(seed: 1602).opaqueToken()
    let box = try Sandbox(git: true)
    for (path, text) in Self.planted(token) { try box.write(path, text) }
    let run = try hush(["audit", "--format", "json"], in: box.url)
    #expect(run.status == 1)
    let findings = try run.findings()
    let files = Set(findings.compactMap { $0["file"] as? String })
    let missed = Self.planted(token).map(\.path).filter { !files.contains($0) }
    #expect(missed.isEmpty, "missed: \(missed)")
    #expect(findings.allSatisfy { $0["rule"] as? String == "agent-config-literal-secret" })
    #expect(!run.stdout.contains(token))
  }

  @Test func referencesAreNotFindings() throws {
    let box = try Sandbox(git: true)
    for (path, text) in Self.references { try box.write(path, text) }
    let run = try hush(["scan", "--format", "json", "."], in: box.url)
    #expect(run.status == 0, "\(run.stdout)")
    #expect(try run.findings().isEmpty)
  }

  @Test func teamConfigAddsAgentConfigFiles() throws {
    let token = Fake(seed: 1603).opaqueToken()
    let box = try Sandbox(git: true)
    // A flag in args that no line rule reads as a credential's name (`--auth` is, since the
    // model learned `"--auth", "…"` pairs); the agent-config check knows `--bearer` takes one.
    try box.write("tools/agent.yaml", "servers:\n  - name: x\n    args: [\"--bearer\", \"\(token)\"]\n")
    let before = try hush(["scan", "--format", "json", "."], in: box.url)
    #expect(before.status == 0, "an unknown file is not read as an agent config: \(before.stdout)")
    try box.write(".hush.toml", "[audit]\nagent-configs = [\"tools/*.yaml\"]\n")
    let after = try hush(["scan", "--format", "json", "."], in: box.url)
    #expect(after.status == 1)
    #expect(try after.findings().first?["file"] as? String == "tools/agent.yaml")
  }
}

/// `audit` keeps agent configs out of git: the local-only ones always, any that holds a
/// literal secret as soon as it does; `audit --agents` checks the ones under `$HOME`.
@Suite struct AgentConfigAuditTests {
  @Test func localOnlyAgentConfigsAreExpectedInGitignore() throws {
    let box = try Sandbox(git: true)
    try box.write(".gitignore", ".env\n")
    let run = try hush(["audit", "--format", "json"], in: box.url)
    #expect(run.status == 1)
    let missing = try #require(try run.json()["missingLines"] as? [String])
    #expect(missing.contains("**/.kiro/settings/mcp.json") && missing.contains("**/.claude/settings.local.json"))
  }

  @Test func aLocalOnlyConfigWithReferencesStillMustBeIgnored() throws {
    let box = try Sandbox(git: true)
    try box.write(".gitignore", AuditTests.required.joined(separator: "\n") + "\n")
    try box.write("app/.kiro/settings/mcp.json", #"{"mcpServers": {"a": {"env": {"TOKEN": "${TOKEN}"}}}}"#)
    // An unanchored `.kiro/settings/mcp.json` line holds only at the root: the nested one is not ignored.
    let run = try hush(["audit", "--format", "json"], in: box.url)
    let problems = try #require(try run.json()["problems"] as? [[String: Any]])
    #expect(problems.first?["path"] as? String == "app/.kiro/settings/mcp.json", "\(run.stdout)")
    #expect(problems.first?["kind"] as? String == "notIgnored")
  }

  @Test func fixIgnoresAnAgentConfigHoldingALiteralSecret() throws {
    let token = Fake(seed: 1605).opaqueToken()
    let box = try Sandbox(git: true)
    try box.write(".gitignore", AuditTests.required.joined(separator: "\n") + "\n")
    try box.write(
      ".vscode/mcp.json", "{\n  // gh\n  \"servers\": {\"gh\": {\"env\": {\"GH_TOKEN\": \"\(token)\"}}}\n}\n")
    try box.write(".vscode/settings.json", "{ \"editor.tabSize\": 2 }\n")
    let before = try hush(["audit", "--format", "json"], in: box.url)
    #expect(before.status == 1)
    let problems = try #require(try before.json()["problems"] as? [[String: Any]])
    #expect(problems.count == 1)
    #expect(problems.first?["path"] as? String == ".vscode/mcp.json")
    #expect(problems.first?["pattern"] as? String == "/.vscode/mcp.json")

    let fix = try hush(["audit", "--fix"], in: box.url)
    #expect(fix.status == 1, "the literal secret still needs rotating: \(fix.stdout)")
    #expect(try AuditTests.gitignore(box).contains("\n/.vscode/mcp.json\n"))
    let status = try box.git(["status", "--porcelain", "--untracked-files=all"]).stdout
    #expect(!status.contains(".vscode/mcp.json") && status.contains(".vscode/settings.json"))
    let after = try hush(["audit"], in: box.url)
    #expect(after.status == 0, "\(after.stdout)")
  }

  @Test func agentsAuditChecksTheHomeDirectoryWithEachAgentsFix() throws {
    let fake = Fake(seed: 1606)
    let (cursor, codex, goose) = (fake.opaqueToken(), fake.opaqueToken(), fake.opaqueToken())
    let home = try Sandbox()
    try home.write(".cursor/mcp.json", #"{"mcpServers": {"l": {"headers": {"Authorization": "Bearer \#(cursor)"}}}}"#)
    try home.write(".codex/config.toml", "[mcp_servers.gh]\ncommand = \"gh\"\nenv = { GITHUB_TOKEN = \"\(codex)\" }\n")
    try home.write(
      ".config/goose/config.yaml", "extensions:\n  gh:\n    cmd: gh\n    envs:\n      GITHUB_TOKEN: \(goose)\n")
    try home.write(".claude.json", #"{"mcpServers": {"db": {"env": {"DB_PASSWORD": "${DB_PASSWORD}"}}}}"#)
    let work = try Sandbox()
    let run = try hush(["audit", "--agents", "--format", "json"], in: work.url, environment: ["HOME": home.url.path])
    #expect(run.status == 1)
    let findings = try run.findings()
    #expect(
      Set(findings.compactMap { $0["file"] as? String }) == [
        "~/.cursor/mcp.json", "~/.codex/config.toml", "~/.config/goose/config.yaml",
      ])
    let text = try hush(["audit", "--agents"], in: work.url, environment: ["HOME": home.url.path])
    #expect(text.stdout.contains("\"Bearer ${env:AUTHORIZATION}\"") || text.stdout.contains("${env:AUTHORIZATION}"))
    #expect(text.stdout.contains("env_vars = [\"GITHUB_TOKEN\"]"))
    for token in [cursor, codex, goose] { #expect(!run.stdout.contains(token) && !text.stdout.contains(token)) }

    try FileManager.default.removeItem(at: home.url.appendingPathComponent(".cursor"))
    try FileManager.default.removeItem(at: home.url.appendingPathComponent(".codex"))
    try FileManager.default.removeItem(at: home.url.appendingPathComponent(".config"))
    let clean = try hush(["audit", "--agents"], in: work.url, environment: ["HOME": home.url.path])
    #expect(clean.status == 0, "\(clean.stdout)")
  }
}
