import HushTestSupport
import Testing

@testable import HushCore

/// A staged scan runs single-line rules only on hits in added lines: it must report exactly
/// what scanning everything and keeping the findings on added lines reports.
@Suite struct AddedLinesTests {
  /// Every example of the catalog, one after another: thousands of lines with secrets of
  /// every rule, multi-line keys among them.
  static let text: [UInt8] = Array(
    RuleCatalog.bundled.rules.flatMap(\.examples).joined(separator: "\nfiller = 1\n").utf8)

  @Test(arguments: [1, 2, 3, 7])
  func skippingHitsOnOtherLinesChangesNoFinding(_ seed: UInt64) throws {
    var generator = SeededGenerator(seed: seed)
    let lineCount = Self.text.count { $0 == 0x0A } + 1
    // Runs of added lines, as hunks are, over about a third of the file.
    var added: [ClosedRange<Int>] = []
    var line = 1
    while line <= lineCount {
      let length = Int.random(in: 1...6, using: &generator)
      if Int.random(in: 0..<3, using: &generator) == 0 { added.append(line...line + length - 1) }
      line += length
    }
    let isAdded = { (lines: ClosedRange<Int>) in added.contains { $0.overlaps(lines) } }
    let detector = Detector(catalog: RuleCatalog.bundled)
    try Self.text.withUnsafeBufferPointer { bytes in
      let skipping = try detector.scan(bytes, path: "src/app.env", scratch: DetectorScratch(), isAdded: isAdded)
        .filter { isAdded($0.line...$0.endLine) }
      let everything = try detector.scan(bytes, path: "src/app.env", scratch: DetectorScratch())
        .filter { isAdded($0.line...$0.endLine) }
      #expect(!everything.isEmpty)
      #expect(skipping.map(\.secretRange) == everything.map(\.secretRange))
      #expect(skipping.map(\.rule.id) == everything.map(\.rule.id))
    }
  }
}
