/// Markers that, on a finding's line, tell Hush the value is known and allowed.
public enum InlineIgnore {
  /// `hush:allow`, and the markers of tools people migrate from.
  public static let markers: [[UInt8]] = [
    "hush:allow", "gitleaks:allow", "betterleaks:allow", "pragma: allowlist secret", "trufflehog:ignore",
    "kingfisher:ignore", "ggignore",
  ].map { Array($0.utf8) }

  private static let hushMarker = Array("hush:allow".utf8)

  /// detect-secrets' marker for the line below it (for lines that cannot hold a comment).
  public static let nextLineMarker = Array("pragma: allowlist nextline secret".utf8)

  /// Whether the line of `secret` allows `rule`. The marker belongs on the secret's line (on
  /// a minified megabyte-long line, only near it), or, detect-secrets' `nextline` marker, on
  /// the line above.
  static func isAllowed(_ bytes: UnsafeBufferPointer<UInt8>, around secret: Range<Int>, rule: String) -> Bool {
    let line = LineIndex.lines(around: secret, in: bytes, limit: Detector.lookBehind)
    if isAllowed(bytes, in: line, rule: rule) { return true }
    guard line.lowerBound > 0 else { return false }
    let above = LineIndex.lines(
      around: (line.lowerBound - 1)..<(line.lowerBound - 1), in: bytes, limit: Detector.lookBehind)
    return ByteSearch.contains(bytes[above], nextLineMarker)
  }

  /// Whether `bytes[range]` holds a marker that allows `rule`: `hush:allow` alone allows
  /// every rule, `hush:allow RULE-ID` only that one; other tools' markers allow every rule.
  public static func isAllowed(_ bytes: UnsafeBufferPointer<UInt8>, in range: Range<Int>, rule: String) -> Bool {
    let line = bytes[range]
    if markers.dropFirst().contains(where: { ByteSearch.contains(line, $0) }) { return true }
    var searchFrom = range.lowerBound
    while let marker = ByteSearch.firstOffset(of: hushMarker, in: bytes, from: searchFrom, to: range.upperBound) {
      let scoped = scopedRule(after: marker + hushMarker.count, in: bytes, to: range.upperBound)
      if scoped == nil || scoped == rule { return true }
      searchFrom = marker + 1
    }
    return false
  }

  /// The rule id in `hush:allow RULE-ID`, or nil when the marker allows every rule.
  private static func scopedRule(after offset: Int, in bytes: UnsafeBufferPointer<UInt8>, to end: Int) -> String? {
    guard offset < end, bytes[offset] == UInt8(ascii: " ") || bytes[offset] == UInt8(ascii: "=") else { return nil }
    // An id starts with a letter: the `-->` that closes `<!-- hush:allow -->` is not one.
    guard offset + 1 < end, bytes[offset + 1] >= 0x61, bytes[offset + 1] <= 0x7A else { return nil }
    var index = offset + 1
    while index < end, isRuleIDByte(bytes[index]) { index += 1 }
    guard index > offset + 1 else { return nil }
    let id = String(decoding: UnsafeBufferPointer(rebasing: bytes[(offset + 1)..<index]), as: UTF8.self)
    // Ids contain a dash; a plain word after the marker is prose ("hush:allow because …").
    return id.contains("-") ? id : nil
  }

  private static func isRuleIDByte(_ byte: UInt8) -> Bool {
    (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == UInt8(ascii: "-")
  }
}
