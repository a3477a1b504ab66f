import Foundation
import HushTestSupport
import Testing

@testable import HushCore
@testable import HushRules

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
    #expect(!Validator.awsKeyID.accepts(Array("AKIAQ8ZX0N1VR9TBW4HP".utf8)))  // hush:allow
    #expect(!Validator.awsKeyID.accepts(Array("AKIAQ7ZXJNLVRMTBW4H".utf8)))
    #expect(!Validator.awsKeyID.accepts(Array("AXIAQ7ZXJNLVRMTBW4HP".utf8)))
  }

  @Test func uuidsNeedAVersionAndTheRFCVariant() {
    #expect(Validator.uuid.accepts(Array("9b2f6c1e-3d4a-4e6f-a1b2-c8d9e0f1a2b3".utf8)))  // hush:allow
    #expect(Validator.uuid.accepts(Array(("pat" + "-na1-9b2f6c1e-3d4a-4e6f-b1b2-c8d9e0f1a2b3").utf8)))  // hush:allow
    #expect(!Validator.uuid.accepts(Array("9b2f6c1e-3d4a-0e6f-a1b2-c8d9e0f1a2b3".utf8)), "version 0")  // hush:allow
    #expect(!Validator.uuid.accepts(Array("9b2f6c1e-3d4a-4e6f-c1b2-c8d9e0f1a2b3".utf8)), "variant 110x")  // hush:allow
    #expect(!Validator.uuid.accepts(Array("9b2f6c1e-3d4a-4e6f-a1b2-c8d9e0f1a2bz".utf8)))  // hush:allow
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
    let crc = MSBFirstCRC.openPGP(packet)
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
    #expect(MSBFirstCRC.openPGP(Array("123456789".utf8)) == 0x21CF02)
  }
}
