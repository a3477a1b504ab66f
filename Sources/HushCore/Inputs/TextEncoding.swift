/// Text in UTF-16 or UTF-32, which editors on Windows write (PowerShell's `>`, .NET config
/// files): full of NUL bytes, so it would be skipped as binary. With a byte order mark it is
/// text for certain, and is scanned as UTF-8 with the same lines.
public enum TextEncoding {
  /// `bytes` as UTF-8 when they start with a UTF-16 or UTF-32 byte order mark; nil otherwise.
  /// Invalid code units become U+FFFD.
  public static func utf8(fromMarked bytes: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
    let prefix = Array(bytes.prefix(4))
    if prefix.starts(with: [0xFF, 0xFE, 0, 0]) { return utf32(bytes.dropFirst(4), bigEndian: false) }
    if prefix.starts(with: [0, 0, 0xFE, 0xFF]) { return utf32(bytes.dropFirst(4), bigEndian: true) }
    if prefix.starts(with: [0xFF, 0xFE]) { return utf16(bytes.dropFirst(2), bigEndian: false) }
    if prefix.starts(with: [0xFE, 0xFF]) { return utf16(bytes.dropFirst(2), bigEndian: true) }
    return nil
  }

  private static func utf16(_ bytes: Slice<UnsafeBufferPointer<UInt8>>, bigEndian: Bool) -> [UInt8] {
    var units: [UInt16] = []
    units.reserveCapacity(bytes.count / 2)
    var index = bytes.startIndex
    while index + 1 < bytes.endIndex {
      let (high, low) = bigEndian ? (bytes[index], bytes[index + 1]) : (bytes[index + 1], bytes[index])
      units.append(UInt16(high) << 8 | UInt16(low))
      index += 2
    }
    return Array(String(decoding: units, as: UTF16.self).utf8)
  }

  private static func utf32(_ bytes: Slice<UnsafeBufferPointer<UInt8>>, bigEndian: Bool) -> [UInt8] {
    var out = String.UnicodeScalarView()
    var index = bytes.startIndex
    while index + 3 < bytes.endIndex {
      let quad = (0..<4).map { UInt32(bytes[index + $0]) }
      let value =
        bigEndian
        ? quad[0] << 24 | quad[1] << 16 | quad[2] << 8 | quad[3]
        : quad[3] << 24 | quad[2] << 16 | quad[1] << 8 | quad[0]
      out.append(Unicode.Scalar(value) ?? "\u{FFFD}")
      index += 4
    }
    return Array(String(out).utf8)
  }
}
