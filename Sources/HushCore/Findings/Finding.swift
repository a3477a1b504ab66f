/// A secret found by a rule at a place in a file (or blob, or stdin).
public struct Finding: Sendable {
  /// The rule that found it.
  public let rule: Rule
  /// The path as the user would type it (`-` for stdin).
  public var path: String
  /// 1-based line of the secret's first byte.
  public let line: Int
  /// 1-based column (in characters) of the secret's first byte.
  public let column: Int
  /// 1-based line of the secret's last byte.
  public let endLine: Int
  /// The secret's bytes. Only redacted forms leave the process unless `--show-secrets`.
  public let secret: [UInt8]
  /// Byte offsets of the secret in the scanned buffer.
  public let secretRange: Range<Int>
  /// Shannon entropy of the secret, bits per character.
  public let entropy: Double
  /// How likely the secret is real, 0 to 1: the learned scorer's probability for a candidate
  /// of the generic grammar; 1 for a provider rule's documented format.
  public var confidence = 1.0
  /// The commit that introduced it, for findings in history.
  public var origin: Origin? = nil
  /// The path relative to the repository root when it differs from `path` (a scan of a
  /// subdirectory or an absolute path): what baselines record.
  public var relativePath: String? = nil
  /// The line around the secret, for the text report's frame; nil for a whole-file finding.
  public var excerpt: LineExcerpt? = nil

  /// The path baselines and allowlists know it by.
  public var stablePath: String { relativePath ?? path }

  /// The confidence as SARIF's `rank` and the text report show it: 0 to 100.
  public var rank: Int { Int((confidence * 100).rounded()) }

  /// The secret redacted for display.
  public var redacted: String { Redaction.redact(secret, keywords: rule.keywords) }

  /// Whether an offline check of the rule (a checksum, a key structure) confirmed the secret:
  /// a rule's validator drops every match that fails it, so each finding of such a rule passed.
  public var isValidated: Bool { rule.validator != nil }

  /// Whether the whole file is the finding (a `.env` being added), not a secret in it.
  public var isWholeFile: Bool { secret.isEmpty }

  /// What identifies the secret across places: its bytes, or the path of a whole-file finding.
  public var identity: [UInt8] { isWholeFile ? Array(path.utf8) : secret }

  /// The finding of a part of a text, at its place in the whole text: the part starts `bytes`
  /// bytes and `lines` lines into it, `columns` characters into its line.
  func moved(lines: Int, columns: Int, bytes: Int) -> Finding {
    var moved = Finding(
      rule: rule, path: path, line: line + lines, column: line == 1 ? column + columns : column,
      endLine: endLine + lines, secret: secret,
      secretRange: (secretRange.lowerBound + bytes)..<(secretRange.upperBound + bytes), entropy: entropy,
      confidence: confidence)
    moved.origin = origin
    moved.relativePath = relativePath
    moved.excerpt = excerpt
    return moved
  }
}

/// Masks secrets for every output: keeps at most a 4-character public prefix.
public enum Redaction {
  static let mask = "********"

  /// Keeps the first characters (at most 4) only when the secret starts with one of its rule's
  /// keywords, i.e. a public prefix such as `AKIA`, `ghp_` or `sk_l`.
  public static func redact(_ secret: [UInt8], keywords: [String]) -> String {
    let lowered = secret.prefix(64).map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }
    let prefixLength =
      keywords.lazy
      .filter { lowered.starts(with: $0.utf8) }
      .map { min(4, $0.utf8.count) }
      .max() ?? 0
    // Never reveal most of a short secret.
    let kept = secret.count >= 3 * prefixLength ? prefixLength : 0
    return String(decoding: secret.prefix(kept), as: UTF8.self) + mask
  }
}
