import Testing

@testable import HushCore

@Suite struct AddedPartTests {
  /// Lines "line 1" … "line N", each ending in a newline.
  private static let text = Array((1...2_000).map { "line \($0)\n" }.joined().utf8)

  private func addedPart(_ lines: [ClosedRange<Int>], margin: Int) -> AddedPart? {
    Self.text.withUnsafeBufferPointer { AddedPart(of: $0, addedLines: lines, margin: margin) }
  }

  private func lineText(at offset: Int) -> String {
    let end = Self.text[offset...].firstIndex(of: 0x0A) ?? Self.text.count
    return String(decoding: Self.text[offset..<end], as: UTF8.self)
  }

  @Test func wholeLinesAroundTheChangeWithTheLinesBeforeCounted() throws {
    let part = try #require(addedPart([1_000...1_000, 1_200...1_201], margin: 500))
    #expect(part.bytes.lowerBound == 0 || Self.text[part.bytes.lowerBound - 1] == 0x0A)
    #expect(part.bytes.upperBound == Self.text.count || Self.text[part.bytes.upperBound - 1] == 0x0A)
    #expect(lineText(at: part.bytes.lowerBound) == "line \(part.linesBefore + 1)")
    let newlinesBefore = Self.text[..<part.bytes.lowerBound].count(where: { $0 == 0x0A })
    #expect(part.linesBefore == newlinesBefore)
    // The margin is kept either side of the added lines, and little more.
    let firstAdded = Self.text.indices.filter { $0 == 0 || Self.text[$0 - 1] == 0x0A }[999]
    #expect(firstAdded - part.bytes.lowerBound >= 500 && firstAdded - part.bytes.lowerBound < 520)
    let partText = String(decoding: Self.text[part.bytes], as: UTF8.self)
    #expect(partText.contains("line 1000\n") && partText.contains("line 1201\n"))
    #expect(!partText.contains("line 900\n") && !partText.contains("line 1300\n"))
  }

  @Test func nothingToCutIsTheWholeText() {
    #expect(addedPart([1...1, 2_000...2_000], margin: 10) == nil)
    #expect(addedPart([1_000...1_000], margin: Self.text.count) == nil)
    #expect(addedPart([], margin: 10) == nil)
  }

  @Test func aChangeAtTheEndKeepsItsMarginBefore() throws {
    let part = try #require(addedPart([2_000...2_000], margin: 100))
    #expect(part.bytes.upperBound == Self.text.count)
    #expect(part.linesBefore > 1_980 && part.linesBefore < 1_992)
  }

  @Test func addedLinesPastTheEndAreNotAPart() {
    #expect(addedPart([5_000...5_001], margin: 10) == nil)
  }
}
