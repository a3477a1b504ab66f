import TOMLKit

/// A TOML syntax error: where it is and what is wrong.
public struct TOMLSyntaxError: Error, Equatable, Sendable {
  /// What is wrong, in the parser's words.
  public let message: String
  /// 1-based line of the error.
  public let line: Int
  /// 1-based column of the error.
  public let column: Int
}

/// The one way Hush parses TOML. TOMLKit wraps toml++ 3, whose parser asserts instead of
/// reporting an error on two shapes of malformed input (found by fuzzing it with its
/// assertions turned into exceptions): a `}` where an array expects a value (`k = [}`), and
/// a table header whose key starts with a character no key can start with (`[.a]`, `[=`).
/// In a debug build the assertion aborts Hush; in a release build it becomes an
/// optimiser assumption, which is undefined behaviour. Neither is acceptable for a file that
/// anyone can commit, so those shapes are found here first and reported as syntax errors.
public enum SafeTOML {
  /// Parses `text`, or throws where it is malformed; never aborts.
  public static func parse(_ text: String) throws(TOMLSyntaxError) -> TOMLTable {
    if let error = precheck(text) { throw error }
    do {
      return try TOMLTable(string: text)
    } catch let error as TOMLParseError {
      throw TOMLSyntaxError(
        message: error.description, line: error.source.begin.line, column: error.source.begin.column)
    } catch {
      throw TOMLSyntaxError(message: "\(error)", line: 1, column: 1)
    }
  }

  /// The first input shape that toml++ would assert on, if any.
  public static func precheck(_ text: String) -> TOMLSyntaxError? {
    var scanner = Precheck(bytes: Array(text.utf8))
    return scanner.run()
  }
}

/// A tokenizer that knows just enough TOML (strings, comments, arrays, inline tables, table
/// headers) to tell where an array expects a value and where a table header's key begins.
/// It flags only the two shapes toml++ cannot report, and leaves every other error to it.
private struct Precheck {
  enum Context {
    case array(expectsValue: Bool)
    case inlineTable
  }

  let bytes: [UInt8]
  var index = 0
  var line = 1
  var lineStart = 0
  var stack: [Context] = []

  init(bytes: [UInt8]) { self.bytes = bytes }

  var current: UInt8? { index < bytes.count ? bytes[index] : nil }

  mutating func run() -> TOMLSyntaxError? {
    // toml++ skips a leading byte order mark: so does this, or `\u{FEFF}[.a]` would pass here
    // and assert there (found by `make fuzz`).
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
    var atLineStart = true
    while let byte = current {
      if stack.isEmpty {
        if byte == 0x0A {
          newline()
          atLineStart = true
          continue
        }
        if byte == 0x20 || byte == 0x09 || byte == 0x0D {
          index += 1
          continue
        }
        if atLineStart && byte == UInt8(ascii: "[") {
          if let error = tableHeader() { return error }
          continue
        }
        atLineStart = false
        if let error = topLevel(byte) { return error }
      } else if let error = nested(byte) {
        return error
      }
    }
    return nil
  }

  /// Outside any value: keys, `=`, comments.
  mutating func topLevel(_ byte: UInt8) -> TOMLSyntaxError? {
    switch byte {
    case UInt8(ascii: "#"): skipComment()
    case UInt8(ascii: "\""), UInt8(ascii: "'"): skipString()
    case UInt8(ascii: "="):
      index += 1
      skipBlanks()
      return value()
    default: index += 1
    }
    return nil
  }

  /// Inside an array or an inline table.
  mutating func nested(_ byte: UInt8) -> TOMLSyntaxError? {
    guard case .array(let expectsValue) = stack.last else {
      switch byte {
      case UInt8(ascii: "}"):
        stack.removeLast()
        index += 1
        valueEnded()
      case UInt8(ascii: "="):
        index += 1
        skipBlanks()
        return value()
      case UInt8(ascii: "\""), UInt8(ascii: "'"): skipString()
      case 0x0A: newline()
      default: index += 1
      }
      return nil
    }
    switch byte {
    case 0x20, 0x09, 0x0D: index += 1
    case 0x0A: newline()
    case UInt8(ascii: "#"): skipComment()
    case UInt8(ascii: ","):
      stack[stack.count - 1] = .array(expectsValue: true)
      index += 1
    case UInt8(ascii: "]"):
      stack.removeLast()
      index += 1
      valueEnded()
    case UInt8(ascii: "}") where expectsValue:
      return error("expected a value or ']' in an array, saw '}'")
    default:
      return value()
    }
    return nil
  }

  /// At the first character of a value.
  mutating func value() -> TOMLSyntaxError? {
    guard let byte = current else { return nil }
    switch byte {
    case UInt8(ascii: "["):
      markValue()
      stack.append(.array(expectsValue: true))
      index += 1
    case UInt8(ascii: "{"):
      markValue()
      stack.append(.inlineTable)
      index += 1
    case UInt8(ascii: "\""), UInt8(ascii: "'"):
      markValue()
      skipString()
    default:
      markValue()
      let start = index
      let terminators: Set<UInt8> = [0x20, 0x09, 0x0D, 0x0A, 44, 93, 125, 35]  // , ] } #
      repeat { index += 1 } while current.map { !terminators.contains($0) } ?? false
      if isDateTimeWithoutHour(bytes[start..<index]) {
        return error("a date-time needs a 2-digit hour after its 'T'")
      }
    }
    return nil
  }

  /// `1979-05-27T` followed by anything but a digit: toml++ takes it for a date-time and
  /// asserts that the hour's first digit is there (found by fuzzing).
  func isDateTimeWithoutHour(_ token: ArraySlice<UInt8>) -> Bool {
    let shape = Array(token.prefix(12))
    guard shape.count >= 11 else { return false }
    let isDigit = { (byte: UInt8) in byte >= 0x30 && byte <= 0x39 }
    let dateDigits = [0, 1, 2, 3, 5, 6, 8, 9]
    guard dateDigits.allSatisfy({ isDigit(shape[$0]) }), shape[4] == UInt8(ascii: "-"),
      shape[7] == UInt8(ascii: "-"), shape[10] == UInt8(ascii: "T") || shape[10] == UInt8(ascii: "t")
    else { return false }
    return shape.count == 11 || !isDigit(shape[11])
  }

  /// The enclosing array (if any) has its value: a comma or `]` comes next.
  mutating func markValue() {
    if case .array = stack.last { stack[stack.count - 1] = .array(expectsValue: false) }
  }

  mutating func valueEnded() { markValue() }

  /// `[key]` or `[[key]]` at the start of a line: the key must start like a key.
  mutating func tableHeader() -> TOMLSyntaxError? {
    index += 1
    skipBlanks()
    if current == UInt8(ascii: "[") {
      index += 1
      skipBlanks()
    }
    guard let first = current else { return nil }
    let isKeyStart =
      (first >= 0x30 && first <= 0x39) || (first >= 0x41 && first <= 0x5A) || (first >= 0x61 && first <= 0x7A)
      || first == UInt8(ascii: "_") || first == UInt8(ascii: "-") || first == UInt8(ascii: "\"")
      || first == UInt8(ascii: "'") || first == UInt8(ascii: "]")
    guard isKeyStart else { return error("a table header must start with a key") }
    while let byte = current, byte != 0x0A {
      if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") { skipString() } else { index += 1 }
    }
    return nil
  }

  mutating func skipBlanks() {
    while current == 0x20 || current == 0x09 { index += 1 }
  }

  mutating func skipComment() {
    while let byte = current, byte != 0x0A { index += 1 }
  }

  /// Skips a basic or literal string, one-line or multi-line, starting at its quote.
  mutating func skipString() {
    guard let quote = current else { return }
    let isBasic = quote == UInt8(ascii: "\"")
    let isMultiLine = index + 2 < bytes.count && bytes[index + 1] == quote && bytes[index + 2] == quote
    index += isMultiLine ? 3 : 1
    while let byte = current {
      if isBasic && byte == UInt8(ascii: "\\") {
        index += 1  // the escaped character is skipped below (a line-ending backslash too)
        if current == 0x0A { newline() } else { index += 1 }
        continue
      }
      if byte == 0x0A {
        guard isMultiLine else { return }
        newline()
        continue
      }
      index += 1
      if byte == quote {
        if !isMultiLine { return }
        if index + 1 < bytes.count && bytes[index] == quote && bytes[index + 1] == quote {
          index += 2
          while current == quote { index += 1 }
          return
        }
      }
    }
  }

  mutating func newline() {
    index += 1
    line += 1
    lineStart = index
  }

  func error(_ message: String) -> TOMLSyntaxError {
    TOMLSyntaxError(message: message, line: line, column: index - lineStart + 1)
  }
}
