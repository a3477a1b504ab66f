/// What a candidate rule's regex needs around its keyword, checked on a few bytes before the
/// regex runs on the hit's window (`patterns/candidates.toml`). Each check is a necessary
/// condition of its regex, derived from it: it may admit a hit the regex then rejects, never
/// reject one the regex would match, so the candidates found are the same, only cheaper.
/// Credential words are everywhere in code (`key->ptr`, `dictGetKey(d)`, `token;`), and a JIT
/// regex run per line that holds one was most of a scan's time on C sources.
enum CandidatePrecheck {
  /// `cand-assign`: after the name holding the word, a quote or an assignment operator.
  case assignment
  /// `cand-call`: the word's name is called (`(` after it) and a quote follows on the line.
  case call
  /// `cand-flag`: a `-` or `/` starts the flag's name, and a separator follows it.
  case flag
  /// `cand-xml-element`: an element's `<` or an attribute's `"` opens the name before the word.
  case xmlName
  /// `cand-spaced-config`: the name is the line's first word, and a space follows it.
  case spacedConfig
  /// `cand-symbol-argument`: a `:` starts the symbol, and a `,` follows it.
  case symbolArgument
  /// `cand-uuid`: the hit's dash has four UUID bytes on both sides (every group holds four).
  case uuid

  /// The check of a built-in candidate rule; nil for any other rule (users' rules included).
  init?(rule: Rule) {
    guard rule.isScored else { return nil }
    switch rule.id {
    case "cand-assign": self = .assignment
    case "cand-call": self = .call
    case "cand-flag": self = .flag
    case "cand-xml-element": self = .xmlName
    case "cand-spaced-config": self = .spacedConfig
    case "cand-symbol-argument": self = .symbolArgument
    case "cand-uuid": self = .uuid
    default: return nil
    }
  }

  /// Whether the rule's regex can match with its keyword at `hit`.
  func admits(_ hit: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    switch self {
    case .assignment:
      Self.assignmentFollows(Self.skip(from: hit.upperBound, max: 40, in: bytes, where: Self.isName), in: bytes)
    case .call: Self.callFollows(Self.skip(from: hit.upperBound, max: 40, in: bytes, where: Self.isWord), in: bytes)
    case .flag: Self.flagPrecedes(hit.lowerBound, in: bytes) && Self.flagValueFollows(hit.upperBound, in: bytes)
    case .xmlName: Self.xmlNamePrecedes(hit.lowerBound, in: bytes)
    case .spacedConfig: Self.spacedConfigAt(hit, in: bytes)
    case .symbolArgument: Self.symbolArgumentAt(hit, in: bytes)
    case .uuid: Self.uuidAround(dash: hit.lowerBound + 1, in: bytes)
    }
  }

  /// `(?: quote ]? [ \t]* op | ]? [ \t]* op | [ \t]+ (?=[@"'`]) )` at `offset`, where op is one
  /// of `, := => -> ||= ??= += = != :` (a comma only after a quote, `:` never before another),
  /// or a fallback `||` / `??` before a quote (admitted on its two bytes, as `||=` and `??=` are).
  private static func assignmentFollows(_ offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard offset < bytes.count else { return false }
    switch bytes[offset] {
    case UInt8(ascii: "\\"), UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "`"), UInt8(ascii: "&"): return true
    default: break
    }
    var index = offset
    if bytes[index] == UInt8(ascii: "]") { index += 1 }
    let afterBracket = index
    index = skip(from: index, max: .max, in: bytes, where: isBlank)
    guard index < bytes.count else { return false }
    let next: UInt8 = index + 1 < bytes.count ? bytes[index + 1] : 0
    switch bytes[index] {
    case UInt8(ascii: "="): return true
    case UInt8(ascii: ":"):
      return next != UInt8(ascii: ":") || index + 2 < bytes.count && bytes[index + 2] == UInt8(ascii: "=")
    case UInt8(ascii: "-"): return next == UInt8(ascii: ">")
    case UInt8(ascii: "!"), UInt8(ascii: "+"): return next == UInt8(ascii: "=")
    case UInt8(ascii: "|"): return next == UInt8(ascii: "|")
    case UInt8(ascii: "?"): return next == UInt8(ascii: "?")
    case UInt8(ascii: "@"), UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "`"):
      return afterBracket == offset && index > offset
    default: return false
    }
  }

  /// `[ \t]* \(` at `offset`, then a quote (every value alternative opens with one) on the line.
  private static func callFollows(_ offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    let open = skip(from: offset, max: .max, in: bytes, where: isBlank)
    guard open < bytes.count, bytes[open] == UInt8(ascii: "(") else { return false }
    var index = open + 1
    while index < bytes.count && bytes[index] != 0x0A {
      if isQuote(bytes[index]) { return true }
      index += 1
    }
    return false
  }

  /// `(?<![\w\-]) (?:--?|/) [\w.\-]{0,30}?` before `start`: a `-` or `/` at most 31 bytes back,
  /// only name bytes between.
  private static func flagPrecedes(_ start: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    var index = start
    while index > 0 && start - index <= 31 {
      let byte = bytes[index - 1]
      if byte == UInt8(ascii: "-") || byte == UInt8(ascii: "/") { return true }
      guard isName(byte) else { return false }
      index -= 1
    }
    return false
  }

  /// `[\w.\-]{0,30}+ (?: [ \t]+ | [ \t]*[=:] )` after the keyword.
  private static func flagValueFollows(_ end: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    let index = skip(from: end, max: 30, in: bytes, where: isName)
    guard index < bytes.count else { return false }
    switch bytes[index] {
    case 0x20, 0x09, UInt8(ascii: "="), UInt8(ascii: ":"): return true
    default: return false
    }
  }

  /// `<[\w:.\-]{0,40}` or `"[^"\n]{0,40}` before the keyword: a `<` or `"` at most 41 bytes
  /// back on the line.
  private static func xmlNamePrecedes(_ start: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    var index = start
    while index > 0 && start - index <= 40 {
      let byte = bytes[index - 1]
      if byte == UInt8(ascii: "<") || byte == UInt8(ascii: "\"") { return true }
      if byte == 0x0A { return false }
      index -= 1
    }
    return false
  }

  /// `^[ \t]* [\w.\-]{0,30} KW [\w.\-]{0,30}+ [ \t]+`: only blanks and at most 30 name bytes
  /// between the line's start and the keyword, and a blank after the name.
  private static func spacedConfigAt(_ hit: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    var index = hit.lowerBound
    while index > 0 && hit.lowerBound - index < 30 && isName(bytes[index - 1]) { index -= 1 }
    while index > 0 && isBlank(bytes[index - 1]) { index -= 1 }
    guard index == 0 || bytes[index - 1] == 0x0A else { return false }
    let end = skip(from: hit.upperBound, max: 30, in: bytes, where: isName)
    return end < bytes.count && isBlank(bytes[end])
  }

  /// `:\w{0,30} KW \w{0,30}+ [ \t]* ,`.
  private static func symbolArgumentAt(_ hit: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    var index = hit.lowerBound
    while index > 0 && hit.lowerBound - index < 30 && isWord(bytes[index - 1]) { index -= 1 }
    guard index > 0, bytes[index - 1] == UInt8(ascii: ":") else { return false }
    let name = skip(from: hit.upperBound, max: 30, in: bytes, where: isWord)
    let comma = skip(from: name, max: .max, in: bytes, where: isBlank)
    return comma < bytes.count && bytes[comma] == UInt8(ascii: ",")
  }

  /// Every UUID group holds at least four bytes of `[0-9a-z]` (case-insensitive), so a dash of
  /// one has four of them on each side.
  private static func uuidAround(dash: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard dash >= 4, dash + 4 < bytes.count else { return false }
    for offset in 1...4 where !isAlphanumeric(bytes[dash - offset]) || !isAlphanumeric(bytes[dash + offset]) {
      return false
    }
    return true
  }

  /// Past at most `max` bytes satisfying `test` from `offset` (a possessive `{0,max}+`).
  private static func skip(
    from offset: Int, max: Int, in bytes: UnsafeBufferPointer<UInt8>, where test: (UInt8) -> Bool
  ) -> Int {
    var index = offset
    while index < bytes.count && index - offset < max && test(bytes[index]) { index += 1 }
    return index
  }

  private static func isAlphanumeric(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
      UInt8(ascii: "0")...UInt8(ascii: "9"):
      true
    default: false
    }
  }

  /// `\w` without Unicode properties (the catalog's regexes are compiled without PCRE2_UCP).
  private static func isWord(_ byte: UInt8) -> Bool { byte == UInt8(ascii: "_") || isAlphanumeric(byte) }

  /// `[\w.\-]`.
  private static func isName(_ byte: UInt8) -> Bool {
    byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-") || isWord(byte)
  }

  private static func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }

  private static func isQuote(_ byte: UInt8) -> Bool {
    byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") || byte == UInt8(ascii: "`")
  }
}
