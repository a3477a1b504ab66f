import Testing

@testable import HushCore

/// The one catalog of sensitive files, as each check reads it.
@Suite struct SensitiveFilesTests {
  @Test(arguments: SensitiveFiles.catalog)
  func everyEntrysProbeIsNamedByThatEntry(_ entry: SensitivePattern) {
    #expect(entry.matches(entry.probe), "\(entry.line)")
    #expect(SensitiveFiles.pattern(for: entry.probe) == entry, "\(entry.line) is shadowed by an earlier entry")
  }

  @Test(arguments: [
    (".env", "dotenv-file"), ("app/.env.production", "dotenv-file"), ("id_ed25519_sk", "ssh-private-key-file"),
    ("deploy/release.keystore", "keystore-file"), ("config/master.key", "rails-master-key-file"),
    ("api/config/credentials/production.key", "rails-master-key-file"), ("home/.aws/credentials", "credentials-file"),
    ("_netrc", "credentials-file"), ("infra/terraform.tfstate.backup", "credentials-file"),
  ])
  func addingASecretFileIsALeak(_ path: String, _ rule: String) {
    #expect(SensitiveFiles.rule(for: path)?.id == rule, "\(path)")
  }

  @Test(arguments: [
    ".env.example", "config/.env.sample", "server.key", "certs/ca.pem", ".npmrc", "mcp.json", "README.md",
  ])
  func templatesAndContentJudgedFilesAreNotLeaksByThemselves(_ path: String) {
    #expect(SensitiveFiles.rule(for: path) == nil, "\(path)")
  }

  @Test func agentConfigsAreJudgedByContentUnlessLocalOnly() {
    for path in [
      "mcp.json", ".cursor/mcp.json", ".mcp.json", "mcp_config.json", ".gemini/settings.json", "opencode.json",
    ] {
      #expect(SensitiveFiles.isAgentConfig(path), "\(path)")
      #expect(SensitiveFiles.pattern(for: path)?.mustBeIgnored == false, "\(path)")
    }
    // The local MCP config the security guide says to keep out of git.
    for path in [".claude/settings.local.json", "claude_desktop_config.json", ".kiro/settings/mcp.json"] {
      #expect(SensitiveFiles.pattern(for: path)?.mustBeIgnored == true, "\(path)")
    }
  }

  @Test func theWholeFileRulesListTheirGlobsFromTheCatalog() throws {
    let dotenv = try #require(SensitiveFiles.rules["dotenv-file"])
    #expect(dotenv.paths == [".env", ".env.*", "*.env"])
    #expect(SensitiveFiles.rules.count == 5)
  }
}

/// The credential vocabulary shared by the local-secret and agent-config checks.
@Suite struct CredentialWordsTests {
  @Test(arguments: [
    "PASSWORD", "db_pass", "apiKey", "GITHUB_PAT", "X-API-Key", "ACCESSTOKEN", "clientSecret", "Authorization",
    "SENTRY_DSN", "private_key", "DB_PWD",
  ])
  func namesThatNameACredential(_ name: String) {
    #expect(CredentialWords.namesCredential(name), "\(name)")
  }

  @Test(arguments: ["PATH", "author", "monkey", "keyboard_layout", "HOME", "NODE_ENV", "passenger_count"])
  func namesThatDoNot(_ name: String) {
    #expect(!CredentialWords.namesCredential(name), "\(name)")
  }

  @Test func urlNamesAreToldApart() {
    #expect(CredentialWords.namesURL("DATABASE_URL"))
    #expect(CredentialWords.namesURL("redisUri"))
    #expect(!CredentialWords.namesURL("CURLOPT"))
  }

  @Test func wordsSplitAtSeparatorsAndCaseChanges() {
    #expect(CredentialWords.words(of: "awsSecretAccessKey") == ["aws", "secret", "access", "key"])
    #expect(CredentialWords.words(of: "X-API-Key") == ["x", "api", "key"])
    #expect(CredentialWords.words(of: "OAUTH2_TOKEN") == ["oauth2", "token"])
  }
}
