import Foundation
import Testing

@testable import HushCore

/// The agent-config check: each syntax parsed, each place a credential sits, references spared.
@Suite struct AgentConfigTests {
  let token = FakeSecrets(seed: 1604).random(30) + "7q"

  func secrets(_ text: String, _ syntax: AgentConfigFile.Syntax = .json) -> [String] {
    guard let tree = AgentConfig.parse(Array(text.utf8), syntax: syntax) else { return ["unparsed"] }
    return AgentConfig.literals(in: tree).map(\.secret)
  }

  @Test func jsoncCommentsAndTrailingCommasAreRead() {
    let text =
      "{\n  // a comment with \"quotes\" and a , comma\n  \"url\": \"https://a/b//c\", /* block */\n  \"k\": [1, 2,],\n}\n"
    let normalized = String(decoding: JSONC.normalized(Array(text.utf8)), as: UTF8.self)
    #expect(normalized.split(separator: "\n").count == text.split(separator: "\n").count, "lines kept")
    let tree = JSONC.parse(Array(text.utf8)) as? [String: Any]
    #expect(tree?["url"] as? String == "https://a/b//c", "a // inside a string is not a comment")
    #expect((tree?["k"] as? [Any])?.count == 2)
  }

  @Test func eachPlaceACredentialSits() {
    #expect(secrets(#"{"a": {"b": {"env": {"API_KEY": "\#(token)"}}}}"#) == [token])
    #expect(secrets(#"{"headers": {"Authorization": "Bearer \#(token)"}}"#) == [token])
    #expect(secrets(#"{"args": ["--api-key", "\#(token)"]}"#) == [token])
    #expect(secrets(#"{"args": ["--token=\#(token)"]}"#) == [token])
    #expect(secrets(#"{"args": ["-H", "Authorization: Bearer \#(token)"]}"#) == [token])
    #expect(secrets(#"{"url": "https://x.example.com/mcp?api_key=\#(token)&v=2"}"#) == [token])
    #expect(secrets(#"{"url": "https://user:\#(token)@x.example.com/"}"#) == [token])
    #expect(secrets("[mcp_servers.x]\nenv = { X_TOKEN = \"\(token)\" }\n", .toml) == [token])
    #expect(secrets("models:\n  - apiKey: \(token)\n", .yaml) == [token])
  }

  @Test(arguments: [
    "${API_KEY}", "${env:API_KEY}", "{env:API_KEY}", "${{ secrets.API_KEY }}", "{{API_KEY}}", "$API_KEY",
    "env:API_KEY", "${input:api-key}", "your-api-key-here", "true",
  ])
  func referencesAndPlaceholdersAreNotSecrets(_ value: String) {
    #expect(secrets(#"{"env": {"API_KEY": "\#(value)"}, "args": ["--api-key", "\#(value)"]}"#).isEmpty)
  }

  @Test func namesOfWhereASecretIsAreNotSecrets() {
    // Built at run time: Hush's own scan of this file must stay clean.
    let variable = "GITHUB" + "_TOKEN_FOR_CI_01"
    let file = "/run/secrets/" + "tk9Xq2"
    #expect(secrets(#"{"bearer_token_env_var": "\#(variable)", "tokenFile": "\#(file)"}"#).isEmpty)
  }

  @Test func findingsPointAtTheSecretWithTheAgentsFix() throws {
    let text = "{\n  \"mcpServers\": {\"x\": {\"env\": {\"API_KEY\": \"\(token)\"}}}\n}\n"
    let file = try #require(AgentConfigs.file(for: "opencode.json"))
    let findings = Array(text.utf8).withUnsafeBufferPointer {
      AgentConfig.literalSecrets(in: $0, path: "opencode.json", file: file)
    }
    #expect(findings.count == 1)
    #expect(findings.first?.line == 2)
    #expect(findings.first?.rule.id == "agent-config-literal-secret")
    #expect(findings.first?.rule.rotate.contains("{env:API_KEY}") == true)
  }

  @Test func catalogKnowsEachAgentsFiles() {
    let expected: [String: String] = [
      ".continue/mcpServers/a.yaml": "Continue", ".codex/config.toml": "Codex", ".zed/settings.json": "Zed",
      ".junie/mcp/mcp.json": "JetBrains Junie", ".amazonq/mcp.json": "Amazon Q",
      "sub/.gemini/settings.json": "Gemini CLI",
    ]
    for (path, agent) in expected { #expect(AgentConfigs.file(for: path)?.agent == agent, "\(path)") }
    #expect(AgentConfigs.file(for: ".continue/config.json")?.syntax == .json)
    #expect(AgentConfigs.file(for: "mcp.json.example") == nil)
    #expect(AgentConfigs.file(for: "package.json") == nil)
    #expect(AgentConfigs.file(for: "tools/a.toml", extra: ["tools/*.toml"])?.syntax == .toml)
  }
}
