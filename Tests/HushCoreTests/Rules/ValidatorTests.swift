import Foundation
import Testing

@testable import HushCore
@testable import HushRules

@Suite struct ValidatorTests {
  /// Known answers from python3's `zlib.crc32`, never from the code under test: the standard
  /// check value of "123456789", the empty string, one byte, and a pangram.
  @Test(arguments: [
    ("123456789", 0xCBF4_3926 as UInt32), ("", 0), ("a", 0xE8B7_BE43),
    ("The quick brown fox jumps over the lazy dog", 0x414F_A339),
  ])
  func crc32KnownAnswers(_ text: String, _ expected: UInt32) {
    #expect(CRC32.checksum(Array(text.utf8)) == expected)
    #expect(ReferenceCRC32.checksum(Array(text.utf8)) == expected, "the tests' own CRC32")
  }

  /// 30-character bodies and their checksum in 6 base62 digits, from python3
  /// (`zlib.crc32(body)` written in base62, most significant digit first, zero-padded).
  @Test(arguments: [
    ("Zq81mVwQ4TnB7yKc2XpR9dLs3FhJ6g", "1ftuBn"), ("0aB1cD2eF3gH4iJ5kL6mN7oP8qR9sT", "17TKRo"),
    ("vN3kQ7wX1zL5pR9tY2bF6hJ0mC4dG8", "2G9UKA"),
    ("Zq81mVwQ4TnB7yKc2XpR9dLs3Fh095", "006yPK"),  // CRC32 below 62^4: two leading zeros
  ])
  func githubChecksumKnownAnswers(_ body: String, _ checksum: String) {
    for prefix in ["ghp" + "_", "github_pat_" + "11ABCDEFG0" + "_", "npm" + "_"] {
      #expect(Validator.githubChecksum.accepts(Array((prefix + body + checksum).utf8)), "\(prefix)")
    }
    #expect(FakeSecrets.githubChecksum(of: body) == checksum, "the tests' token builder agrees")
    let token = Array(("ghp" + "_" + body + checksum).utf8)
    for position in 4..<token.count {
      var broken = token
      broken[position] = broken[position] == UInt8(ascii: "a") ? UInt8(ascii: "b") : UInt8(ascii: "a")
      #expect(!Validator.githubChecksum.accepts(broken), "a changed character at \(position)")
    }
    #expect(!Validator.githubChecksum.accepts(Array(("ghp" + "_" + body + "00000!").utf8)), "not base62")
  }

  @Test func jwtStructure() {
    let header = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9"  // {"alg":"HS256","typ":"JWT"}
    let token = header + ".eyJzdWIiOiIxMjM0In0.c2lnbmF0dXJlLWJ5dGVzLWhlcmU"
    #expect(Validator.jwt.accepts(Array(token.utf8)))
    #expect(!Validator.jwt.accepts(Array("eyJub3Rqc29u.eyJ4IjoxfQ.sig".utf8)))
  }

  /// CRC-16/XMODEM's check value (the CRC of "123456789") is 0x31C3.
  @Test func crc16KnownAnswer() {
    #expect(MSBFirstCRC.xmodem(Array("123456789".utf8)) == 0x31C3)
  }

  /// A made-up user seed (random bytes, the checksum computed for them) passes; any one changed
  /// character, a public key's shape, a wrong length or lower case does not.
  @Test func nkeySeedChecksum() {
    let seed = Array(("SUAGJYXAEFOXZLHQAR5TMBR4" + "XPIXGIC7EVLUY2QG2VJVGOHJPGT24UZIVQ").utf8)
    #expect(Validator.nkeyChecksum.accepts(seed))
    for position in 3..<seed.count {
      var broken = seed
      broken[position] = broken[position] == UInt8(ascii: "B") ? UInt8(ascii: "C") : UInt8(ascii: "B")
      #expect(!Validator.nkeyChecksum.accepts(broken), "a changed character at \(position)")
    }
    #expect(!Validator.nkeyChecksum.accepts(Array(seed.dropFirst())), "57 characters")
    #expect(!Validator.nkeyChecksum.accepts(Array(String(decoding: seed, as: UTF8.self).lowercased().utf8)))
    var publicKey = seed
    publicKey[0] = UInt8(ascii: "U")
    #expect(!Validator.nkeyChecksum.accepts(publicKey), "not the seed prefix")
  }
}
