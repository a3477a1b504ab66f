import Foundation

/// AI-agent configs (`mcp.json` and its cousins) that hold literal tokens in their `env` or
/// `headers` blocks, where a `${VAR}` reference belongs.
public enum AgentConfig {
  static let rule = Rule(
    id: "mcp-config-literal-secret", description: "Literal secret in an AI-agent (MCP) config",
    provider: "file", severity: .high, keywords: [], regex: "",
    rotate:
      "Rotate the token, then reference it from the environment instead (\"API_KEY\": \"${API_KEY}\") and keep agent configs out of git.",
    paths: SensitiveFiles.catalog.filter(\.isAgentConfig).flatMap(\.globs), location: "built-in agent config check")

  /// Whether `path` is an agent config (by the sensitive-file catalog).
  public static func applies(to path: String) -> Bool { SensitiveFiles.isAgentConfig(path) }

  /// Findings for literal secrets in the config's `env` and `headers` values. Not JSON (or
  /// JSON with comments): no findings, the line rules still ran on it.
  public static func literalSecrets(in bytes: UnsafeBufferPointer<UInt8>, path: String) -> [Finding] {
    guard let json = try? JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed]) else {
      return []
    }
    let secrets = blockEntries(json).compactMap { literalSecret(key: $0.key, value: $0.value) }
    var cursor = LineIndex.Cursor(bytes)
    return secrets.compactMap { secret in
      let needle = Array(secret.utf8)
      guard let offset = ByteSearch.firstOffset(of: needle, in: bytes) else { return nil }
      let start = cursor.position(of: offset)
      return Finding(
        rule: rule, path: path, line: start.line, column: start.column, endLine: start.line, secret: needle,
        secretRange: offset..<(offset + needle.count), entropy: Entropy.shannon(needle))
    }
  }

  /// Every string set directly in an `env` or `headers` object, where agent configs keep
  /// credentials, in key order.
  static func blockEntries(_ json: Any) -> [(key: String, value: String)] {
    var entries: [(key: String, value: String)] = []
    func walk(_ node: Any, inBlock: Bool) {
      if let object = node as? [String: Any] {
        for (key, child) in object.sorted(by: { $0.key < $1.key }) {
          if inBlock, let text = child as? String { entries.append((key, text)) }
          walk(child, inBlock: key == "env" || key == "headers")
        }
      } else if let array = node as? [Any] {
        for child in array { walk(child, inBlock: false) }
      }
    }
    walk(json, inBlock: false)
    return entries
  }

  /// The secret in `value` when `key` names a credential and the value is a literal, not a
  /// reference (`${VAR}`, `$VAR`, `env:VAR`) nor a placeholder.
  static func literalSecret(key: String, value: String) -> String? {
    guard CredentialWords.namesCredential(key) else { return nil }
    var secret = Substring(value.trimmingCharacters(in: .whitespaces))
    for scheme in ["Bearer ", "Basic ", "token ", "Token "] where secret.hasPrefix(scheme) {
      secret = secret.dropFirst(scheme.count)
    }
    let bytes = Array(secret.utf8)
    guard bytes.count >= 8, !secret.contains("$"), !secret.hasPrefix("env:"),
      !Placeholder.isPlaceholder(bytes), !Placeholder.isWordLike(bytes), Entropy.meets(3.0, bytes)
    else { return nil }
    return String(secret)
  }
}
