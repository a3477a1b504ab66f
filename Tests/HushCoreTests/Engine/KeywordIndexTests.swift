import HushTestSupport
import Testing

@testable import HushCore

@Suite struct KeywordIndexTests {
  /// Every (keyword, end) a naive search finds, ASCII case-insensitively.
  func naiveHits(_ keywords: [String], _ text: [UInt8]) -> [(Int, Int)] {
    let lowered = text.map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }
    var hits: [(Int, Int)] = []
    for end in 0...lowered.count {
      for (id, keyword) in keywords.enumerated() {
        let k = Array(keyword.utf8)
        if end >= k.count, Array(lowered[(end - k.count)..<end]) == k { hits.append((id, end)) }
      }
    }
    return hits
  }

  func sorted(_ hits: [(Int, Int)]) -> [[Int]] {
    hits.map { [$0.1, $0.0] }.sorted { $0.lexicographicallyPrecedes($1) }
  }

  @Test func findsEveryKeywordIncludingOverlapsAndEdges() {
    let keywords = ["ghp_", "hp_", "akia", "sk_live_", "live", "aaa"]
    let index = KeywordIndex(keywords: keywords)
    let text = Array("ghp_x AKIA sk_LIVE_ aaaa akia".utf8)
    #expect(sorted(index.hits(in: text).map { ($0.keyword, $0.end) }) == sorted(naiveHits(keywords, text)))
    // At the very start and the very end of the buffer.
    let edges = Array("AKIAmiddleghp_".utf8)
    let found = index.hits(in: edges).map { ($0.keyword, $0.end) }
    #expect(found.contains { $0 == (2, 4) })
    #expect(found.contains { $0 == (0, edges.count) })
  }

  @Test func caseInsensitiveOnlyForASCII() {
    let index = KeywordIndex(keywords: ["token"])
    #expect(index.hits(in: Array("TOKEN ToKeN token".utf8)).count == 3)
    #expect(index.hits(in: Array("tok\u{0130}n".utf8)).isEmpty)
  }

  @Test func agreesWithNaiveSearchOnRandomText() {
    var generator = SeededGenerator(seed: 21)
    let keywords = ["abc", "bca", "cab", "aab", "b_c", "ABCA".lowercased(), "xyz"]
    let index = KeywordIndex(keywords: keywords)
    let alphabet = Array("abcABC_xyz \n".utf8)
    for _ in 0..<50 {
      let text = (0..<300).map { _ in generator.element(of: alphabet) }
      #expect(sorted(index.hits(in: text).map { ($0.keyword, $0.end) }) == sorted(naiveHits(keywords, text)))
    }
  }

  /// Large buffers run as two interleaved halves: hits across the middle must be seen once.
  @Test(arguments: [4096, 4097, 10_001, 65_536])
  func twoStreamCollectionAgreesWithNaiveSearch(_ length: Int) {
    var generator = SeededGenerator(seed: UInt64(length))
    let keywords = ["abcab", "bca", "cab", "ab", "xyzxyzxyz"]
    let index = KeywordIndex(keywords: keywords)
    let alphabet = Array("abcxyz".utf8)
    var text = (0..<length).map { _ in generator.element(of: alphabet) }
    // Plant a long keyword straddling the middle.
    let middle = length / 2
    text.replaceSubrange((middle - 4)..<(middle + 5), with: Array("xyzxyzxyz".utf8))
    var packed: [UInt64] = []
    text.withUnsafeBufferPointer { index.collectHits(in: $0, into: &packed) }
    let collected = packed.map { (Int($0 & 0xFFFFF), Int($0 >> 20)) }
    #expect(collected.map(\.1) == collected.map(\.1).sorted())
    #expect(sorted(collected) == sorted(naiveHits(keywords, text)))
  }

  @Test func emptyInputsAndNonASCIIBytes() {
    let index = KeywordIndex(keywords: ["key"])
    #expect(index.hits(in: []).isEmpty)
    #expect(index.hits(in: [0xFF, 0xFE, 0x00, 0x6B, 0x65, 0x79]).count == 1)
    #expect(KeywordIndex(keywords: []).hits(in: Array("anything".utf8)).isEmpty)
  }
}
