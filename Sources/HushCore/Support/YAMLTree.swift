import CYAML

/// YAML parsed by libyaml into the values `JSONTree` gives for JSON (`[String: Any]`, `[Any]`,
/// `String`, `Int`, `Double`, `Bool`, `JSONTree.null`), so agent configs in YAML are read as
/// the YAML they are. Plain scalars are typed as YAML 1.1 reads them (`yes`, `~`, `0x1F`), so
/// a number is never taken for a literal secret; quoted ones stay strings. Aliases give their
/// anchor's value; mapping keys are their text. Only the first document is read.
public enum YAMLTree {
  /// Nesting deeper than this is refused: a hostile file must not exhaust the stack of
  /// whoever walks the tree.
  static let maxDepth = 512

  /// The first document of `bytes`, or nil when libyaml reports an error or there is none.
  public static func parse(_ bytes: some Collection<UInt8>) -> Any? {
    let input = Array(bytes)
    guard !input.isEmpty else { return nil }
    var parser = yaml_parser_t()
    guard yaml_parser_initialize(&parser) == 1 else { return nil }
    defer { yaml_parser_delete(&parser) }
    return input.withUnsafeBufferPointer { buffer -> Any? in
      guard let base = buffer.baseAddress else { return nil }
      yaml_parser_set_input_string(&parser, base, buffer.count)
      var builder = Builder()
      while !builder.done {
        var event = yaml_event_t()
        guard yaml_parser_parse(&parser, &event) == 1 else { return nil }
        defer { yaml_event_delete(&event) }
        guard builder.take(event) else { return nil }
      }
      return builder.result
    }
  }

  /// Assembles the tree from libyaml's events: a stack of open mappings and sequences.
  private struct Builder {
    enum Frame {
      case mapping([String: Any], key: String?, anchor: String?)
      case sequence([Any], anchor: String?)
    }

    var stack: [Frame] = []
    var anchors: [String: Any] = [:]
    var result: Any?
    /// The first document's value is complete, or the document or stream ended without one.
    var done = false

    /// Takes one event; false when the document cannot be built (too deep, an unknown alias).
    mutating func take(_ event: yaml_event_t) -> Bool {
      switch event.type {
      case YAML_MAPPING_START_EVENT:
        guard stack.count < YAMLTree.maxDepth else { return false }
        stack.append(.mapping([:], key: nil, anchor: text(event.data.mapping_start.anchor)))
      case YAML_SEQUENCE_START_EVENT:
        guard stack.count < YAMLTree.maxDepth else { return false }
        stack.append(.sequence([], anchor: text(event.data.sequence_start.anchor)))
      case YAML_MAPPING_END_EVENT, YAML_SEQUENCE_END_EVENT:
        guard let frame = stack.popLast() else { return false }
        switch frame {
        case .mapping(let object, _, let anchor): add(object, anchor: anchor)
        case .sequence(let array, let anchor): add(array, anchor: anchor)
        }
      case YAML_SCALAR_EVENT:
        let scalar = event.data.scalar
        let value = String(decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self)
        let plain = scalar.style == YAML_PLAIN_SCALAR_STYLE && scalar.tag == nil
        add(plain ? YAMLTree.resolve(value) : value, anchor: text(scalar.anchor), key: value)
      case YAML_ALIAS_EVENT:
        guard let name = text(event.data.alias.anchor), let value = anchors[name] else { return false }
        add(value, anchor: nil)
      case YAML_DOCUMENT_END_EVENT, YAML_STREAM_END_EVENT:
        done = true
      default: break
      }
      return true
    }

    /// Puts a finished value into the open container (as a key, when a mapping awaits one),
    /// or makes it the document's value.
    private mutating func add(_ value: Any, anchor: String?, key: String? = nil) {
      if let anchor { anchors[anchor] = value }
      guard let top = stack.popLast() else {
        result = value
        done = true
        return
      }
      switch top {
      case .mapping(var object, let pending, let mappingAnchor):
        if let pending {
          object[pending] = value
          stack.append(.mapping(object, key: nil, anchor: mappingAnchor))
        } else {
          stack.append(.mapping(object, key: key ?? String(describing: value), anchor: mappingAnchor))
        }
      case .sequence(var array, let sequenceAnchor):
        array.append(value)
        stack.append(.sequence(array, anchor: sequenceAnchor))
      }
    }

    private func text(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
      pointer.map { String(cString: $0) }
    }
  }

  /// A plain scalar's value as YAML 1.1 reads it: null, a boolean, an integer, a float, or
  /// the string itself.
  static func resolve(_ text: String) -> Any {
    switch text {
    case "", "~", "null", "Null", "NULL": return JSONTree.null
    case "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON": return true
    case "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF": return false
    default: break
    }
    guard let first = text.utf8.first,
      first == UInt8(ascii: "-") || first == UInt8(ascii: "+")
        || first == UInt8(ascii: ".") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first)
    else { return text }
    return integer(text) ?? float(text) ?? text
  }

  private static func integer(_ text: String) -> Int? {
    var digits = Substring(text.replacing("_", with: ""))
    let negative = digits.hasPrefix("-")
    if negative || digits.hasPrefix("+") { digits = digits.dropFirst() }
    var radix = 10
    for (prefix, base) in [("0x", 16), ("0o", 8), ("0b", 2)] where digits.hasPrefix(prefix) {
      digits = digits.dropFirst(2)
      radix = base
    }
    if radix == 10, digits.count > 1, digits.hasPrefix("0") {
      digits = digits.dropFirst()
      radix = 8
    }
    guard !digits.isEmpty, let magnitude = Int(digits, radix: radix) else { return nil }
    return negative ? -magnitude : magnitude
  }

  private static func float(_ text: String) -> Double? {
    switch text.lowercased() {
    case ".inf", "+.inf": return .infinity
    case "-.inf": return -.infinity
    case ".nan": return .nan
    default: break
    }
    let digits = text.replacing("_", with: "")
    guard digits.allSatisfy({ "0123456789.eE+-".contains($0) }), digits.contains(where: \.isNumber) else { return nil }
    return Double(digits)
  }
}
