/// A kind of file that holds secrets: what `audit` checks is ignored, what `staged` and
/// `history` report when it is added, what the local-secret and agent-config checks read.
public struct SensitivePattern: Sendable, Equatable {
  /// What the file is, which decides how each check treats it.
  public enum Kind: Sendable, Equatable {
    /// `.env` files: adding one is a leak; its values are matched verbatim elsewhere.
    case environment
    /// SSH private keys, key stores, credential stores, Terraform state, Rails keys: adding
    /// one is a leak.
    case secretFile(rule: String)
    /// Files that often hold a secret but are judged by their content when added (PEM files,
    /// registry configs, Terraform variables): audit still wants them ignored.
    case mayHoldSecrets
    /// AI-agent configs: judged by their content (literal tokens), and their values are
    /// matched verbatim elsewhere. `mustBeIgnored`: local-only files that are never shared.
    case agentConfig(mustBeIgnored: Bool)
  }

  /// The `.gitignore` line that keeps it out of the repository.
  public let line: String
  /// A path the line must ignore (what `git check-ignore` is asked).
  public let probe: String
  /// What the file is, as `audit` names it.
  public let description: String
  /// Whether every repository's `.gitignore` should carry the line, whether or not such a
  /// file exists yet (`.env`), rather than only when one is present.
  public let isRequired: Bool
  let kind: Kind
  /// Repository-relative globs of the files (default: the line's own).
  public let globs: [String]

  /// A catalog entry; `globs` default to what the `.gitignore` line matches.
  public init(
    line: String, probe: String, description: String, isRequired: Bool, kind: Kind, globs: [String]? = nil
  ) {
    self.line = line
    self.probe = probe
    self.description = description
    self.isRequired = isRequired
    self.kind = kind
    self.globs = globs ?? [Self.glob(ofIgnoreLine: line)]
  }

  /// Whether `path` (repository-relative) is a file of this kind (templates never are).
  public func matches(_ path: String) -> Bool {
    Glob.matchesAny(globs, path: path) && !SensitiveFiles.isTemplate(path)
  }

  /// Whether the file itself must stay out of git, whatever it holds.
  public var mustBeIgnored: Bool {
    switch kind {
    case .environment, .secretFile, .mayHoldSecrets: true
    case .agentConfig(let mustBeIgnored): mustBeIgnored
    }
  }

  /// Whether it is an AI agent's config.
  public var isAgentConfig: Bool {
    if case .agentConfig = kind { return true }
    return false
  }

  /// The whole-file rule reported when such a file is added, if adding it is a leak.
  public var wholeFileRuleID: String? {
    switch kind {
    case .environment: "dotenv-file"
    case .secretFile(let rule): rule
    case .mayHoldSecrets, .agentConfig: nil
    }
  }

  /// Whether its values are a developer's own secrets, to be caught verbatim elsewhere.
  public var holdsLocalSecrets: Bool {
    switch kind {
    case .environment, .agentConfig: true
    case .secretFile, .mayHoldSecrets: false
    }
  }

  private static func glob(ofIgnoreLine line: String) -> String {
    let glob = line.hasSuffix("/") ? String(line.dropLast()) + "/*" : line
    return glob.hasPrefix("/") ? String(glob.dropFirst()) : glob
  }
}

/// The one catalog of files that hold secrets, read by `audit`, `staged`, `history`, the
/// local-secret check and the agent-config check alike. Order matters: the first entry that
/// matches a path names it (the Rails key before `*.key`).
public enum SensitiveFiles {
  static let catalog: [SensitivePattern] =
    [
      entry(".env", ".env", "environment file", required: true, .environment),
      entry(".env.*", ".env.local", "environment file", required: true, .environment),
      entry("*.env", "production.env", "environment file", required: false, .environment),
      entry("id_rsa", "id_rsa", "SSH private key", required: true, .secretFile(rule: "ssh-private-key-file")),
      entry("id_dsa", "id_dsa", "SSH private key", required: false, .secretFile(rule: "ssh-private-key-file")),
      entry("id_ecdsa", "id_ecdsa", "SSH private key", required: false, .secretFile(rule: "ssh-private-key-file")),
      entry("id_ed25519", "id_ed25519", "SSH private key", required: true, .secretFile(rule: "ssh-private-key-file")),
      entry(
        "id_ecdsa_sk", "id_ecdsa_sk", "SSH private key", required: false, .secretFile(rule: "ssh-private-key-file")),
      entry(
        "id_ed25519_sk", "id_ed25519_sk", "SSH private key", required: false, .secretFile(rule: "ssh-private-key-file")),
      entry(
        "config/master.key", "config/master.key", "Rails master key", required: false,
        .secretFile(rule: "rails-master-key-file"), globs: ["config/master.key", "*/config/master.key"]),
      entry(
        "config/credentials/*.key", "config/credentials/production.key", "Rails credentials key", required: false,
        .secretFile(rule: "rails-master-key-file"),
        globs: ["config/credentials/*.key", "*/config/credentials/*.key"]),
      entry("*.pem", "server.pem", "PEM key or certificate", required: false, .mayHoldSecrets),
      entry("*.key", "server.key", "private key", required: false, .mayHoldSecrets),
      entry("*.p12", "client.p12", "PKCS#12 key store", required: true, .secretFile(rule: "keystore-file")),
      entry("*.pfx", "client.pfx", "PKCS#12 key store", required: true, .secretFile(rule: "keystore-file")),
      entry("*.jks", "release.jks", "Java key store", required: false, .secretFile(rule: "keystore-file")),
      entry("*.keystore", "release.keystore", "Java key store", required: false, .secretFile(rule: "keystore-file")),
      entry(
        ".aws/credentials", ".aws/credentials", "AWS credentials", required: false,
        .secretFile(rule: "credentials-file"), globs: [".aws/credentials", "*/.aws/credentials"]),
      entry(
        ".git-credentials", ".git-credentials", "git credentials", required: false,
        .secretFile(rule: "credentials-file")),
      entry(".netrc", ".netrc", "netrc credentials", required: false, .secretFile(rule: "credentials-file")),
      entry("_netrc", "_netrc", "netrc credentials", required: false, .secretFile(rule: "credentials-file")),
      entry(".pgpass", ".pgpass", "PostgreSQL passwords", required: false, .secretFile(rule: "credentials-file")),
      entry(".npmrc", ".npmrc", "npm config (may hold an auth token)", required: false, .mayHoldSecrets),
      entry(".pypirc", ".pypirc", "PyPI config (may hold a token)", required: false, .mayHoldSecrets),
      entry("*.tfstate", "terraform.tfstate", "Terraform state", required: true, .secretFile(rule: "credentials-file")),
      entry(
        "*.tfstate.*", "terraform.tfstate.backup", "Terraform state backup", required: true,
        .secretFile(rule: "credentials-file")),
      entry("terraform.tfvars", "terraform.tfvars", "Terraform variables", required: false, .mayHoldSecrets),
    ] + AgentConfigs.project.map(agentEntry)

  /// An agent config's entry: its first glob is the `.gitignore` line, at any depth (a
  /// `.gitignore` line with a `/` is anchored to the root).
  private static func agentEntry(_ file: AgentConfigFile) -> SensitivePattern {
    let first = file.globs[0]
    let line = first.contains("/") && !first.contains("*") ? "**/" + first : first
    return SensitivePattern(
      line: line, probe: first.replacing("*", with: "x"), description: "\(file.agent) config",
      isRequired: file.isRequiredInGitignore, kind: .agentConfig(mustBeIgnored: file.isLocalOnly), globs: file.globs)
  }

  /// The whole-file rules reported when a secret file is added (`staged`, `history`).
  public static let rules: [String: Rule] = [
    kind(
      "dotenv-file", "Environment file (.env) added to the repository",
      rotate:
        "Rotate every value in it, remove it with `git rm --cached`, add it to .gitignore, and commit a .env.example with placeholders instead."
    ),
    kind(
      "ssh-private-key-file", "SSH private key file added to the repository",
      rotate:
        "Remove the public half from every authorized_keys and forge account, generate a new key pair, and keep private keys out of repositories."
    ),
    kind(
      "keystore-file", "Key store (PKCS#12, Java keystore) added to the repository",
      rotate: "Revoke the certificates it holds, issue new ones, and store key stores in a secret manager."),
    kind(
      "credentials-file", "Credentials file added to the repository",
      rotate: "Rotate every credential it holds, remove it with `git rm --cached`, and add it to .gitignore."),
    // 32 hex characters and nothing else: no rule can tell this file by its content.
    kind(
      "rails-master-key-file", "Rails master key (decrypts config/credentials.yml.enc) added to the repository",
      rotate:
        "Generate new credentials (bin/rails credentials:edit after moving the old files away), re-enter every secret, rotate the secrets the old credentials held, and keep the key in RAILS_MASTER_KEY or out of git."
    ),
  ].reduce(into: [:]) { $0[$1.id] = $1 }

  /// The catalog plus a team's own lines from `.hush.toml` (`[audit] sensitive = [...]`).
  public static func catalog(extra: [String]) -> [SensitivePattern] {
    catalog
      + extra.map { line in
        let probe = line.replacing("*", with: "x").trimming { $0 == "/" }
        return SensitivePattern(
          line: line, probe: probe, description: "listed in .hush.toml", isRequired: true, kind: .mayHoldSecrets)
      }
  }

  /// The first catalog entry `path` is a file of, if any.
  public static func pattern(for path: String) -> SensitivePattern? { catalog.first { $0.matches(path) } }

  /// The rule reported when adding `path` is a leak by itself, or nil.
  public static func rule(for path: String) -> Rule? {
    // Only the entries that have a rule can answer, and they keep their order (the Rails
    // key before any `*.key`): history asks this of every change in the log.
    leaks.first { $0.matches(path) }?.wholeFileRuleID.flatMap { rules[$0] }
  }

  private static let leaks = catalog.filter { $0.wholeFileRuleID != nil }
  /// Asked of every scanned file and blob: a handful of globs, not the whole catalog.
  private static let agentConfigs = catalog.filter(\.isAgentConfig)

  /// Whether `path` is an agent config (judged by its literal secrets).
  public static func isAgentConfig(_ path: String) -> Bool { agentConfigs.contains { $0.matches(path) } }

  /// `.env.example` and friends are meant to be committed: they document, not hold, values.
  static func isTemplate(_ path: String) -> Bool {
    let lowered = (path.split(separator: "/").last.map(String.init) ?? path).lowercased()
    return ["example", "sample", "template", "dist", "defaults", "schema", "tmpl", "tpl"].contains { suffix in
      lowered.hasSuffix("." + suffix) || lowered.hasSuffix("-" + suffix) || lowered.hasSuffix("_" + suffix)
    }
  }

  private static func entry(
    _ line: String, _ probe: String, _ description: String, required: Bool, _ kind: SensitivePattern.Kind,
    globs: [String]? = nil
  ) -> SensitivePattern {
    SensitivePattern(line: line, probe: probe, description: description, isRequired: required, kind: kind, globs: globs)
  }

  private static func kind(_ id: String, _ description: String, rotate: String) -> Rule {
    Rule(
      id: id, description: description, provider: "file", severity: .high, keywords: [], regex: "",
      rotate: rotate, paths: catalog.filter { $0.wholeFileRuleID == id }.flatMap(\.globs),
      location: "built-in sensitive file list")
  }
}
