/// Substring search on bytes. Needles are short (markers, keywords, stopwords) and so are most
/// haystacks, where a naive loop beats anything that needs a table.
public enum ByteSearch {
  /// Whether `needle` occurs in `haystack` (short needles, short haystacks: naive is fastest).
  static func contains<C: RandomAccessCollection<UInt8>>(_ haystack: C, _ needle: [UInt8]) -> Bool
  where C.Index == Int {
    guard let first = needle.first, needle.count <= haystack.count else { return false }
    var start = haystack.startIndex
    let last = haystack.endIndex - needle.count
    while start <= last {
      if haystack[start] == first && haystack[start..<start + needle.count].elementsEqual(needle) {
        return true
      }
      start += 1
    }
    return false
  }

  /// A byte of a key's name as code and config write one: ASCII letters and digits, `_`, `-`
  /// and `.` (`db.password`, `api-key`). The detector reads a generic match's name with it,
  /// and the scorer its candidate's.
  static func isNameByte(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
      UInt8(ascii: "0")...UInt8(ascii: "9"),
      UInt8(ascii: "_"), UInt8(ascii: "-"), UInt8(ascii: "."):
      true
    default: false
    }
  }

  /// The first offset of `needle` in `bytes[from..<to]` (short needles: naive is fastest).
  public static func firstOffset(
    of needle: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, from: Int = 0, to end: Int? = nil
  ) -> Int? {
    let end = end ?? bytes.count
    guard let first = needle.first, end - from >= needle.count else { return nil }
    return (from...(end - needle.count)).first {
      bytes[$0] == first && bytes[$0..<($0 + needle.count)].elementsEqual(needle)
    }
  }
}
