/// Markers that, on a finding's line, tell Hush the value is known and allowed.
public enum InlineIgnore {
  /// `hush:allow`, and the markers of tools people migrate from.
  public static let markers: [[UInt8]] = [
    "hush:allow", "gitleaks:allow", "pragma: allowlist secret",
  ].map { Array($0.utf8) }

  /// Whether `bytes[range]` holds one of the markers.
  public static func isAllowed(_ bytes: UnsafeBufferPointer<UInt8>, in range: Range<Int>) -> Bool {
    markers.contains { marker in
      guard range.count >= marker.count else { return false }
      var start = range.lowerBound
      let last = range.upperBound - marker.count
      while start <= last {
        if bytes[start] == marker[0], (0..<marker.count).allSatisfy({ bytes[start + $0] == marker[$0] }) {
          return true
        }
        start += 1
      }
      return false
    }
  }
}
