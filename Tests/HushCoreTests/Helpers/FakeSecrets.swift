import HushTestSupport

/// Fake but realistically shaped secrets, built at run time so that Hush's own scan of this
/// repository never sees them as literals, and drawn from a seeded generator so that every run
/// builds the same ones.
final class FakeSecrets {
  static let base62 = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
  static let assignment = "AUTH" + "_TOKEN="

  private var generator: SeededGenerator

  /// Each test passes its own seed: tests stay independent of the order they run in.
  init(seed: UInt64) { generator = SeededGenerator(seed: seed) }

  func random(_ count: Int, from alphabet: [Character] = base62) -> String {
    String((0..<count).map { _ in generator.element(of: alphabet) })
  }

  func bytes(_ count: Int) -> [UInt8] { generator.bytes(count) }

  /// prefix + 30 base62 + CRC32 in 6 base62 digits, as GitHub issues them.
  func githubToken(prefix: String) -> String {
    let body = random(30)
    return prefix + body + Self.githubChecksum(of: body)
  }

  /// The 6 base62 digits GitHub appends: computed here with the test's own CRC32, never the
  /// production one, so a bug there cannot hide by agreeing with itself.
  static func githubChecksum(of body: String) -> String {
    var value = Int(ReferenceCRC32.checksum(Array(body.utf8)))
    var digits = ""
    for _ in 0..<6 {
      digits = String(base62[value % 62]) + digits
      value /= 62
    }
    return digits
  }
}

/// CRC-32 computed bit by bit, as the IEEE 802.3 definition reads (reflected polynomial
/// 0xEDB88320): a second, table-free implementation for the tests, checked against zlib's values.
enum ReferenceCRC32 {
  static func checksum(_ bytes: [UInt8]) -> UInt32 {
    var crc: UInt32 = 0xFFFF_FFFF
    for byte in bytes {
      crc ^= UInt32(byte)
      for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
    }
    return ~crc
  }
}
