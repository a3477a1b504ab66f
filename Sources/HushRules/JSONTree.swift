/// JSON parsed into plain Swift values, as Foundation's `JSONSerialization` gives them, without
/// full Foundation: importing it links ICU's 34 MB of data into the static binary.
/// Objects are `[String: Any]`, arrays `[Any]`, strings `String`, whole numbers `Int`, other
/// numbers `Double`, `true`/`false` `Bool`, and `null` the value `JSONTree.null`.
public enum JSONTree {
  /// What a JSON `null` parses to.
  public struct Null: Sendable, Equatable {}

  /// The one `null` value.
  public static let null = Null()

  /// Nesting deeper than this is refused: a hostile file must not exhaust the stack.
  static let maxDepth = 512

  /// The value of `bytes` (any JSON value at the top level, with surrounding whitespace), or
  /// nil when it is not exactly one JSON value.
  public static func parse(_ bytes: some Collection<UInt8>) -> Any? {
    var reader = Reader(bytes: Array(bytes))
    guard let value = reader.value(depth: 0) else { return nil }
    reader.skipWhitespace()
    return reader.index == reader.bytes.count ? value : nil
  }

  /// The object `bytes` holds, or nil when it is not a JSON object.
  public static func object(_ bytes: some Collection<UInt8>) -> [String: Any]? {
    parse(bytes) as? [String: Any]
  }

  private struct Reader {
    let bytes: [UInt8]
    var index = 0

    mutating func skipWhitespace() {
      while index < bytes.count, [32, 9, 10, 13].contains(bytes[index]) { index += 1 }
    }

    mutating func value(depth: Int) -> Any? {
      skipWhitespace()
      guard index < bytes.count, depth < JSONTree.maxDepth else { return nil }
      switch bytes[index] {
      case UInt8(ascii: "{"): return object(depth: depth + 1)
      case UInt8(ascii: "["): return array(depth: depth + 1)
      case UInt8(ascii: "\""): return string()
      case UInt8(ascii: "t"): return literal("true", true)
      case UInt8(ascii: "f"): return literal("false", false)
      case UInt8(ascii: "n"): return literal("null", JSONTree.null)
      default: return number()
      }
    }

    private mutating func literal(_ word: String, _ value: Any) -> Any? {
      let text = Array(word.utf8)
      guard bytes.count - index >= text.count, Array(bytes[index..<(index + text.count)]) == text else { return nil }
      index += text.count
      return value
    }

    private mutating func object(depth: Int) -> Any? {
      index += 1
      var result: [String: Any] = [:]
      skipWhitespace()
      if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
        index += 1
        return result
      }
      while true {
        skipWhitespace()
        guard index < bytes.count, bytes[index] == UInt8(ascii: "\""), let key = string() else { return nil }
        skipWhitespace()
        guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return nil }
        index += 1
        guard let value = value(depth: depth) else { return nil }
        result[key] = value
        guard let closed = separator(closing: UInt8(ascii: "}")) else { return nil }
        if closed { return result }
      }
    }

    private mutating func array(depth: Int) -> Any? {
      index += 1
      var result: [Any] = []
      skipWhitespace()
      if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
        index += 1
        return result
      }
      while true {
        guard let element = value(depth: depth) else { return nil }
        result.append(element)
        guard let closed = separator(closing: UInt8(ascii: "]")) else { return nil }
        if closed { return result }
      }
    }

    /// After a member: true at the closing bracket, false at a comma, nil at anything else.
    private mutating func separator(closing: UInt8) -> Bool? {
      skipWhitespace()
      guard index < bytes.count else { return nil }
      let byte = bytes[index]
      index += 1
      if byte == closing { return true }
      return byte == UInt8(ascii: ",") ? false : nil
    }

    private mutating func string() -> String? {
      index += 1
      var scalars = String.UnicodeScalarView()
      var run = index
      while index < bytes.count {
        let byte = bytes[index]
        if byte == UInt8(ascii: "\"") {
          scalars.append(contentsOf: String(decoding: bytes[run..<index], as: UTF8.self).unicodeScalars)
          index += 1
          return String(scalars)
        }
        if byte < 0x20 { return nil }
        if byte == UInt8(ascii: "\\") {
          scalars.append(contentsOf: String(decoding: bytes[run..<index], as: UTF8.self).unicodeScalars)
          guard let scalar = escape() else { return nil }
          scalars.append(scalar)
          run = index
          continue
        }
        index += 1
      }
      return nil
    }

    /// The character of the escape at `index` (a backslash), moving past it.
    private mutating func escape() -> Unicode.Scalar? {
      guard index + 1 < bytes.count else { return nil }
      let code = bytes[index + 1]
      index += 2
      switch code {
      case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): return Unicode.Scalar(code)
      case UInt8(ascii: "b"): return "\u{8}"
      case UInt8(ascii: "f"): return "\u{C}"
      case UInt8(ascii: "n"): return "\n"
      case UInt8(ascii: "r"): return "\r"
      case UInt8(ascii: "t"): return "\t"
      case UInt8(ascii: "u"): return unicodeEscape()
      default: return nil
      }
    }

    /// `\uXXXX`, with a following low surrogate when this is a high one; a lone surrogate
    /// becomes U+FFFD.
    private mutating func unicodeEscape() -> Unicode.Scalar? {
      guard let unit = hex4() else { return nil }
      if (0xD800..<0xDC00).contains(unit), bytes.count - index >= 6, bytes[index] == UInt8(ascii: "\\"),
        bytes[index + 1] == UInt8(ascii: "u")
      {
        let saved = index
        index += 2
        if let low = hex4(), (0xDC00..<0xE000).contains(low) {
          return Unicode.Scalar(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00))
        }
        index = saved
      }
      return Unicode.Scalar(unit) ?? "\u{FFFD}"
    }

    private mutating func hex4() -> UInt32? {
      guard bytes.count - index >= 4 else { return nil }
      var value: UInt32 = 0
      for byte in bytes[index..<(index + 4)] {
        guard let digit = hexDigit(byte) else { return nil }
        value = value << 4 | digit
      }
      index += 4
      return value
    }

    private func hexDigit(_ byte: UInt8) -> UInt32? {
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - UInt8(ascii: "0"))
      case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(byte - UInt8(ascii: "a") + 10)
      case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(byte - UInt8(ascii: "A") + 10)
      default: return nil
      }
    }

    /// A number as JSON writes it: `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`.
    private mutating func number() -> Any? {
      let start = index
      if index < bytes.count, bytes[index] == UInt8(ascii: "-") { index += 1 }
      let integerStart = index
      guard digits() > 0 else { return nil }
      // No leading zeros: `0` alone, or a digit 1-9 first.
      if bytes[integerStart] == UInt8(ascii: "0") && index - integerStart > 1 { return nil }
      var isWhole = true
      if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
        index += 1
        isWhole = false
        guard digits() > 0 else { return nil }
      }
      if index < bytes.count, bytes[index] | 0x20 == UInt8(ascii: "e") {
        index += 1
        isWhole = false
        if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
        guard digits() > 0 else { return nil }
      }
      let text = String(decoding: bytes[start..<index], as: UTF8.self)
      if isWhole, let whole = Int(text) { return whole }
      return Double(text)
    }

    private mutating func digits() -> Int {
      let start = index
      while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) { index += 1 }
      return index - start
    }
  }
}
