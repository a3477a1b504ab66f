import Foundation

/// Files that are secrets as a whole (a `.env`, a private key, a keystore): adding one to a
/// repository is a leak even when no line of it matches a rule.
public enum SensitiveFiles {
  /// The rule reported when `path` names a sensitive file, or nil.
  public static func rule(for path: String) -> Rule? {
    let name = path.split(separator: "/").last.map(String.init) ?? path
    if isTemplate(name) { return nil }
    return kinds.first { Glob.matchesAny($0.paths, path: path) }
  }

  /// `.env.example` and friends are meant to be committed: they document, not hold, values.
  static func isTemplate(_ name: String) -> Bool {
    let lowered = name.lowercased()
    return ["example", "sample", "template", "dist", "defaults", "schema", "tmpl", "tpl"].contains { suffix in
      lowered.hasSuffix("." + suffix) || lowered.hasSuffix("-" + suffix) || lowered.hasSuffix("_" + suffix)
    }
  }

  static let kinds: [Rule] = [
    kind(
      "dotenv-file", "Environment file (.env) added to the repository", [".env", ".env.*", "*.env"],
      rotate:
        "Rotate every value in it, remove it with `git rm --cached`, add it to .gitignore, and commit a .env.example with placeholders instead."
    ),
    kind(
      "ssh-private-key-file", "SSH private key file added to the repository",
      ["id_rsa", "id_dsa", "id_ecdsa", "id_ed25519", "id_ecdsa_sk", "id_ed25519_sk"],
      rotate:
        "Remove the public half from every authorized_keys and forge account, generate a new key pair, and keep private keys out of repositories."
    ),
    kind(
      "keystore-file", "Key store (PKCS#12, Java keystore) added to the repository",
      ["*.p12", "*.pfx", "*.jks", "*.keystore"],
      rotate: "Revoke the certificates it holds, issue new ones, and store key stores in a secret manager."),
    kind(
      "credentials-file", "Credentials file added to the repository",
      [
        ".git-credentials", ".netrc", "_netrc", ".pgpass", ".aws/credentials", "*/.aws/credentials", "*.tfstate",
        "*.tfstate.backup",
      ],
      rotate: "Rotate every credential it holds, remove it with `git rm --cached`, and add it to .gitignore."),
    // 32 hex characters and nothing else: no rule can tell this file by its content.
    kind(
      "rails-master-key-file", "Rails master key (decrypts config/credentials.yml.enc) added to the repository",
      ["config/master.key", "*/config/master.key", "config/credentials/*.key", "*/config/credentials/*.key"],
      rotate:
        "Generate new credentials (bin/rails credentials:edit after moving the old files away), re-enter every secret, rotate the secrets the old credentials held, and keep the key in RAILS_MASTER_KEY or out of git."
    ),
  ]

  private static func kind(_ id: String, _ description: String, _ paths: [String], rotate: String) -> Rule {
    Rule(
      id: id, description: description, provider: "file", severity: .high, keywords: [], regex: "",
      rotate: rotate, paths: paths, location: "built-in sensitive file list")
  }
}
