/// File names are bytes, not text: a name that is not valid UTF-8 must still be listed,
/// opened and shown. Hush keeps paths as `String`s whose bytes decode losslessly: each byte
/// of an invalid sequence (and each byte of a name that really holds a character of the
/// escape range) becomes one scalar of U+10FF00...U+10FFFF, a private-use range no real file
/// name uses, and `withCString` turns such scalars back into the original bytes.
public enum PathBytes {
  private static let escapeBase: UInt32 = 0x10_FF00

  /// The path for `bytes`, lossless: `bytes(of: decode(b)) == b`.
  public static func decode(_ bytes: some Collection<UInt8>) -> String {
    if let text = String(validating: bytes, as: UTF8.self), !text.unicodeScalars.contains(where: isEscape) {
      return text
    }
    var out = String.UnicodeScalarView()
    var rest = bytes[...]
    while !rest.isEmpty {
      let length = validSequenceLength(rest)
      let sequence = rest.prefix(max(length, 1))
      if length > 0, let scalar = String(validating: sequence, as: UTF8.self)?.unicodeScalars.first,
        !isEscape(scalar)
      {
        out.append(scalar)
      } else {
        for byte in sequence { out.append(escape(byte)) }
      }
      rest = rest.dropFirst(sequence.count)
    }
    return String(out)
  }

  /// The bytes `path` stands for.
  public static func bytes(of path: String) -> [UInt8] {
    guard path.unicodeScalars.contains(where: isEscape) else { return Array(path.utf8) }
    var out: [UInt8] = []
    for scalar in path.unicodeScalars {
      if isEscape(scalar) {
        out.append(UInt8(scalar.value - escapeBase))
      } else {
        out += String(scalar).utf8
      }
    }
    return out
  }

  /// Calls `body` with the path's bytes as a C string (for `open`, `lstat`, `opendir`).
  public static func withCString<R>(_ path: String, _ body: (UnsafePointer<CChar>) throws -> R) rethrows -> R {
    guard path.unicodeScalars.contains(where: isEscape) else { return try path.withCString(body) }
    let terminated = bytes(of: path).map { CChar(bitPattern: $0) } + [0]
    return try terminated.withUnsafeBufferPointer { buffer in
      guard let base = buffer.baseAddress else { return try "".withCString(body) }
      return try body(base)
    }
  }

  /// Whether `scalar` stands for one raw byte of a file name.
  public static func isEscape(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value >= escapeBase && scalar.value <= escapeBase + 0xFF
  }

  /// The raw byte an escape scalar stands for.
  public static func rawByte(_ scalar: Unicode.Scalar) -> UInt8? {
    isEscape(scalar) ? UInt8(scalar.value - escapeBase) : nil
  }

  private static func escape(_ byte: UInt8) -> Unicode.Scalar {
    Unicode.Scalar(escapeBase + UInt32(byte)) ?? "?"
  }

  /// The length of the valid UTF-8 sequence at the start of `bytes`, or 0.
  private static func validSequenceLength(_ bytes: some Collection<UInt8>) -> Int {
    guard let lead = bytes.first else { return 0 }
    let length =
      switch lead {
      case 0x00...0x7F: 1
      case 0xC2...0xDF: 2
      case 0xE0...0xEF: 3
      case 0xF0...0xF4: 4
      default: 0
      }
    guard length > 0, bytes.count >= length else { return 0 }
    return String(validating: bytes.prefix(length), as: UTF8.self) == nil ? 0 : length
  }
}
