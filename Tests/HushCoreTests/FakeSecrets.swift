@testable import HushCore

/// Fake but realistically shaped secrets, built at run time so that Hush's own scan of this
/// repository never sees them as literals.
enum FakeSecrets {
  static let base62 = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")

  static func random(_ count: Int, from alphabet: [Character] = base62) -> String {
    var generator = SystemRandomNumberGenerator()
    return String((0..<count).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] })
  }

  /// prefix + 30 base62 + CRC32 in 6 base62 digits, as GitHub issues them.
  static func githubToken(prefix: String) -> String {
    let body = random(30)
    var value = Int(CRC32.checksum(Array(body.utf8)))
    var digits = ""
    while value > 0 {
      digits = String(base62[value % 62]) + digits
      value /= 62
    }
    return prefix + body + String(repeating: "0", count: 6 - digits.count) + digits
  }

  static let assignment = "AUTH" + "_TOKEN="
}
