import Foundation

/// AI-agent configs (`mcp.json` and its cousins) that hold literal tokens in their `env` or
/// `headers` blocks, where a `${VAR}` reference belongs.
public enum AgentConfig {
  static let paths = [
    "mcp.json", ".mcp.json", "mcp_config.json", "claude_desktop_config.json", ".claude/settings.local.json",
    "*/.claude/settings.local.json",
  ]

  public static let rule = Rule(
    id: "mcp-config-literal-secret", description: "Literal secret in an AI-agent (MCP) config",
    provider: "file", severity: .high, keywords: [], regex: "",
    rotate: "Rotate the token, then reference it from the environment instead (\"API_KEY\": \"${API_KEY}\") and keep agent configs out of git.",
    paths: paths, location: "built-in agent config check")

  public static func applies(to path: String) -> Bool { Glob.matchesAny(paths, path: path) }

  /// Findings for literal secrets in the config's `env` and `headers` values. Not JSON (or
  /// JSON with comments): no findings, the line rules still ran on it.
  public static func literalSecrets(in bytes: UnsafeBufferPointer<UInt8>, path: String) -> [Finding] {
    guard let json = try? JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed]) else {
      return []
    }
    var secrets: [String] = []
    collect(json, underSecretBlock: false, into: &secrets)
    var cursor = LineIndex.Cursor(bytes)
    return secrets.compactMap { secret in
      let needle = Array(secret.utf8)
      guard let offset = firstOffset(of: needle, in: bytes) else { return nil }
      let start = cursor.position(of: offset)
      return Finding(
        rule: rule, path: path, line: start.line, column: start.column, endLine: start.line, secret: needle,
        secretRange: offset..<(offset + needle.count), entropy: Entropy.shannon(needle))
    }
  }

  private static func collect(_ value: Any, underSecretBlock: Bool, into secrets: inout [String]) {
    if let object = value as? [String: Any] {
      for (key, child) in object.sorted(by: { $0.key < $1.key }) {
        if underSecretBlock, let text = child as? String, let secret = literalSecret(key: key, value: text) {
          secrets.append(secret)
        } else {
          collect(child, underSecretBlock: key == "env" || key == "headers", into: &secrets)
        }
      }
    } else if let array = value as? [Any] {
      for child in array { collect(child, underSecretBlock: false, into: &secrets) }
    }
  }

  /// The secret in `value` when `key` names a credential and the value is a literal, not a
  /// reference (`${VAR}`, `$VAR`, `env:VAR`) nor a placeholder.
  static func literalSecret(key: String, value: String) -> String? {
    let lowered = key.lowercased()
    let credentialWords = ["key", "token", "secret", "password", "passwd", "pat", "auth", "credential", "bearer"]
    guard credentialWords.contains(where: lowered.contains) else { return nil }
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

  private static func firstOffset(of needle: [UInt8], in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    guard let first = needle.first, bytes.count >= needle.count else { return nil }
    return (0...(bytes.count - needle.count)).first { offset in
      bytes[offset] == first && bytes[offset..<(offset + needle.count)].elementsEqual(needle)
    }
  }
}
