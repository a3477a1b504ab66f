/// The JSON of a model file: enough of RFC 8259 for what `train.py` writes (objects, arrays,
/// numbers, strings without escapes beyond the simple ones), parsed without Foundation so the
/// model loads in a millisecond.
enum MiniJSON: Equatable {
  case object([String: MiniJSON])
  case array([MiniJSON])
  case number(Double)
  case string(String)
  case other
  /// The bytes of an object member `parse(_:skipping:)` was told to leave unparsed.
  case skipped(Range<Int>)

  /// The value of `bytes`; a member named `skipping`, an array or object, is only delimited.
  static func parse(_ bytes: [UInt8], skipping: String? = nil) throws(ModelError) -> MiniJSON {
    var parser = Parser(bytes: bytes, skipping: skipping)
    let value = try parser.value()
    parser.skipSpace()
    guard parser.offset == bytes.count else { throw .syntax(offset: parser.offset) }
    return value
  }

  struct Parser {
    let bytes: [UInt8]
    var offset = 0
    var skipping: String?

    init(bytes: [UInt8], offset: Int = 0, skipping: String? = nil) {
      self.bytes = bytes
      self.offset = offset
      self.skipping = skipping
    }

    func peek() -> UInt8? { offset < bytes.count ? bytes[offset] : nil }

    mutating func skipSpace() {
      while offset < bytes.count {
        switch bytes[offset] {
        case 0x20, 0x0A, 0x0D, 0x09: offset += 1
        default: return
        }
      }
    }

    mutating func value() throws(ModelError) -> MiniJSON {
      skipSpace()
      guard offset < bytes.count else { throw .syntax(offset: offset) }
      switch bytes[offset] {
      case UInt8(ascii: "{"): return try object()
      case UInt8(ascii: "["): return try array()
      case UInt8(ascii: "\""): return .string(try string())
      case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
      default: return try literal()
      }
    }

    mutating func object() throws(ModelError) -> MiniJSON {
      offset += 1
      var members: [String: MiniJSON] = [:]
      skipSpace()
      if offset < bytes.count && bytes[offset] == UInt8(ascii: "}") {
        offset += 1
        return .object(members)
      }
      while true {
        skipSpace()
        let key = try string()
        try expect(":")
        skipSpace()
        if key == skipping, peek() == UInt8(ascii: "[") || peek() == UInt8(ascii: "{") {
          let start = offset
          try skipContainer()
          members[key] = .skipped(start..<offset)
        } else {
          members[key] = try value()
        }
        skipSpace()
        if try separator(closing: "}") { return .object(members) }
      }
    }

    mutating func array() throws(ModelError) -> MiniJSON {
      offset += 1
      var elements: [MiniJSON] = []
      skipSpace()
      if offset < bytes.count && bytes[offset] == UInt8(ascii: "]") {
        offset += 1
        return .array(elements)
      }
      while true {
        elements.append(try value())
        skipSpace()
        if try separator(closing: "]") { return .array(elements) }
      }
    }

    /// Past the array or object at `offset`, its strings included, without building it.
    mutating func skipContainer() throws(ModelError) {
      var depth = 0
      repeat {
        guard let byte = peek() else { throw .syntax(offset: offset) }
        switch byte {
        case UInt8(ascii: "\""):
          _ = try string()
          continue
        case UInt8(ascii: "["), UInt8(ascii: "{"): depth += 1
        case UInt8(ascii: "]"), UInt8(ascii: "}"): depth -= 1
        default: break
        }
        offset += 1
      } while depth > 0
    }

    /// Consumes `,` (false) or the closing bracket (true).
    mutating func separator(closing: Unicode.Scalar) throws(ModelError) -> Bool {
      guard offset < bytes.count else { throw .syntax(offset: offset) }
      let byte = bytes[offset]
      offset += 1
      if byte == UInt8(ascii: ",") { return false }
      if byte == UInt8(ascii: closing) { return true }
      throw .syntax(offset: offset - 1)
    }

    mutating func expect(_ scalar: Unicode.Scalar) throws(ModelError) {
      skipSpace()
      guard offset < bytes.count, bytes[offset] == UInt8(ascii: scalar) else { throw .syntax(offset: offset) }
      offset += 1
    }

    mutating func string() throws(ModelError) -> String {
      guard offset < bytes.count, bytes[offset] == UInt8(ascii: "\"") else { throw .syntax(offset: offset) }
      offset += 1
      var text: [UInt8] = []
      while offset < bytes.count, bytes[offset] != UInt8(ascii: "\"") {
        if bytes[offset] == UInt8(ascii: "\\") {
          offset += 1
          guard offset < bytes.count, [0x22, 0x5C, 0x2F].contains(bytes[offset]) else { throw .syntax(offset: offset) }
        }
        text.append(bytes[offset])
        offset += 1
      }
      guard offset < bytes.count else { throw .syntax(offset: offset) }
      offset += 1
      return String(decoding: text, as: UTF8.self)
    }

    /// A number, read by `strtod` from a copy on the stack: a `String` and an array per number
    /// made loading the model's 36,000 numbers a tenth of a scan's time.
    mutating func number() throws(ModelError) -> MiniJSON { .number(try double()) }

    /// The number at `offset` (after spaces).
    mutating func double() throws(ModelError) -> Double {
      skipSpace()
      let start = offset
      while offset < bytes.count, Self.isNumberByte(bytes[offset]) { offset += 1 }
      let count = offset - start
      let number: Double? = withUnsafeTemporaryAllocation(of: CChar.self, capacity: 64) { text in
        guard count < text.count, let base = text.baseAddress else { return nil }
        for index in 0..<count { text[index] = CChar(bitPattern: bytes[start + index]) }
        text[count] = 0
        var end: UnsafeMutablePointer<CChar>?
        let value = strtod(base, &end)
        return count > 0 && end == base + count ? value : nil
      }
      guard let number else { throw .syntax(offset: start) }
      return number
    }

    static func isNumberByte(_ byte: UInt8) -> Bool {
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."),
        UInt8(ascii: "e"), UInt8(ascii: "E"):
        true
      default: false
      }
    }

    mutating func literal() throws(ModelError) -> MiniJSON {
      for word in ["true", "false", "null"] where bytes[offset...].starts(with: word.utf8) {
        offset += word.utf8.count
        return .other
      }
      throw .syntax(offset: offset)
    }
  }
}
