import Foundation

/// Offline structural checks that tell a real token from a lookalike without a network call.
public enum Validator: String, Sendable, CaseIterable {
  /// GitHub's token format (also npm's): prefix, 30 base62 characters, then the CRC32 of those
  /// 30 characters in 6 base62 digits.
  case githubChecksum = "github-checksum"
  /// A JSON Web Token: base64url header that decodes to a JSON object naming its "alg".
  case jwt = "jwt"

  /// Whether `secret` passes the check.
  public func accepts<C: Collection<UInt8>>(_ secret: C) -> Bool {
    switch self {
    case .githubChecksum: Self.hasGitHubChecksum(Array(secret))
    case .jwt: Self.isJWT(Array(secret))
    }
  }

  private static let base62 = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".utf8)

  static func hasGitHubChecksum(_ token: [UInt8]) -> Bool {
    guard token.count >= 36 else { return false }
    let checksum = token[(token.count - 6)...]
    let body = token[(token.count - 36)..<(token.count - 6)]
    var value: UInt64 = 0
    for byte in checksum {
      guard let digit = base62.firstIndex(of: byte) else { return false }
      value = value * 62 + UInt64(digit)
    }
    return value == UInt64(CRC32.checksum(body))
  }

  static func isJWT(_ token: [UInt8]) -> Bool {
    let parts = token.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
    guard parts.count == 3 || parts.count == 5, let header = base64URLDecode(parts[0]) else {
      return false
    }
    guard let object = try? JSONSerialization.jsonObject(with: header) as? [String: Any] else {
      return false
    }
    return object["alg"] is String
  }

  static func base64URLDecode<C: Collection<UInt8>>(_ part: C) -> Data? {
    var text = String(decoding: part, as: UTF8.self)
      .replacingOccurrences(of: "-", with: "+")
      .replacingOccurrences(of: "_", with: "/")
    text += String(repeating: "=", count: (4 - text.count % 4) % 4)
    return Data(base64Encoded: text)
  }
}

/// CRC-32 (IEEE 802.3, as zlib computes it).
public enum CRC32 {
  private static let table: [UInt32] = (0..<256).map { index in
    var crc = UInt32(index)
    for _ in 0..<8 { crc = crc & 1 == 1 ? 0xEDB8_8320 ^ (crc >> 1) : crc >> 1 }
    return crc
  }

  public static func checksum<C: Collection<UInt8>>(_ bytes: C) -> UInt32 {
    var crc: UInt32 = 0xFFFF_FFFF
    for byte in bytes { crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
    return crc ^ 0xFFFF_FFFF
  }
}
