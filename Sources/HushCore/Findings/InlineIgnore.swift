/// Markers that, on a finding's line, tell Hush the value is known and allowed.
public enum InlineIgnore {
  /// `hush:allow`, and the markers of tools people migrate from.
  public static let markers: [[UInt8]] = [
    "hush:allow", "gitleaks:allow", "pragma: allowlist secret",
  ].map { Array($0.utf8) }

  /// Whether the line of `secret` holds a marker. The marker belongs on the secret's line;
  /// on a minified megabyte-long line, only near it.
  static func isAllowed(_ bytes: UnsafeBufferPointer<UInt8>, around secret: Range<Int>) -> Bool {
    let limit = Detector.lookBehind
    let lines =
      LineIndex.lineStart(before: secret.lowerBound, in: bytes, limit: limit)
      ..< LineIndex.lineEnd(after: secret.upperBound, in: bytes, limit: limit)
    return isAllowed(bytes, in: lines)
  }

  /// Whether `bytes[range]` holds one of the markers.
  public static func isAllowed(_ bytes: UnsafeBufferPointer<UInt8>, in range: Range<Int>) -> Bool {
    let line = bytes[range]
    return markers.contains { Placeholder.contains(line, $0) }
  }
}
