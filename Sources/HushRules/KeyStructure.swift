/// Whether an armored private key (PEM, OpenSSH, PGP) holds a key structure rather than a
/// truncated, elided or made-up body ("MIIEow...", "<your key here>", random letters).
enum KeyStructure {
  static func isPlausible(_ block: [UInt8]) -> Bool {
    // A key indented in a YAML block scalar keeps its structure.
    let lines = unescaped(block).split(whereSeparator: { $0 == 10 || $0 == 13 })
      .map { $0.drop(while: { $0 == 32 || $0 == 9 }) }.filter { !$0.isEmpty }
    guard let begin = lines.first, let label = label(of: begin) else { return false }
    var headers: [ArraySlice<UInt8>] = []
    var body: [UInt8] = []
    var checksum: ArraySlice<UInt8>?
    for line in lines.dropFirst() where !line.starts(with: dashes) {
      if line.contains(UInt8(ascii: ":")) {
        headers.append(line)
      } else if line.first == UInt8(ascii: "="), line.count == 5 {
        checksum = line.dropFirst()
      } else {
        body += line.filter { $0 != 32 && $0 != 9 }
      }
    }
    guard let decoded = Base64.decode(body), !decoded.isEmpty else { return false }
    switch label {
    case "OPENSSH PRIVATE KEY": return decoded.starts(with: Array("openssh-key-v1\0".utf8))
    case "PGP PRIVATE KEY BLOCK": return isPGPSecretKey(decoded, checksum: checksum)
    default:
      if headers.contains(where: { String(decoding: $0, as: UTF8.self).contains("ENCRYPTED") }) {
        // Legacy encrypted PEM: the body is block-cipher output.
        return decoded.count % 8 == 0
      }
      return isDERSequence(decoded)
    }
  }

  private static let dashes = Array("-----".utf8)

  /// Keys pasted into JSON or YAML strings carry `\n` escapes instead of line breaks.
  private static func unescaped(_ block: [UInt8]) -> [UInt8] {
    var output: [UInt8] = []
    output.reserveCapacity(block.count)
    var index = 0
    while index < block.count {
      if block[index] == UInt8(ascii: "\\"), index + 1 < block.count,
        block[index + 1] == UInt8(ascii: "n") || block[index + 1] == UInt8(ascii: "r")
      {
        output.append(10)
        index += 2
      } else {
        output.append(block[index])
        index += 1
      }
    }
    return output
  }

  /// "RSA PRIVATE KEY" of "-----BEGIN RSA PRIVATE KEY-----".
  private static func label(of line: ArraySlice<UInt8>) -> String? {
    let text = String(decoding: line, as: UTF8.self)
    guard text.hasPrefix("-----BEGIN "), text.hasSuffix("-----") else { return nil }
    return String(text.dropFirst(11).dropLast(5))
  }

  /// A DER SEQUENCE whose length is exactly the decoded size, opening with an INTEGER
  /// (PKCS#1, SEC 1, PKCS#8 version) or a SEQUENCE (encrypted PKCS#8's algorithm).
  static func isDERSequence(_ der: [UInt8]) -> Bool {
    guard der.count >= 4, der[0] == 0x30 else { return false }
    var headerLength = 2
    var length = Int(der[1])
    if der[1] & 0x80 != 0 {
      let octets = Int(der[1] & 0x7F)
      guard (1...3).contains(octets), der.count > 2 + octets else { return false }
      length = der[2..<(2 + octets)].reduce(0) { $0 << 8 | Int($1) }
      headerLength += octets
    }
    guard headerLength + length == der.count, der.count > headerLength else { return false }
    return der[headerLength] == 0x02 || der[headerLength] == 0x30
  }

  /// The first packet is a Secret-Key packet (tag 5) in the old or new format, and the
  /// armor's CRC-24 (RFC 4880 §6.1), when present, is right.
  static func isPGPSecretKey(_ packets: [UInt8], checksum: ArraySlice<UInt8>?) -> Bool {
    guard let first = packets.first, (0x94...0x97).contains(first) || first == 0xC5 else { return false }
    guard let checksum else { return true }
    guard let expected = Base64.decode(checksum), expected.count == 3 else { return false }
    let value = expected.reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
    return value == MSBFirstCRC.openPGP(packets)
  }
}
