import HushRules
import TOMLKit

/// Literal secrets in AI-agent configs (`mcp.json`, `.claude/settings.json`, Codex's
/// `config.toml`, Continue's YAML, …), each parsed in its own syntax: a credential-named key
/// with a literal value wherever it sits (`env`, `headers`, `apiKey`), a secret flag or an
/// `Authorization` header in `args`, a key in a server `url`. References (`${VAR}`,
/// `${env:VAR}`, `{env:VAR}`, `${{ secrets.X }}`, `$VAR`, `env:VAR`) are what belongs there.
public enum AgentConfig {
  /// The rule its findings carry.
  public static let rule = Rule(
    id: "agent-config-literal-secret", description: "Literal secret in an AI-agent config",
    provider: "file", severity: .high, keywords: [], regex: "",
    rotate:
      "Rotate the token, then keep it in the environment or the OS keychain and reference it as the agent does (\"${API_KEY}\", \"${env:API_KEY}\", \"{env:API_KEY}\"); keep local agent configs out of git.",
    paths: AgentConfigs.project.flatMap(\.globs), location: "built-in agent config check")

  /// A literal secret found in a config: the key (or flag, header, URL part) it sits under.
  public struct Literal: Sendable, Equatable {
    /// The name it is set under (`GITHUB_TOKEN`, `--api-key`, `Authorization`, `url`).
    public let key: String
    /// The secret itself.
    public let secret: String
  }

  /// Findings for the literal secrets of `bytes`, the config `file` at `path`. Not parseable
  /// in its syntax: no findings (the line rules still ran on it).
  public static func literalSecrets(
    in bytes: UnsafeBufferPointer<UInt8>, path: String, file: AgentConfigFile
  ) -> [Finding] {
    guard let tree = parse(bytes, syntax: file.syntax) else { return [] }
    var cursor = LineIndex.Cursor(bytes)
    var seen = Set<Int>()
    var findings: [Finding] = []
    // Positions are searched in order, so two equal secrets land on their two places.
    for literal in literals(in: tree) {
      let needle = Array(literal.secret.utf8)
      var candidate = ByteSearch.firstOffset(of: needle, in: bytes)
      while let taken = candidate, seen.contains(taken) {
        candidate = ByteSearch.firstOffset(of: needle, in: bytes, from: taken + 1)
      }
      guard let offset = candidate else { continue }
      seen.insert(offset)
      let start = cursor.position(of: offset)
      var finding = Finding(
        rule: ruleWithFix(for: file, key: literal.key), path: path, line: start.line, column: start.column,
        endLine: start.line, secret: needle, secretRange: offset..<(offset + needle.count),
        entropy: Entropy.shannon(needle))
      finding.excerpt = LineExcerpt(around: finding.secretRange, in: bytes)
      findings.append(finding)
    }
    return findings.sorted { $0.secretRange.lowerBound < $1.secretRange.lowerBound }
  }

  /// The literal secrets of a config plus what `detector`'s provider rules find in it (a token
  /// in `args` needs no key name); a provider rule names a secret best.
  public static func findings(
    in bytes: UnsafeBufferPointer<UInt8>, path: String, file: AgentConfigFile, detector: Detector?
  ) -> [Finding] {
    var found = literalSecrets(in: bytes, path: path, file: file)
    let ruled = (try? detector?.scan(bytes, path: path, scratch: DetectorScratch())) ?? []
    for finding in ruled where !finding.rule.isGeneric {
      found.removeAll { $0.secretRange.overlaps(finding.secretRange) }
      found.append(finding)
    }
    return found.sorted { $0.secretRange.lowerBound < $1.secretRange.lowerBound }
  }

  /// The rule, with the fix this agent's syntax calls for.
  static func ruleWithFix(for file: AgentConfigFile, key: String) -> Rule {
    var specific = rule
    specific.rotate = file.fix(key: envName(key))
    return specific
  }

  /// An environment variable name for a key (`--api-key` → `API_KEY`, `apiKey` → `API_KEY`).
  static func envName(_ key: String) -> String {
    let words = CredentialWords.words(of: key)
    return words.isEmpty ? "API_TOKEN" : words.joined(separator: "_").uppercased()
  }

  /// The parsed tree of a config (JSON objects, arrays, strings, numbers), or nil.
  public static func parse(_ bytes: some Collection<UInt8>, syntax: AgentConfigFile.Syntax) -> Any? {
    switch syntax {
    case .json: return JSONC.parse(bytes)
    case .yaml: return YAMLTree.parse(bytes)
    case .toml:
      guard let table = try? SafeTOML.parse(String(decoding: bytes, as: UTF8.self)) else { return nil }
      return JSONTree.parse(table.convert(to: .json).utf8)
    }
  }

  /// Every literal secret in a parsed config, in document order (keys sorted).
  public static func literals(in tree: Any) -> [Literal] {
    var found: [Literal] = []
    walk(tree, key: "", into: &found)
    return found
  }

  private static func walk(_ node: Any, key: String, into found: inout [Literal]) {
    if let object = node as? [String: Any] {
      for (child, value) in object.sorted(by: { $0.key < $1.key }) { walk(value, key: child, into: &found) }
    } else if let array = node as? [Any] {
      let strings = array.compactMap { $0 as? String }
      found += argumentSecrets(strings)
      for element in array where !(element is String) { walk(element, key: key, into: &found) }
    } else if let text = node as? String {
      found += valueSecrets(key: key, value: text)
    }
  }

  /// A string set under `key`: a credential when the key names one, else what a URL or an
  /// `Authorization:` header inside it carries.
  static func valueSecrets(key: String, value: String) -> [Literal] {
    if namesSecret(key), let secret = literalSecret(value) { return [Literal(key: key, secret: secret)] }
    return urlSecrets(value) + headerSecrets(value)
  }

  /// Secrets in a command line: `--api-key VALUE`, `--token=VALUE`, `-H "Authorization: Bearer
  /// VALUE"`, and URLs with credentials.
  static func argumentSecrets(_ arguments: [String]) -> [Literal] {
    var found: [Literal] = []
    for (index, argument) in arguments.enumerated() {
      if argument.hasPrefix("-"), let equals = argument.firstIndex(of: "=") {
        let flag = String(argument[..<equals])
        if namesSecret(flag), let secret = literalSecret(String(argument[argument.index(after: equals)...])) {
          found.append(Literal(key: flag, secret: secret))
        }
      } else if argument.hasPrefix("-"), namesSecret(argument), index + 1 < arguments.count,
        let secret = literalSecret(arguments[index + 1])
      {
        found.append(Literal(key: argument, secret: secret))
      } else if index == 0 || !arguments[index - 1].hasPrefix("-") || !namesSecret(arguments[index - 1]) {
        found += urlSecrets(argument) + headerSecrets(argument)
      }
    }
    return found
  }

  /// `Name: value` inside a string (a header passed as an argument) whose name is a credential.
  static func headerSecrets(_ text: String) -> [Literal] {
    guard let colon = text.firstRange(of: ": ") else { return [] }
    let name = text[..<colon.lowerBound].trimmingBlanks()
    guard !name.contains(" "), !name.isEmpty, namesSecret(name),
      let secret = literalSecret(String(text[colon.upperBound...]))
    else { return [] }
    return [Literal(key: name, secret: secret)]
  }

  /// A URL's password (`https://user:PASS@host`) and credential-named query values
  /// (`?api_key=VALUE`).
  static func urlSecrets(_ text: String) -> [Literal] {
    guard let scheme = text.firstRange(of: "://"), !text.contains(" ") else { return [] }
    var found: [Literal] = []
    let rest = text[scheme.upperBound...]
    let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
    if let at = authority.lastIndex(of: "@") {
      let userinfo = authority[..<at]
      let password = userinfo.firstIndex(of: ":").map { String(userinfo[userinfo.index(after: $0)...]) }
      if let secret = literalSecret(password ?? String(userinfo)) { found.append(Literal(key: "url", secret: secret)) }
    }
    if let query = rest.firstIndex(of: "?") {
      for pair in rest[rest.index(after: query)...].prefix(while: { $0 != "#" }).split(separator: "&") {
        let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
        if parts.count == 2, namesSecret(parts[0]), let secret = literalSecret(parts[1]) {
          found.append(Literal(key: parts[0], secret: secret))
        }
      }
    }
    return found
  }

  /// Whether a key names a credential, and not where one is found (`token_env_var`,
  /// `env_keys`, `tokenFile`) nor a switch (`password: true` is a VS Code input's flag).
  static func namesSecret(_ key: String) -> Bool {
    guard CredentialWords.namesCredential(key) else { return false }
    let words = Set(CredentialWords.words(of: key))
    return words.isDisjoint(with: [
      "env", "var", "file", "path", "dir", "helper", "command", "cmd", "type", "id", "name",
    ])
  }

  /// The secret in `value` when it is a literal: not a reference (`${VAR}`, `$VAR`,
  /// `{env:VAR}`, `${{ secrets.X }}`, `{{…}}`, `env:VAR`) nor a placeholder.
  public static func literalSecret(_ value: String) -> String? {
    var secret = Substring(value.trimmingBlanks())
    for scheme in ["Bearer ", "Basic ", "bearer ", "token ", "Token "] where secret.hasPrefix(scheme) {
      secret = secret.dropFirst(scheme.count).drop { $0 == " " }
    }
    let bytes = Array(secret.utf8)
    guard bytes.count >= 8, !isReference(secret), !secret.contains(" "), !Placeholder.isPlaceholder(bytes),
      !Placeholder.isWordLike(bytes), Entropy.meets(3.0, bytes)
    else { return nil }
    return String(secret)
  }

  static func isReference(_ value: Substring) -> Bool {
    value.contains("$") || value.contains("{{") || value.hasPrefix("env:") || value.hasPrefix("{env:")
      || value.hasPrefix("{file:") || value.hasPrefix("op://") || value.hasPrefix("keychain:")
  }
}
