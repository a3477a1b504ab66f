import Foundation
import Testing

@testable import HushCore
@testable import HushRules

@Suite struct EntropyTests {
  @Test func shannonOfSimpleStrings() {
    #expect(Entropy.shannon(Array("aaaa".utf8)) == 0)
    #expect(abs(Entropy.shannon(Array("abcd".utf8)) - 2) < 1e-9)
    #expect(Entropy.shannon([UInt8]()) == 0)
  }

  @Test func alphabetDetection() {
    #expect(Entropy.alphabetSize(Array("0123456789".utf8)) == 10)
    #expect(Entropy.alphabetSize(Array("deadbeef0123".utf8)) == 16)
    #expect(Entropy.alphabetSize(Array("DEADBEEF0123".utf8)) == 16)
    #expect(Entropy.alphabetSize(Array("zq0123".utf8)) == 36)
    #expect(Entropy.alphabetSize(Array("AbZ09".utf8)) == 62)
    #expect(Entropy.alphabetSize(Array("Ab+/09=".utf8)) == 64)
    #expect(Entropy.alphabetSize(Array("Ab!09".utf8)) == 95)
  }

  @Test func expectedRandomEntropyMatchesSampledStrings() {
    var generator = SeededGenerator(seed: 11)
    let hex = Array("0123456789abcdef".utf8)
    let samples = (0..<400).map { _ in
      Entropy.shannon((0..<40).map { _ in generator.element(of: hex) })
    }
    let mean = samples.reduce(0, +) / Double(samples.count)
    #expect(abs(mean - Entropy.expectedRandom(length: 40, alphabet: 16)) < 0.05)
  }

  @Test func thresholdIsFairToShortAndHexSecrets() {
    let hex = Array("f38baeb98779b774339298c501f78206".utf8)
    // A random 32-char hex string cannot reach 4.5 bits/char; the threshold is lowered for it.
    #expect(Entropy.threshold(4.5, for: hex) < 4.0)
    #expect(Entropy.meets(4.5, hex))
    #expect(!Entropy.meets(3.0, Array("abababababababab".utf8)))
    // Long base64 strings keep the stated threshold.
    let base64 = Array(String(repeating: "Zm9vYmFyYmF6cXV4", count: 4).utf8)
    #expect(Entropy.threshold(3.5, for: base64) == 3.5)
  }
}

@Suite struct PlaceholderTests {
  @Test(arguments: [
    "AKIAIOSFODNN7EXAMPLE", "ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "your_api_key_here",
    "<TOKEN>", "${API_KEY}", "{{ secret }}", "changeme", "%s", "aaaaaaaaaaaa", "abcdefghij",
    "1234567890", "dummy-token-value", "REDACTED", "********",
  ])
  func recognisesPlaceholders(_ value: String) {
    #expect(Placeholder.isPlaceholder(Array(value.utf8)), "\(value)")
  }

  @Test(arguments: [
    "CfSMVQUBnJ0rxk2mevU5Kq0IkupywZig", "f38baeb98779b774339298c501f78206", "4gcdWa7w^hv%yCKs",
  ])
  func keepsRandomLookingValues(_ value: String) {
    #expect(!Placeholder.isPlaceholder(Array(value.utf8)), "\(value)")
  }

  @Test func singleClassAndWordLikeValues() {
    #expect(Placeholder.isSingleClass(Array("productiondatabase".utf8)))
    #expect(Placeholder.isSingleClass(Array("DEFAULT_PASSWORD".utf8)))
    #expect(!Placeholder.isSingleClass(Array("Xa1PdgrbnuomB2".utf8)))
    #expect(Placeholder.isWordLike(Array("X-Custom-Api-Key-Header".utf8)))
    #expect(!Placeholder.isWordLike(Array("X-Custom-Api-Key-2".utf8)))
  }

  @Test(arguments: [
    "this.$rowTokens.length-1", "process.env.API_TOKEN", "handle::OwnedStore&lt", "self.token_cache", "a&quot;b9Xk2",
  ])
  func codeReferencesAreNotSecrets(_ value: String) {
    #expect(Placeholder.isCodeReference(Array(value.utf8)))
  }

  @Test(arguments: ["Xa1P.dgrbnuomB2", "sl.BqZ9x2Lm", "4gcdWa7w^hv%yCKs", "tokens.f38baeb98779b774"])
  func dataWithDotsIsNotCode(_ value: String) {
    #expect(!Placeholder.isCodeReference(Array(value.utf8)))
  }
}

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
}

@Suite struct StructureValidatorTests {
  static func base64(_ bytes: [UInt8]) -> String { Data(bytes).base64EncodedString() }

  static func armored(_ label: String, _ bytes: [UInt8], headers: String = "") -> [UInt8] {
    let body = base64(bytes)
    let lines = stride(from: 0, to: body.count, by: 64).map { offset in
      String(body.dropFirst(offset).prefix(64))
    }
    return Array("-----BEGIN \(label)-----\n\(headers)\(lines.joined(separator: "\n"))\n-----END \(label)-----\n".utf8)
  }

  /// A DER SEQUENCE with a two-byte length, opening with INTEGER 0 like PKCS#1 and PKCS#8.
  static func derKey(_ size: Int, seed: UInt64) -> [UInt8] {
    var generator = SeededGenerator(seed: seed)
    let content = [0x02, 0x01, 0x00] + generator.bytes(size - 3)
    return [0x30, 0x82, UInt8(size >> 8), UInt8(size & 0xFF)] + content
  }

  @Test func base64ReadsBothAlphabetsAndRejectsJunk() {
    #expect(Base64.decode(Array("+/8=".utf8)) == [0xFB, 0xFF])
    #expect(Base64.decode(Array("-_8".utf8)) == [0xFB, 0xFF])
    #expect(Base64.decode(Array("aGVsbG8=".utf8)) == Array("hello".utf8))
    #expect(Base64.decode(Array("aGVsbG8".utf8)) == Array("hello".utf8))
    #expect(Base64.decode(Array("aGV$bG8".utf8)) == nil)
    #expect(Base64.decode(Array("aGVsb".utf8)) == nil, "a lone 6-bit group encodes no byte")
  }

  @Test func awsKeyIDsUseTheBase32Alphabet() {
    #expect(Validator.awsKeyID.accepts(Array(("AKIA" + "Q7ZXJNLVRMTBW4HP").utf8)))
    #expect(!Validator.awsKeyID.accepts(Array("AKIAQ8ZX0N1VR9TBW4HP".utf8)))
    #expect(!Validator.awsKeyID.accepts(Array("AKIAQ7ZXJNLVRMTBW4H".utf8)))
    #expect(!Validator.awsKeyID.accepts(Array("AXIAQ7ZXJNLVRMTBW4HP".utf8)))
  }

  @Test func uuidsNeedAVersionAndTheRFCVariant() {
    #expect(Validator.uuid.accepts(Array("9b2f6c1e-3d4a-4e6f-a1b2-c8d9e0f1a2b3".utf8)))
    #expect(Validator.uuid.accepts(Array(("pat" + "-na1-9b2f6c1e-3d4a-4e6f-b1b2-c8d9e0f1a2b3").utf8)))
    #expect(!Validator.uuid.accepts(Array("9b2f6c1e-3d4a-0e6f-a1b2-c8d9e0f1a2b3".utf8)), "version 0")
    #expect(!Validator.uuid.accepts(Array("9b2f6c1e-3d4a-4e6f-c1b2-c8d9e0f1a2b3".utf8)), "variant 110x")
    #expect(!Validator.uuid.accepts(Array("9b2f6c1e-3d4a-4e6f-a1b2-c8d9e0f1a2bz".utf8)))
  }

  @Test func embeddedJSONIsFoundBeforeASignature() {
    let json = Self.base64(Array(#"{"k":"Zq81mVwQ","n":"ci","id":1}"#.utf8))
    #expect(Validator.base64JSON.accepts(Array(("glc_" + json).utf8)))
    #expect(Validator.base64JSON.accepts(Array(("sntrys_" + json + "_c2lnbmF0dXJl").utf8)))
    #expect(!Validator.base64JSON.accepts(Array("glc_eyJOPWtRxYDhxLZRe6l2BMhq8Vd2".utf8)))
  }

  @Test func pemBodiesMustDecodeToADERSequence() {
    var generator = SeededGenerator(seed: 12)
    let key = Self.derKey(600, seed: 13)
    #expect(Validator.keyStructure.accepts(Self.armored("RSA PRIVATE KEY", key)))
    #expect(Validator.keyStructure.accepts(Self.armored("PRIVATE KEY", key)))
    #expect(!Validator.keyStructure.accepts(Self.armored("RSA PRIVATE KEY", Array(key.dropLast(7)))), "truncated")
    let random = generator.bytes(600).map { $0 == 0x30 ? 0x31 : $0 }
    #expect(!Validator.keyStructure.accepts(Self.armored("PRIVATE KEY", random)))
    // Legacy encrypted PEM: ciphertext in whole cipher blocks.
    let headers = "Proc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,8F3C2E6A1B9D4F7E0A5C3B2D1E6F9A8C\n\n"
    #expect(
      Validator.keyStructure.accepts(Self.armored("RSA PRIVATE KEY", Array(random.prefix(592)), headers: headers)))
    #expect(
      !Validator.keyStructure.accepts(Self.armored("RSA PRIVATE KEY", Array(random.prefix(597)), headers: headers)))
  }

  @Test func escapedPEMInAJSONStringIsRead() {
    let block = String(decoding: Self.armored("PRIVATE KEY", Self.derKey(300, seed: 14)), as: UTF8.self)
    let escaped = block.replacingOccurrences(of: "\n", with: "\\n")
    #expect(Validator.keyStructure.accepts(Array(escaped.utf8)))
  }

  @Test func opensshBodiesStartWithTheMagic() {
    var generator = SeededGenerator(seed: 15)
    let body = Array("openssh-key-v1\0".utf8) + generator.bytes(200)
    #expect(Validator.keyStructure.accepts(Self.armored("OPENSSH PRIVATE KEY", body)))
    #expect(!Validator.keyStructure.accepts(Self.armored("OPENSSH PRIVATE KEY", Array(body.dropFirst(3)))))
  }

  @Test func pgpBlocksHoldASecretKeyPacketAndTheirChecksum() {
    var generator = SeededGenerator(seed: 16)
    let packet: [UInt8] = [0x95, 0x01, 0x00] + generator.bytes(256)
    let crc = KeyStructure.crc24(packet)
    let checksum = Self.base64([UInt8(crc >> 16), UInt8((crc >> 8) & 0xFF), UInt8(crc & 0xFF)])
    func block(_ bytes: [UInt8], _ checksum: String) -> [UInt8] {
      let armored = String(decoding: Self.armored("PGP PRIVATE KEY BLOCK", bytes, headers: "\n"), as: UTF8.self)
      return Array(armored.replacingOccurrences(of: "\n-----END", with: "\n=\(checksum)\n-----END").utf8)
    }
    #expect(Validator.keyStructure.accepts(block(packet, checksum)))
    var corrupted = packet
    corrupted[40] ^= 0x01
    #expect(!Validator.keyStructure.accepts(block(corrupted, checksum)))
    #expect(!Validator.keyStructure.accepts(block([0x99] + packet.dropFirst(), checksum)), "a public-key packet")
    // CRC-24 of RFC 4880's reference implementation, on "123456789".
    #expect(KeyStructure.crc24(Array("123456789".utf8)) == 0x21CF02)
  }
}

@Suite struct PrecisionTests {
  @Test func digestsInAHashContextAreNotCredentials() {
    let digest = Array("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08".utf8)
    for name in ["token_sha256: ", "\"apiKeyHash\": \"", "SECRET_CHECKSUM=", "client_secret_fingerprint = '"] {
      #expect(Placeholder.isHashInContext(digest, name: Array(name.utf8)), "\(name)")
    }
    #expect(!Placeholder.isHashInContext(digest, name: Array("api_token: ".utf8)))
    #expect(Placeholder.isHashInContext(Array("sha512-Zm9vYmFyYmF6cXV4".utf8), name: Array("token: ".utf8)))
    #expect(Placeholder.isHashInContext(Array("h1:Zm9vYmFyYmF6cXV4=".utf8), name: Array("secret=".utf8)))
  }

  @Test func minifiedExpressionsAreCode() {
    #expect(Placeholder.isCodeReference(Array("e.headers&&e.headers.Authorization".utf8)))
    #expect(Placeholder.isCodeReference(Array("t.token||n.token".utf8)))
    #expect(!Placeholder.isCodeReference(Array("q8Vd2Lx0rT7mKp3N".utf8)))
  }

  @Test func generatedSaltsKeepTheirPunctuation() {
    let salt = #"5t<Kq]9;Vz{b2^W!r~L@x8(Nc|h0%Ye>Pj&3*Ug*_m+D?sF,a$T"#
    #expect(Placeholder.reason(Array(salt.utf8)) == nil)
    #expect(Placeholder.reason(Array("${DATABASE_PASSWORD_FROM_THE_VAULT_AT_DEPLOY}".utf8)) != nil)
    #expect(Placeholder.reason(Array("<your-personal-access-token-goes-here-now>".utf8)) != nil)
  }

  @Test func tokensPublishedInRFCsAreExamples() {
    #expect(Placeholder.reason(Array("2YotnFZFEjr1zCsicMWpAA".utf8)) != nil)
    #expect(Placeholder.reason(Array("2YotnFZFEjr1zCsicMWpAB".utf8)) == nil)
  }
}
