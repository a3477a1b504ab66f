/// The words that make a name (an environment variable, a config key, a JSON member) name a
/// credential: one vocabulary for the local-secret and agent-config checks.
public enum CredentialWords {
  /// Whole words of a name (`DB_PASS`, `apiKey`, `github-pat`).
  static let words: Set<String> = [
    "password", "passwd", "passphrase", "pwd", "pass", "secret", "secrets", "token", "tokens", "key", "keys",
    "apikey", "auth", "authorization", "credential", "credentials", "creds", "bearer", "private", "privatekey",
    "pat", "dsn",
  ]
  /// Long enough to be unambiguous inside a name written without separators (`ACCESSTOKEN`,
  /// `clientsecret`).
  static let fragments = ["password", "passwd", "secret", "token", "credential", "apikey", "privatekey"]

  /// Whether `name` names a credential: one of its words is a credential word, or it holds
  /// an unambiguous fragment. `PATH` and `author` do not; `GITHUB_PAT` and `authToken` do.
  public static func namesCredential(_ name: String) -> Bool {
    let lowered = name.lowercased()
    if fragments.contains(where: lowered.contains) { return true }
    return Self.words(of: name).contains(where: words.contains)
  }

  /// Whether `name` names a URL, which may carry credentials in its userinfo
  /// (`DATABASE_URL`, `REDIS_URI`).
  public static func namesURL(_ name: String) -> Bool {
    Self.words(of: name).contains { $0 == "url" || $0 == "uri" }
  }

  /// The lower-cased words of a name split at separators and lower-to-upper case changes.
  static func words(of name: String) -> [String] {
    var words: [String] = []
    var current = ""
    var previousIsLower = false
    for character in name {
      guard character.isLetter || character.isNumber else {
        if !current.isEmpty { words.append(current) }
        current = ""
        previousIsLower = false
        continue
      }
      if character.isUppercase && previousIsLower && !current.isEmpty {
        words.append(current)
        current = ""
      }
      current += character.lowercased()
      previousIsLower = character.isLowercase || character.isNumber
    }
    if !current.isEmpty { words.append(current) }
    return words
  }
}
