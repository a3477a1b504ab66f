/// Sets of bytes the regex syntax names (PCRE2's defaults for 8-bit, non-UTF patterns).
enum ByteClass {
  static let all = Set(UInt8.min...UInt8.max)
  static let digit = Set(UInt8(ascii: "0")...UInt8(ascii: "9"))
  static let lower = Set(UInt8(ascii: "a")...UInt8(ascii: "z"))
  static let upper = Set(UInt8(ascii: "A")...UInt8(ascii: "Z"))
  static let word = digit.union(lower).union(upper).union([UInt8(ascii: "_")])
  static let space: Set<UInt8> = [0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20]
  static let horizontalSpace: Set<UInt8> = [0x09, 0x20, 0xA0]
  static let verticalSpace: Set<UInt8> = [0x0A, 0x0B, 0x0C, 0x0D, 0x85]

  /// `set` with ASCII upper case mapped to lower case, as the prefilter sees bytes.
  static func folded(_ set: Set<UInt8>) -> Set<UInt8> {
    Set(set.map(fold))
  }

  static func fold(_ byte: UInt8) -> UInt8 {
    (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte + 32 : byte
  }

  /// The bytes of a POSIX class name (`alpha`, `digit` …).
  static func posix(_ name: String) -> Set<UInt8>? {
    switch name {
    case "alpha": return lower.union(upper)
    case "digit": return digit
    case "alnum": return lower.union(upper).union(digit)
    case "word": return word
    case "upper": return upper
    case "lower": return lower
    case "space": return space
    case "blank": return [0x09, 0x20]
    case "xdigit": return digit.union(Set(UInt8(ascii: "a")...UInt8(ascii: "f"))).union(Set(0x41...0x46))
    case "punct", "graph", "print", "cntrl", "ascii": return Set(0...0x7F)
    default: return nil
    }
  }
}

/// What an escape sequence stands for.
enum EscapeMeaning: Equatable {
  /// One byte of the set (not yet case-folded).
  case set(Set<UInt8>)
  /// An assertion that consumes nothing (`\b`, `\A`, `\K` …).
  case zeroWidth
  /// A back-reference (or anything else whose text cannot be known).
  case backReference
}

/// Classes (`[…]`) and escapes (`\…`), shared by the parts of a pattern in and out of classes.
enum ByteClassParser {
  /// The class opening just before `position` (after its `[`), folded; `position` ends past
  /// its `]`.
  static func parse(_ bytes: [UInt8], at position: inout Int) throws(RegexSyntaxError) -> Set<UInt8> {
    let start = position - 1
    var members = Set<UInt8>()
    let negated = position < bytes.count && bytes[position] == UInt8(ascii: "^")
    if negated { position += 1 }
    var isFirst = true
    while position < bytes.count, bytes[position] != UInt8(ascii: "]") || isFirst {
      isFirst = false
      if let posix = posixClass(bytes, at: &position) {
        members.formUnion(posix)
        continue
      }
      let low = try member(bytes, at: &position)
      guard case .set(let lowSet) = low else {
        throw RegexSyntaxError(offset: position, construct: "an assertion inside a class")
      }
      if let first = lowSet.first, lowSet.count == 1, isRangeDash(bytes, at: position) {
        position += 1
        guard case .set(let highSet) = try member(bytes, at: &position), let last = highSet.first,
          highSet.count == 1, first <= last
        else { throw RegexSyntaxError(offset: start, construct: "a class range") }
        members.formUnion(first...last)
      } else {
        members.formUnion(lowSet)
      }
    }
    guard position < bytes.count else { throw RegexSyntaxError(offset: start, construct: "an unclosed '['") }
    position += 1
    return ByteClass.folded(negated ? ByteClass.all.subtracting(members) : members)
  }

  /// A `-` that makes a range: not the class's last byte.
  private static func isRangeDash(_ bytes: [UInt8], at position: Int) -> Bool {
    position + 1 < bytes.count && bytes[position] == UInt8(ascii: "-") && bytes[position + 1] != UInt8(ascii: "]")
  }

  private static func posixClass(_ bytes: [UInt8], at position: inout Int) -> Set<UInt8>? {
    guard bytes.count - position > 4, bytes[position] == UInt8(ascii: "["), bytes[position + 1] == UInt8(ascii: ":")
    else { return nil }
    var end = position + 2
    while end + 1 < bytes.count, bytes[end] != UInt8(ascii: ":") { end += 1 }
    guard end + 1 < bytes.count, bytes[end + 1] == UInt8(ascii: "]") else { return nil }
    var name = String(decoding: bytes[(position + 2)..<end], as: UTF8.self)
    let negated = name.hasPrefix("^")
    if negated { name.removeFirst() }
    guard let set = ByteClass.posix(name) else { return nil }
    position = end + 2
    return negated ? ByteClass.all.subtracting(set) : set
  }

  /// One member of a class: a byte or an escape.
  private static func member(_ bytes: [UInt8], at position: inout Int) throws(RegexSyntaxError) -> EscapeMeaning {
    let byte = bytes[position]
    position += 1
    guard byte == UInt8(ascii: "\\") else { return .set([byte]) }
    guard position < bytes.count else { throw RegexSyntaxError(offset: position - 1, construct: "a '\\' at the end") }
    return try escape(bytes, at: &position, inClass: true)
  }

  /// The escape whose letter is at `position` (just after its `\`); `position` ends past it.
  static func escape(_ bytes: [UInt8], at position: inout Int, inClass: Bool) throws(RegexSyntaxError)
    -> EscapeMeaning
  {
    let start = position - 1
    let letter = bytes[position]
    position += 1
    if let set = namedSet(letter) { return .set(set) }
    if let byte = control(letter) { return .set([byte]) }
    switch letter {
    case UInt8(ascii: "b") where inClass: return .set([0x08])
    case UInt8(ascii: "b"), UInt8(ascii: "B"), UInt8(ascii: "A"), UInt8(ascii: "Z"), UInt8(ascii: "z"),
      UInt8(ascii: "G"), UInt8(ascii: "K"), UInt8(ascii: "E"):
      return .zeroWidth
    case UInt8(ascii: "x"): return .set([try hexadecimal(bytes, at: &position, start: start)])
    case UInt8(ascii: "c"):
      guard position < bytes.count else { throw RegexSyntaxError(offset: start, construct: "'\\c'") }
      position += 1
      return .set([ByteClass.fold(bytes[position - 1]) ^ 0x60 & 0x7F])
    case UInt8(ascii: "0"): return .set([octal(bytes, at: &position, first: 0)])
    case UInt8(ascii: "1")...UInt8(ascii: "9") where inClass:
      return .set([octal(bytes, at: &position, first: letter - UInt8(ascii: "0"))])
    case UInt8(ascii: "1")...UInt8(ascii: "9"), UInt8(ascii: "g"), UInt8(ascii: "k"):
      skipReference(bytes, at: &position)
      return .backReference
    case UInt8(ascii: "p"), UInt8(ascii: "P"):
      // `\pL` or `\p{Name}`: in a non-UTF pattern, some set of bytes.
      if position < bytes.count && bytes[position] != UInt8(ascii: "{") { position += 1 }
      skipReference(bytes, at: &position)
      return .set(ByteClass.all)
    case UInt8(ascii: "R"), UInt8(ascii: "X"): return inClass ? .set(ByteClass.all) : .backReference
    case UInt8(ascii: "C"): return .set(ByteClass.all)
    default:
      let isAlphanumeric = ByteClass.word.contains(letter) && letter != UInt8(ascii: "_")
      guard !isAlphanumeric else {
        throw RegexSyntaxError(offset: start, construct: "the escape '\\\(String(decoding: [letter], as: UTF8.self))'")
      }
      return .set([letter])
    }
  }

  private static func namedSet(_ letter: UInt8) -> Set<UInt8>? {
    let sets: [UInt8: Set<UInt8>] = [
      UInt8(ascii: "d"): ByteClass.digit, UInt8(ascii: "w"): ByteClass.word, UInt8(ascii: "s"): ByteClass.space,
      UInt8(ascii: "h"): ByteClass.horizontalSpace, UInt8(ascii: "v"): ByteClass.verticalSpace,
    ]
    if let set = sets[letter] { return set }
    let lowered = letter | 0x20
    if letter != lowered, let set = sets[lowered] { return ByteClass.all.subtracting(set) }
    return letter == UInt8(ascii: "N") ? ByteClass.all.subtracting([0x0A]) : nil
  }

  private static func control(_ letter: UInt8) -> UInt8? {
    let bytes: [UInt8: UInt8] = [
      UInt8(ascii: "t"): 0x09, UInt8(ascii: "n"): 0x0A, UInt8(ascii: "r"): 0x0D, UInt8(ascii: "f"): 0x0C,
      UInt8(ascii: "e"): 0x1B, UInt8(ascii: "a"): 0x07,
    ]
    return bytes[letter]
  }

  /// `\xhh` (up to two digits) or `\x{hhh}`.
  private static func hexadecimal(_ bytes: [UInt8], at position: inout Int, start: Int) throws(RegexSyntaxError)
    -> UInt8
  {
    let braced = position < bytes.count && bytes[position] == UInt8(ascii: "{")
    if braced { position += 1 }
    var value = 0
    var digits = 0
    while position < bytes.count, let digit = hexDigit(bytes[position]), braced || digits < 2 {
      value = value * 16 + digit
      digits += 1
      position += 1
    }
    if braced {
      guard position < bytes.count, bytes[position] == UInt8(ascii: "}"), value <= 0xFF else {
        throw RegexSyntaxError(offset: start, construct: "the escape '\\x{…}'")
      }
      position += 1
    }
    return UInt8(value)
  }

  private static func hexDigit(_ byte: UInt8) -> Int? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): return Int(byte - UInt8(ascii: "0"))
    case UInt8(ascii: "a")...UInt8(ascii: "f"): return Int(byte - UInt8(ascii: "a")) + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): return Int(byte - UInt8(ascii: "A")) + 10
    default: return nil
    }
  }

  /// Up to two more octal digits after the first.
  private static func octal(_ bytes: [UInt8], at position: inout Int, first: UInt8) -> UInt8 {
    var value = Int(first)
    var digits = 1
    while digits < 3, position < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "7")).contains(bytes[position]) {
      value = value * 8 + Int(bytes[position] - UInt8(ascii: "0"))
      digits += 1
      position += 1
    }
    return UInt8(truncatingIfNeeded: value)
  }

  /// The rest of `\1`, `\g-1`, `\g{-1}`, `\k<name>`, `\p{L}` …: signed digits, or one bracketed name.
  private static func skipReference(_ bytes: [UInt8], at position: inout Int) {
    let closers: [UInt8: UInt8] = [
      UInt8(ascii: "{"): UInt8(ascii: "}"), UInt8(ascii: "<"): UInt8(ascii: ">"), UInt8(ascii: "'"): UInt8(ascii: "'"),
    ]
    guard position < bytes.count else { return }
    if let closer = closers[bytes[position]] {
      while position < bytes.count, bytes[position] != closer { position += 1 }
      position = min(bytes.count, position + 1)
      return
    }
    if bytes[position] == UInt8(ascii: "-") || bytes[position] == UInt8(ascii: "+") { position += 1 }
    while position < bytes.count, ByteClass.digit.contains(bytes[position]) { position += 1 }
  }
}
