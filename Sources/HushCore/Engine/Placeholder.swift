/// Recognises values that are documentation, templates or test filler rather than secrets.
public enum Placeholder {
  /// Lower-case words that mark a value as an example wherever they appear in it.
  static let markers: [[UInt8]] = [
    "example", "xxxx", "your_", "your-", "yourapi", "yourtoken", "yoursecret", "yourkey",
    "changeme", "change_me", "change-me", "dummy", "placeholder", "redacted", "sample",
    "insert_", "insert-", "replace_me", "replaceme", "notreal", "not_real", "fake_",
    "****", "....", "password", "<", ">", "${", "{{", "}}", "%s", "%(", "$(",
  ].map { Array($0.utf8) }

  /// Markers made of punctuation: a random value over all printable characters (a WordPress
  /// salt) holds them by chance, so they do not mark such a value as filler.
  static let punctuationMarkers = Set(markers.filter { $0.allSatisfy { !isAlphanumeric($0) } })

  /// Tokens published as examples in the standards people copy from (OAuth 2.0, RFC 6749 §4
  /// and §6; bearer tokens, RFC 6750; token revocation, RFC 7009).
  static let publishedExamples: Set<[UInt8]> = Set(
    [
      "2YotnFZFEjr1zCsicMWpAA", "tGzv3JOkF0XG5Qx2TlKWIA", "SplxlOBeZQQYbYS6WxSbIA", "mF_9.B5f-4.1JqM",
      "45ghiukldjahdnhzdauz",
    ].map { Array($0.utf8) })

  static let maxLengthForRunCheck = 128

  /// Why `secret` is a placeholder, or nil when it looks like it could be real.
  public static func reason<C: Collection<UInt8>>(_ secret: C) -> String? {
    if publishedExamples.contains(Array(secret)) { return "an example token published in an RFC" }
    let lowered = lowered(secret)
    for marker in markers where ByteSearch.contains(lowered, marker) {
      if punctuationMarkers.contains(marker) && isRandomPrintable(lowered) { continue }
      return "contains '\(String(decoding: marker, as: UTF8.self))'"
    }
    // Runs betray typed filler in short values; long structured encodings (PEM and OpenSSH
    // keys, session tokens) legitimately hold runs such as the "AAAAAAAA" of zero bytes.
    guard lowered.count <= maxLengthForRunCheck else { return nil }
    if hasAlphanumericRun(lowered, length: 6, step: 0) { return "repeated characters" }
    if hasAlphanumericRun(lowered, length: 6, step: 1) { return "sequential characters" }
    return nil
  }

  /// Long and drawn from many punctuation characters: generated, not typed.
  static func isRandomPrintable(_ bytes: [UInt8]) -> Bool {
    guard bytes.count >= 32 else { return false }
    return Set(bytes.filter { !isAlphanumeric($0) }).count >= 8
  }

  /// Whether `secret` is a placeholder.
  public static func isPlaceholder<C: Collection<UInt8>>(_ secret: C) -> Bool {
    reason(secret) != nil
  }

  /// Values of generic (keyword + assignment) rules drawn from one character class (a word,
  /// an identifier, a constant name, a number) are code, not secrets.
  public static func isSingleClass<C: Collection<UInt8>>(_ secret: C) -> Bool {
    var lower = false
    var upper = false
    var digit = false
    for byte in secret {
      switch byte {
      case UInt8(ascii: "a")...UInt8(ascii: "z"): lower = true
      case UInt8(ascii: "A")...UInt8(ascii: "Z"): upper = true
      case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = true
      default: continue
      }
    }
    return [lower, upper, digit].filter { $0 }.count <= 1
  }

  /// Values of generic rules that are words joined by separators (`X-Api-Key-Header`,
  /// `bert-base-uncased`, `my.service.name`) and hold no digit, or identifiers of three or
  /// more single-case parts (`last_token_col_plus1`, `MAX_RETRIES_V2`), are names, not secrets.
  public static func isWordLike<C: Collection<UInt8>>(_ secret: C) -> Bool {
    isSeparatedWords(secret) || isIdentifier(secret)
  }

  /// Values of generic rules that are code rather than data: a member access on a well-known
  /// receiver (`this.$rowTokens.length-1`, `process.env.API_KEY`, `self.token`), a path
  /// (`handle::OwnedStore`), or HTML-escaped source (`&lt;`, `&quot;`).
  public static func isCodeReference<C: Collection<UInt8>>(_ secret: C) -> Bool {
    let bytes = Array(secret.prefix(256))
    if ByteSearch.contains(bytes, Array("::".utf8)) { return true }
    if ["&lt", "&gt", "&amp", "&quot", "&#"].contains(where: { ByteSearch.contains(bytes, Array($0.utf8)) }) {
      return true
    }
    // Minified code: `e.headers&&e.headers.Authorization`, `t.token||n`.
    if ["&&", "||", "?.", "=>"].contains(where: { ByteSearch.contains(bytes, Array($0.utf8)) }) { return true }
    guard let dot = bytes.firstIndex(of: UInt8(ascii: ".")) else { return false }
    return codeReceivers.contains(String(decoding: bytes[..<dot], as: UTF8.self))
  }

  private static let codeReceivers: Set<String> = [
    "this", "self", "window", "document", "process", "props", "state", "options", "opts", "config",
    "ctx", "context", "req", "request", "res", "response", "os", "env", "settings", "params", "args",
  ]

  private static func isIdentifier<C: Collection<UInt8>>(_ secret: C) -> Bool {
    let parts = secret.split(whereSeparator: { $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "-") })
    guard parts.count >= 3 else { return false }
    return parts.allSatisfy { part in
      guard let first = part.first, isLetter(first) else { return false }
      let lower = part.allSatisfy { !($0 >= 65 && $0 <= 90) && isAlphanumeric($0) }
      let upper = part.allSatisfy { !($0 >= 97 && $0 <= 122) && isAlphanumeric($0) }
      return lower || upper
    }
  }

  private static func isLetter(_ byte: UInt8) -> Bool {
    (byte >= 97 && byte <= 122) || (byte >= 65 && byte <= 90)
  }

  private static func isSeparatedWords<C: Collection<UInt8>>(_ secret: C) -> Bool {
    var words = 0
    var inWord = false
    for byte in secret {
      switch byte {
      case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"):
        if !inWord { words += 1 }
        inWord = true
      case UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "/"):
        inWord = false
      default:
        return false
      }
    }
    return words >= 2
  }

  private static func hasAlphanumericRun(_ bytes: [UInt8], length: Int, step: Int) -> Bool {
    var run = 1
    for index in bytes.indices.dropFirst() {
      let previous = bytes[index - 1]
      let current = bytes[index]
      if isAlphanumeric(current), isAlphanumeric(previous), Int(current) - Int(previous) == step {
        run += 1
        if run >= length { return true }
      } else {
        run = 1
      }
    }
    return false
  }

  private static func isAlphanumeric(_ byte: UInt8) -> Bool {
    (byte >= 48 && byte <= 57) || (byte >= 97 && byte <= 122) || (byte >= 65 && byte <= 90)
  }

  /// Whether a generic rule's value is a digest, not a credential: the name it is assigned to
  /// says so (`token_sha256`, `apiKeyHash`, `secret_checksum`), or the value carries a hash
  /// algorithm's prefix (`sha256:…`, `sha512-…` as in lockfile integrity, Go's `h1:`).
  public static func isHashInContext<C: Collection<UInt8>, N: Collection<UInt8>>(_ secret: C, name: N) -> Bool {
    let value = lowered(secret.prefix(8))
    if hashPrefixes.contains(where: { value.starts(with: $0) }) { return true }
    let key = lowered(name.suffix(96))
    return hashWords.contains { ByteSearch.contains(key, $0) }
  }

  private static let hashPrefixes = [
    "sha1:", "sha1-", "sha256:", "sha256-", "sha384:", "sha384-", "sha512:", "sha512-", "md5:", "h1:",
  ]
  .map { Array($0.utf8) }
  private static let hashWords = [
    "hash", "digest", "sha1", "sha256", "sha384", "sha512", "md5", "checksum", "fingerprint",
    "integrity", "etag", "revision", "commit",
  ].map { Array($0.utf8) }

  private static func lowered<C: Collection<UInt8>>(_ bytes: C) -> [UInt8] {
    bytes.map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }
  }
}
