/// A minimal JSON writer with keys in the order given (the report's documented order).
enum JSONWriter {
  static func quoted(_ string: String) -> String { literal(string, forDisplay: true) }

  /// A JSON string literal of `string` as it is (no file-name byte escapes, unlike `quoted`).
  static func quotedPlain(_ string: String) -> String { literal(string, forDisplay: false) }

  /// A JSON string literal. `forDisplay` (reports) also escapes what a terminal or a viewer
  /// would act on (DEL, the line and paragraph separators) and shows a file name's raw bytes
  /// as `\xE9`; without it (files Hush writes for other programs) only what JSON requires.
  private static func literal(_ string: String, forDisplay: Bool) -> String {
    var out = "\""
    for scalar in string.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case _
      where scalar.value < 0x20
        || (forDisplay && (scalar.value == 0x7F || scalar == "\u{2028}" || scalar == "\u{2029}")):
        let hex = String(scalar.value, radix: 16)
        out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      case _ where forDisplay && PathBytes.isEscape(scalar):
        // A byte of a file name that is not UTF-8: shown as `\xE9`, as Printable shows it.
        out += "\\\\x" + Printable.hex(scalar.value & 0xFF)
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out + "\""
  }

  /// An object from ordered (key, already-encoded value) pairs.
  static func object(_ members: [(String, String)], indent: String = "") -> String {
    guard !members.isEmpty else { return "{}" }
    let inner = indent + "  "
    let body = members.map { "\(inner)\(quoted($0.0)): \($0.1)" }.joined(separator: ",\n")
    return "{\n\(body)\n\(indent)}"
  }

  /// An object on one line (values must be one-line already).
  static func compact(_ members: [(String, String)]) -> String {
    "{" + members.map { "\(quoted($0.0)): \($0.1)" }.joined(separator: ", ") + "}"
  }

  static func array(_ elements: [String], indent: String = "") -> String {
    guard !elements.isEmpty else { return "[]" }
    let inner = indent + "  "
    return "[\n" + elements.map { inner + $0 }.joined(separator: ",\n") + "\n\(indent)]"
  }

  static func number(_ value: Double, decimals: Int = 2) -> String {
    var scale = 1.0
    for _ in 0..<decimals { scale *= 10 }
    let rounded = (value * scale).rounded() / scale
    return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
  }
}

extension JSONWriter {
  /// A tree of `JSONTree` values (`[String: Any]`, `[Any]`, `String`, `Int`, `Double`, `Bool`,
  /// `JSONTree.null`) as JSON, keys sorted; `pretty` puts each member on a line of its own.
  /// What cannot be JSON (any other type) is written as `null`.
  static func serialize(_ value: Any, pretty: Bool = false, indent: String = "") -> String {
    let inner = indent + "  "
    let open = pretty ? "\n" + inner : ""
    let separator = pretty ? ",\n" + inner : ","
    let close = pretty ? "\n" + indent : ""
    let colon = pretty ? ": " : ":"
    switch value {
    case let text as String: return quotedPlain(text)
    case let flag as Bool: return flag ? "true" : "false"
    case let number as Int: return String(number)
    case let number as Double:
      return number.isFinite
        ? (number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : "\(number)") : "null"
    case let object as [String: Any]:
      guard !object.isEmpty else { return "{}" }
      let members = object.keys.sorted().map { key in
        quotedPlain(key) + colon + serialize(object[key] as Any, pretty: pretty, indent: inner)
      }
      return "{" + open + members.joined(separator: separator) + close + "}"
    case let array as [Any]:
      guard !array.isEmpty else { return "[]" }
      let elements = array.map { serialize($0, pretty: pretty, indent: inner) }
      return "[" + open + elements.joined(separator: separator) + close + "]"
    default: return "null"
    }
  }
}
