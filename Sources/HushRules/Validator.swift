/// Offline structural checks a rule may require of its secret (`validate = "..."`). A secret
/// that fails is dropped; a finding whose rule has a validator is reported as validated.
public enum Validator: String, Sendable, CaseIterable {
  /// GitHub's token format (also npm's): prefix, 30 base62 characters, then the CRC32 of those
  /// 30 characters in 6 base62 digits.
  case githubChecksum = "github-checksum"
  /// A JSON Web Token: the header decodes to a JSON object naming its "alg", and the payload
  /// of a signed (3-part) token decodes to a JSON object too.
  case jwt = "jwt"
  /// A token that embeds base64 JSON (`eyJ...`, as Grafana, 1Password and Sentry tokens do):
  /// the embedded part decodes to a JSON object.
  case base64JSON = "base64-json"
  /// An AWS access key id: a documented prefix and 16 characters of the base32 alphabet.
  case awsKeyID = "aws-key-id"
  /// A secret that is, or ends with, a UUID as RFC 9562 defines it: version 1-8 and the 10xx
  /// variant (`access-production-<uuid>`, `pat-na1-<uuid>`).
  case uuid = "uuid"
  /// A PEM or OpenSSH private key whose body decodes to a key structure (DER sequence,
  /// `openssh-key-v1`, or an encrypted body), and a PGP key block that decodes to a
  /// secret-key packet with a correct CRC-24 armor checksum when it has one.
  case keyStructure = "key-structure"
  /// A NATS NKEY seed: 58 base32 characters that decode to the seed prefix (`S`), a key type,
  /// the 32-byte seed and the CRC-16/XMODEM of all that before it, little-endian.
  case nkeyChecksum = "nkey-checksum"

  /// Whether `secret` passes the check.
  public func accepts<C: Collection<UInt8>>(_ secret: C) -> Bool {
    let bytes = Array(secret)
    switch self {
    case .githubChecksum: return Self.hasGitHubChecksum(bytes)
    case .jwt: return Self.isJWT(bytes)
    case .base64JSON: return Self.embedsBase64JSON(bytes)
    case .awsKeyID: return Self.isAWSKeyID(bytes)
    case .uuid: return Self.isUUID(bytes)
    case .keyStructure: return KeyStructure.isPlausible(bytes)
    case .nkeyChecksum: return Self.hasNKeyChecksum(bytes)
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
    guard parts.count == 3 || parts.count == 5, let header = jsonObject(base64: parts[0]),
      header["alg"] is String
    else { return false }
    // A JWE's second part is an encrypted key, not JSON.
    return parts.count == 5 || jsonObject(base64: parts[1]) != nil
  }

  /// The base64 JSON starts at the first `eyJ` (`{"`) and runs to the end of the secret, or to
  /// a `_` or `.` that separates it from a signature.
  static func embedsBase64JSON(_ token: [UInt8]) -> Bool {
    let start = Array("eyJ".utf8)
    guard let offset = (0...max(0, token.count - 3)).first(where: { token[$0...].starts(with: start) })
    else { return false }
    let body = token[offset...]
    if jsonObject(base64: body) != nil { return true }
    let separators: Set<UInt8> = [UInt8(ascii: "_"), UInt8(ascii: ".")]
    return body.indices.reversed().contains { index in
      separators.contains(body[index]) && jsonObject(base64: body[..<index]) != nil
    }
  }

  private static let awsPrefixes = ["AKIA", "ASIA", "ABIA", "ACCA"].map { Array($0.utf8) }

  static func isAWSKeyID(_ id: [UInt8]) -> Bool {
    guard id.count == 20, awsPrefixes.contains(where: { id.starts(with: $0) }) else { return false }
    return id.dropFirst(4).allSatisfy { (65...90).contains($0) || (50...55).contains($0) }
  }

  static func isUUID(_ secret: [UInt8]) -> Bool {
    guard secret.count >= 36 else { return false }
    let text = Array(secret.suffix(36))
    guard
      [8, 13, 18, 23].allSatisfy({ text[$0] == UInt8(ascii: "-") }),
      text.enumerated().allSatisfy({ [8, 13, 18, 23].contains($0.offset) || $0.element.isHexDigit })
    else { return false }
    let version = text[14]
    let variant = text[19] | 0x20
    return (UInt8(ascii: "1")...UInt8(ascii: "8")).contains(version)
      && [UInt8(ascii: "8"), UInt8(ascii: "9"), UInt8(ascii: "a"), UInt8(ascii: "b")].contains(variant)
  }

  /// The seed prefix byte's top five bits: base32's `S`.
  private static let nkeySeedPrefix: UInt8 = 18

  static func hasNKeyChecksum(_ seed: [UInt8]) -> Bool {
    guard seed.count == 58, let decoded = Base32.decode(seed), decoded.count == 36,
      decoded[0] >> 3 == nkeySeedPrefix
    else { return false }
    let checksum = UInt16(decoded[34]) | UInt16(decoded[35]) << 8
    return MSBFirstCRC.xmodem(decoded[..<34]) == checksum
  }

  static func jsonObject<C: Collection<UInt8>>(base64 part: C) -> [String: Any]? {
    guard let data = Base64.decode(part) else { return nil }
    return JSONTree.object(data)
  }
}

extension UInt8 {
  var isHexDigit: Bool {
    (48...57).contains(self) || (65...70).contains(self) || (97...102).contains(self)
  }
}

/// Base64 in either alphabet (standard or URL-safe), padding optional: what tokens use.
public enum Base64 {
  private static let values: [Int8] = {
    var table = [Int8](repeating: -1, count: 256)
    for (index, byte) in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8.enumerated() {
      table[Int(byte)] = Int8(index)
    }
    table[Int(UInt8(ascii: "-"))] = 62
    table[Int(UInt8(ascii: "_"))] = 63
    return table
  }()

  /// The decoded bytes, or nil when a character is outside base64 or the length is impossible.
  public static func decode<C: Collection<UInt8>>(_ text: C) -> [UInt8]? {
    var output: [UInt8] = []
    output.reserveCapacity(text.count * 3 / 4)
    var buffer: UInt32 = 0
    var bits = 0
    var padding = 0
    for byte in text {
      if byte == UInt8(ascii: "=") {
        padding += 1
        continue
      }
      let value = values[Int(byte)]
      guard value >= 0, padding == 0 else { return nil }
      buffer = buffer << 6 | UInt32(value)
      bits += 6
      if bits >= 8 {
        bits -= 8
        output.append(UInt8(truncatingIfNeeded: buffer >> UInt32(bits)))
      }
    }
    // A lone 6-bit group cannot encode a byte.
    guard bits < 6, padding <= 2 else { return nil }
    return output
  }
}

/// Base32 as RFC 4648 writes it (upper-case, `A`-`Z` then `2`-`7`), without padding: NATS keys.
enum Base32 {
  /// The decoded bytes (trailing bits that make no whole byte are dropped), or nil when a
  /// character is outside the alphabet.
  static func decode(_ text: [UInt8]) -> [UInt8]? {
    var output: [UInt8] = []
    output.reserveCapacity(text.count * 5 / 8)
    var buffer: UInt32 = 0
    var bits = 0
    for byte in text {
      let value: UInt8
      switch byte {
      case UInt8(ascii: "A")...UInt8(ascii: "Z"): value = byte - UInt8(ascii: "A")
      case UInt8(ascii: "2")...UInt8(ascii: "7"): value = byte - UInt8(ascii: "2") + 26
      default: return nil
      }
      buffer = buffer << 5 | UInt32(value)
      bits += 5
      if bits >= 8 {
        bits -= 8
        output.append(UInt8(truncatingIfNeeded: buffer >> UInt32(bits)))
      }
    }
    return output
  }
}

/// CRCs computed most significant bit first, unreflected: CRC-16/XMODEM (NATS keys) and
/// OpenPGP's CRC-24 (RFC 4880 §6.1, armor checksums). One loop, two parameter sets.
enum MSBFirstCRC {
  static func xmodem<C: Collection<UInt8>>(_ bytes: C) -> UInt16 {
    UInt16(checksum(bytes, width: 16, polynomial: 0x1021, initial: 0))
  }

  static func openPGP<C: Collection<UInt8>>(_ bytes: C) -> UInt32 {
    checksum(bytes, width: 24, polynomial: 0x86_4CFB, initial: 0xB7_04CE)
  }

  private static func checksum<C: Collection<UInt8>>(
    _ bytes: C, width: Int, polynomial: UInt32, initial: UInt32
  ) -> UInt32 {
    let top: UInt32 = 1 << (width - 1)
    let mask: UInt32 = top << 1 &- 1
    var crc = initial
    for byte in bytes {
      crc ^= UInt32(byte) << (width - 8)
      for _ in 0..<8 { crc = crc & top != 0 ? crc << 1 ^ polynomial : crc << 1 }
      crc &= mask
    }
    return crc
  }
}

/// CRC-32 (IEEE 802.3, as zlib computes it).
public enum CRC32 {
  private static let table: [UInt32] = (0..<256).map { index in
    var crc = UInt32(index)
    for _ in 0..<8 { crc = crc & 1 == 1 ? 0xEDB8_8320 ^ (crc >> 1) : crc >> 1 }
    return crc
  }

  /// The CRC-32 (IEEE 802.3) of `bytes`.
  public static func checksum<C: Collection<UInt8>>(_ bytes: C) -> UInt32 {
    var crc: UInt32 = 0xFFFF_FFFF
    for byte in bytes { crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
    return crc ^ 0xFFFF_FFFF
  }
}
