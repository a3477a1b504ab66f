import Foundation

/// A kind of file that holds secrets, as `hush audit` knows it.
public struct SensitivePattern: Sendable, Equatable {
  /// The `.gitignore` line that keeps it out of the repository.
  public let line: String
  /// A path the line must ignore (what `git check-ignore` is asked).
  public let probe: String
  public let description: String
  /// Whether every repository's `.gitignore` should carry the line, whether or not such a
  /// file exists yet (`.env`), rather than only when one is present.
  public let isRequired: Bool

  public init(line: String, probe: String, description: String, isRequired: Bool) {
    self.line = line
    self.probe = probe
    self.description = description
    self.isRequired = isRequired
  }

  /// Whether `path` (repository-relative) is a file of this kind.
  public func matches(_ path: String) -> Bool {
    let glob = line.hasSuffix("/") ? String(line.dropLast()) + "/*" : line
    let anchored = glob.hasPrefix("/") ? String(glob.dropFirst()) : glob
    return Glob.matches(anchored, path: path) && !SensitiveFiles.isTemplate(path)
  }
}

/// The sensitive files of today's tooling. Agent configs are not here: they may be shared
/// on purpose, and are judged by their content (literal tokens) instead.
public enum AuditCatalog {
  public static let patterns: [SensitivePattern] = [
    SensitivePattern(line: ".env", probe: ".env", description: "environment file", isRequired: true),
    SensitivePattern(line: ".env.*", probe: ".env.local", description: "environment file", isRequired: true),
    SensitivePattern(line: "*.env", probe: "production.env", description: "environment file", isRequired: false),
    SensitivePattern(line: "id_rsa", probe: "id_rsa", description: "SSH private key", isRequired: true),
    SensitivePattern(line: "id_dsa", probe: "id_dsa", description: "SSH private key", isRequired: false),
    SensitivePattern(line: "id_ecdsa", probe: "id_ecdsa", description: "SSH private key", isRequired: false),
    SensitivePattern(line: "id_ed25519", probe: "id_ed25519", description: "SSH private key", isRequired: true),
    SensitivePattern(line: "*.pem", probe: "server.pem", description: "PEM key or certificate", isRequired: false),
    SensitivePattern(line: "*.key", probe: "server.key", description: "private key", isRequired: false),
    SensitivePattern(line: "*.p12", probe: "client.p12", description: "PKCS#12 key store", isRequired: true),
    SensitivePattern(line: "*.pfx", probe: "client.pfx", description: "PKCS#12 key store", isRequired: true),
    SensitivePattern(line: "*.jks", probe: "release.jks", description: "Java key store", isRequired: false),
    SensitivePattern(
      line: ".aws/credentials", probe: ".aws/credentials", description: "AWS credentials", isRequired: false),
    SensitivePattern(
      line: ".git-credentials", probe: ".git-credentials", description: "git credentials", isRequired: false),
    SensitivePattern(line: ".netrc", probe: ".netrc", description: "netrc credentials", isRequired: false),
    SensitivePattern(line: ".pgpass", probe: ".pgpass", description: "PostgreSQL passwords", isRequired: false),
    SensitivePattern(
      line: ".npmrc", probe: ".npmrc", description: "npm config (may hold an auth token)", isRequired: false),
    SensitivePattern(
      line: ".pypirc", probe: ".pypirc", description: "PyPI config (may hold a token)", isRequired: false),
    SensitivePattern(
      line: "config/master.key", probe: "config/master.key", description: "Rails master key", isRequired: false),
    SensitivePattern(line: "*.tfstate", probe: "terraform.tfstate", description: "Terraform state", isRequired: true),
    SensitivePattern(
      line: "*.tfstate.*", probe: "terraform.tfstate.backup", description: "Terraform state backup", isRequired: true),
    SensitivePattern(
      line: "terraform.tfvars", probe: "terraform.tfvars", description: "Terraform variables", isRequired: false),
    SensitivePattern(
      line: ".claude/settings.local.json", probe: ".claude/settings.local.json",
      description: "Claude Code local settings", isRequired: false),
    SensitivePattern(
      line: "claude_desktop_config.json", probe: "claude_desktop_config.json", description: "Claude Desktop config",
      isRequired: false),
  ]

  /// The catalog plus a team's own lines from `.hush.toml` (`[audit] sensitive = [...]`).
  public static func patterns(extra: [String]) -> [SensitivePattern] {
    patterns
      + extra.map { line in
        let probe = line.replacingOccurrences(of: "*", with: "x").trimmingCharacters(
          in: CharacterSet(charactersIn: "/"))
        return SensitivePattern(line: line, probe: probe, description: "listed in .hush.toml", isRequired: true)
      }
  }
}
