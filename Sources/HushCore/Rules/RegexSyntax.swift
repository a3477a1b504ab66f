/// A rule's regex as the keyword-coverage analysis sees it: what bytes a match can hold, with
/// ASCII case folded (the prefilter folds it too) and every zero-width construct (anchors,
/// `\b`, lookarounds) reduced to the empty string.
indirect enum RegexNode: Equatable {
  /// Matches the empty string.
  case empty
  /// One byte of the set (lower-cased).
  case byte(Set<UInt8>)
  /// Any string at all: a back-reference, whose text the analysis cannot know.
  case anything
  /// Each part in turn.
  case sequence([RegexNode])
  /// One of the branches; `offset` is where the group opens in the pattern, `source` each
  /// branch's text, for messages.
  case alternation([RegexNode], offset: Int, source: [String])
  /// `node` `min` to `max` times (nil: unbounded).
  case repetition(RegexNode, min: Int, max: Int?)
}

/// Why the analysis cannot read a regex: an unsupported construct or broken syntax, at a byte
/// offset of the pattern.
struct RegexSyntaxError: Error, Equatable, CustomStringConvertible {
  let offset: Int
  let construct: String
  var description: String { "cannot analyse \(construct) at offset \(offset)" }
}

/// Parses the PCRE2 subset the catalog and users' rules use (bytes, not UTF): literals and
/// escapes, classes (with POSIX names), `.`, anchors, groups of every kind (capturing, named,
/// `(?:`, `(?|`, atomic, lookarounds, inline flags, comments), alternation and quantifiers
/// (greedy, lazy, possessive, `{m,n}`). `(?x)` whitespace and comments are skipped. Conditionals,
/// recursion, callouts and verbs are refused: the analysis would have to guess.
struct RegexParser {
  private let bytes: [UInt8]
  private var position = 0
  private var extended = false

  /// The tree of `pattern`, or the first construct that cannot be analysed.
  static func parse(_ pattern: String) throws(RegexSyntaxError) -> RegexNode {
    var parser = RegexParser(bytes: Array(pattern.utf8))
    let node = try parser.alternation(openedAt: 0)
    guard parser.position == parser.bytes.count else {
      throw RegexSyntaxError(offset: parser.position, construct: "an unmatched ')'")
    }
    return node
  }

  private init(bytes: [UInt8]) { self.bytes = bytes }

  private var current: UInt8? { position < bytes.count ? bytes[position] : nil }

  private func peek(_ text: String) -> Bool {
    let expected = Array(text.utf8)
    return bytes.count - position >= expected.count && Array(bytes[position..<position + expected.count]) == expected
  }

  /// Branches up to a `)` or the end; inline flags set in a group end with it.
  private mutating func alternation(openedAt offset: Int) throws(RegexSyntaxError) -> RegexNode {
    let savedExtended = extended
    defer { extended = savedExtended }
    var branches: [RegexNode] = []
    var sources: [String] = []
    var start = position
    while true {
      branches.append(try sequence())
      sources.append(String(decoding: bytes[start..<position], as: UTF8.self))
      guard current == UInt8(ascii: "|") else { break }
      position += 1
      start = position
    }
    return branches.count == 1 ? branches[0] : .alternation(branches, offset: offset, source: sources)
  }

  private mutating func sequence() throws(RegexSyntaxError) -> RegexNode {
    var parts: [RegexNode] = []
    while let byte = current, byte != UInt8(ascii: "|"), byte != UInt8(ascii: ")") {
      if skipExtendedSpace() { continue }
      guard let atom = try atom() else { continue }
      parts.append(quantified(atom))
    }
    return parts.count == 1 ? parts[0] : .sequence(parts)
  }

  /// In `(?x)` mode, whitespace and `#` comments outside classes are not part of the pattern.
  private mutating func skipExtendedSpace() -> Bool {
    guard extended, let byte = current else { return false }
    if Self.isSpace(byte) {
      position += 1
      return true
    }
    guard byte == UInt8(ascii: "#") else { return false }
    while let next = current, next != 0x0A { position += 1 }
    return true
  }

  private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }

  /// One atom, or nil for something that matches nothing in itself (inline flags).
  private mutating func atom() throws(RegexSyntaxError) -> RegexNode? {
    guard let byte = current else { return nil }
    let start = position
    position += 1
    switch byte {
    case UInt8(ascii: "("): return try group(openedAt: start)
    case UInt8(ascii: "["): return .byte(try ByteClassParser.parse(bytes, at: &position))
    case UInt8(ascii: "."): return .byte(ByteClass.all.subtracting([0x0A]))
    case UInt8(ascii: "^"), UInt8(ascii: "$"): return .empty
    case UInt8(ascii: "\\"): return try escape(at: start)
    case UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "?"):
      throw RegexSyntaxError(offset: start, construct: "a quantifier with nothing to repeat")
    default: return .byte(ByteClass.folded([byte]))
    }
  }

  private mutating func escape(at start: Int) throws(RegexSyntaxError) -> RegexNode {
    guard let byte = current else { throw RegexSyntaxError(offset: start, construct: "a '\\' at the end") }
    if byte == UInt8(ascii: "Q") {
      position += 1
      return quoted()
    }
    switch try ByteClassParser.escape(bytes, at: &position, inClass: false) {
    case .set(let set): return .byte(ByteClass.folded(set))
    case .zeroWidth: return .empty
    case .backReference: return .anything
    }
  }

  /// `\Q…\E`: every byte literal.
  private mutating func quoted() -> RegexNode {
    var parts: [RegexNode] = []
    while position < bytes.count && !peek("\\E") {
      parts.append(.byte(ByteClass.folded([bytes[position]])))
      position += 1
    }
    if peek("\\E") { position += 2 }
    return .sequence(parts)
  }

  /// After `(`: every kind of group. Returns nil for a bare `(?flags)`.
  private mutating func group(openedAt start: Int) throws(RegexSyntaxError) -> RegexNode? {
    guard current == UInt8(ascii: "?") || current == UInt8(ascii: "*") else {
      return try body(openedAt: start)
    }
    if current == UInt8(ascii: "*") {
      throw RegexSyntaxError(offset: start, construct: "a backtracking verb or option '(*'")
    }
    position += 1
    if let lookaround = ["=", "!", "<=", "<!"].first(where: peek) {
      position += lookaround.utf8.count
      _ = try body(openedAt: start)
      return .empty
    }
    if peek("#") {
      while let byte = current, byte != UInt8(ascii: ")") { position += 1 }
      return try close(openedAt: start, then: nil)
    }
    for opener in [":", "|", ">", "P<", "<", "'"] where peek(opener) {
      position += opener.utf8.count
      if opener.count > 1 || opener == "<" || opener == "'" { try skipName(openedAt: start) }
      return try body(openedAt: start)
    }
    return try flags(openedAt: start)
  }

  /// A group name up to its closing `>` or `'`.
  private mutating func skipName(openedAt start: Int) throws(RegexSyntaxError) {
    while let byte = current, byte == UInt8(ascii: "_") || Self.isWordByte(byte) { position += 1 }
    guard current == UInt8(ascii: ">") || current == UInt8(ascii: "'") else {
      throw RegexSyntaxError(offset: start, construct: "a group name")
    }
    position += 1
  }

  private static func isWordByte(_ byte: UInt8) -> Bool {
    ByteClass.word.contains(byte)
  }

  /// `(?imsx-imsx)` or `(?imsx-imsx:…)`; only `x` changes how the rest is read.
  private mutating func flags(openedAt start: Int) throws(RegexSyntaxError) -> RegexNode? {
    var setting = true
    var extendedHere = extended
    while let byte = current, byte != UInt8(ascii: ")"), byte != UInt8(ascii: ":") {
      switch byte {
      case UInt8(ascii: "-"): setting = false
      case UInt8(ascii: "x"): extendedHere = setting
      case UInt8(ascii: "i"), UInt8(ascii: "m"), UInt8(ascii: "s"), UInt8(ascii: "n"), UInt8(ascii: "U"),
        UInt8(ascii: "J"):
        break
      default:
        throw RegexSyntaxError(
          offset: start, construct: "the group '(?\(String(decoding: [byte], as: UTF8.self))'")
      }
      position += 1
    }
    guard let end = current else { throw RegexSyntaxError(offset: start, construct: "an unclosed '('") }
    position += 1
    if end == UInt8(ascii: ")") {
      extended = extendedHere  // to the end of the enclosing group
      return nil
    }
    let saved = extended
    extended = extendedHere
    defer { extended = saved }
    return try body(openedAt: start)
  }

  /// A group's branches and its `)`.
  private mutating func body(openedAt start: Int) throws(RegexSyntaxError) -> RegexNode {
    let node = try alternation(openedAt: start)
    return try close(openedAt: start, then: node)
  }

  private mutating func close(openedAt start: Int, then node: RegexNode?) throws(RegexSyntaxError) -> RegexNode {
    guard current == UInt8(ascii: ")") else { throw RegexSyntaxError(offset: start, construct: "an unclosed '('") }
    position += 1
    return node ?? .empty
  }

  /// `atom` followed by any quantifiers (each with its lazy `?` or possessive `+`).
  private mutating func quantified(_ atom: RegexNode) -> RegexNode {
    var node = atom
    while true {
      while skipExtendedSpace() {}
      guard let byte = current else { return node }
      let bounds: (Int, Int?)
      switch byte {
      case UInt8(ascii: "*"): bounds = (0, nil)
      case UInt8(ascii: "+"): bounds = (1, nil)
      case UInt8(ascii: "?"): bounds = (0, 1)
      case UInt8(ascii: "{"):
        guard let counted = countedBounds() else { return node }
        bounds = counted
      default: return node
      }
      if byte != UInt8(ascii: "{") { position += 1 }
      if current == UInt8(ascii: "?") || current == UInt8(ascii: "+") { position += 1 }
      node = .repetition(node, min: bounds.0, max: bounds.1)
    }
  }

  /// `{n}`, `{n,}`, `{n,m}` or `{,m}` at the current position, consumed; nil (and nothing
  /// consumed) when the brace is a literal.
  private mutating func countedBounds() -> (Int, Int?)? {
    var index = position + 1
    func number() -> Int? {
      var value: Int?
      while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) {
        value = (value ?? 0) * 10 + Int(bytes[index] - UInt8(ascii: "0"))
        index += 1
      }
      return value
    }
    let low = number()
    var high = low
    var isRange = false
    if index < bytes.count && bytes[index] == UInt8(ascii: ",") {
      index += 1
      isRange = true
      high = number()
    }
    guard index < bytes.count, bytes[index] == UInt8(ascii: "}"), low != nil || (isRange && high != nil) else {
      return nil
    }
    position = index + 1
    return (low ?? 0, isRange ? high : low)
  }
}
