/// Markers that, on a finding's line, tell Hush the value is known and allowed.
public enum InlineIgnore {
  /// `hush:allow`, and the markers of tools people migrate from.
  public static let markers: [[UInt8]] = [
    "hush:allow", "gitleaks:allow", "pragma: allowlist secret",
  ].map { Array($0.utf8) }

  /// Whether `bytes[range]` holds one of the markers.
  public static func isAllowed(_ bytes: UnsafeBufferPointer<UInt8>, in range: Range<Int>) -> Bool {
    let line = bytes[range]
    return markers.contains { Placeholder.contains(line, $0) }
  }
}
