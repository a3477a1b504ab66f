/// What the keyword prefilter needs to know of a list of rules: the automaton over all their
/// keywords, and the rules each keyword triggers.
///
/// Building it costs a fifth of a pre-commit run's instructions, so the bundled catalog's is
/// built at build time by catalog-embed and embedded as numbers; a catalog a config changes
/// (rules added or disabled) builds its own at start.
public struct KeywordTable: Sendable, Equatable {
  /// The automaton's blueprint; `index` is laid out from it.
  public let blueprint: KeywordIndex.Blueprint
  /// Rules of keyword `k`: `ruleList[ruleStart[k]..<ruleStart[k + 1]]`, in rule order.
  public let ruleStart: [Int]
  /// Rule indexes, keyword after keyword.
  public let ruleList: [Int]
  /// The dense automaton.
  public let index: KeywordIndex

  /// The table of `rules`: each distinct lower-cased keyword once, in the order the rules first
  /// name it.
  public init(rules: [Rule]) {
    var keywordIDs: [String: Int] = [:]
    var keywords: [String] = []
    var rulesForKeyword: [[Int]] = []
    for (ruleIndex, rule) in rules.enumerated() {
      for keyword in rule.keywords.map({ $0.lowercased() }) {
        let id = keywordIDs[keyword] ?? keywords.count
        if id == keywords.count {
          keywordIDs[keyword] = id
          keywords.append(keyword)
          rulesForKeyword.append([])
        }
        // A rule that names a keyword twice is run once per hit.
        if rulesForKeyword[id].last != ruleIndex { rulesForKeyword[id].append(ruleIndex) }
      }
    }
    self.init(
      blueprint: KeywordIndex.Blueprint(keywords: keywords), ruleList: rulesForKeyword.flatMap { $0 },
      ruleStart: rulesForKeyword.reduce(into: [0]) { $0.append($0[$0.count - 1] + $1.count) })
  }

  /// Equal blueprints lay out equal automata.
  public static func == (left: KeywordTable, right: KeywordTable) -> Bool {
    left.blueprint == right.blueprint && left.ruleStart == right.ruleStart && left.ruleList == right.ruleList
  }

  private init(blueprint: KeywordIndex.Blueprint, ruleList: [Int], ruleStart: [Int]) {
    self.blueprint = blueprint
    self.ruleList = ruleList
    self.ruleStart = ruleStart
    index = KeywordIndex(blueprint: blueprint)
  }

  /// The table as text, for embedding in Swift source (`NumberText`).
  public var serialized: String {
    let lists = [ruleStart.map { Int32($0) }, ruleList.map { Int32($0) }, blueprint.numbers]
    return NumberText.encode(lists.flatMap { [Int32($0.count)] + $0 })
  }

  /// Reads `serialized` back; nil when the text is not a table's for `ruleCount` rules.
  public init?(serialized text: String, ruleCount: Int) {
    guard let numbers = NumberText.decode(text) else { return nil }
    var lists: [[Int32]] = []
    var position = 0
    for _ in 0..<3 {
      guard position < numbers.count else { return nil }
      let count = Int(numbers[position])
      guard count >= 0, count <= numbers.count - position - 1 else { return nil }
      lists.append(Array(numbers[position + 1..<position + 1 + count]))
      position += 1 + count
    }
    guard position == numbers.count, let blueprint = KeywordIndex.Blueprint(numbers: lists[2]) else { return nil }
    let ruleStart = lists[0].map { Int($0) }
    let ruleList = lists[1].map { Int($0) }
    // Every rule index in range, one span per keyword, spans in order and covering the list.
    guard ruleStart.count == blueprint.keywords.count + 1, ruleStart.first == 0, ruleStart.last == ruleList.count,
      zip(ruleStart, ruleStart.dropFirst()).allSatisfy({ $0 <= $1 }),
      ruleList.allSatisfy({ (0..<ruleCount).contains($0) })
    else { return nil }
    self.init(blueprint: blueprint, ruleList: ruleList, ruleStart: ruleStart)
  }
}

/// Non-negative numbers as ASCII text that reads back fast: five bits a character, most
/// significant first, the last character of each number from a second alphabet. A blueprint's
/// numbers are mostly under 32 and a few under 4096: one to three characters each.
enum NumberText {
  private static let more = Array("abcdefghijklmnopqrstuvwxyz012345".utf8)
  private static let last = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ6789+/".utf8)

  static func encode(_ numbers: [Int32]) -> String {
    var bytes: [UInt8] = []
    for number in numbers {
      var value = UInt32(bitPattern: number)
      var digits: [UInt8] = [last[Int(value & 31)]]
      value >>= 5
      while value > 0 {
        digits.append(more[Int(value & 31)])
        value >>= 5
      }
      bytes += digits.reversed()
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// The numbers, or nil for a character of neither alphabet, a number cut short, or one too
  /// large for 31 bits. Runs at every start on some 60,000 characters: pointers, no copies.
  static func decode(_ text: String) -> [Int32]? {
    var table = [Int16](repeating: -1, count: 256)
    for (value, byte) in more.enumerated() { table[Int(byte)] = Int16(value) }
    for (value, byte) in last.enumerated() { table[Int(byte)] = Int16(value) | 0x100 }
    var text = text
    return text.withUTF8 { bytes in
      table.withUnsafeBufferPointer { table -> [Int32]? in
        var failed = false
        let numbers = [Int32](unsafeUninitializedCapacity: bytes.count) { out, count in
          var value: UInt32 = 0
          var pending = false
          for byte in bytes {
            let entry = table[Int(byte)]
            guard entry >= 0, value < 1 << 26 else {
              failed = true
              return
            }
            value = value << 5 | UInt32(entry & 31)
            pending = true
            if entry & 0x100 != 0 {
              out[count] = Int32(value)
              count += 1
              value = 0
              pending = false
            }
          }
          failed = pending
        }
        return failed ? nil : numbers
      }
    }
  }
}
