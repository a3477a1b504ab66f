/// The part of a staged file that can hold a finding on its added lines: from the first added
/// line to the last, and `margin` bytes either side, widened to whole lines. A finding touches
/// an added line only if the regex window that found it does, and no window reaches further
/// from its keyword than `Detector.reach`: a margin of twice that holds every window (and the
/// keyword hits whose windows would have covered them), so the part yields the findings the
/// whole file would. A one-line change to a large file costs its neighbourhood, not the file.
struct AddedPart: Equatable {
  /// The part's bytes in the text; it starts at a line start.
  let bytes: Range<Int>
  /// Lines of the text before the part.
  let linesBefore: Int

  static let margin = 2 * Detector.reach

  /// The part of `text` around `addedLines` (1-based, sorted); nil when it would be the
  /// whole text, or there are no added lines.
  init?(of text: UnsafeBufferPointer<UInt8>, addedLines: [ClosedRange<Int>], margin: Int = Self.margin) {
    guard let first = addedLines.first?.lowerBound, let last = addedLines.last?.upperBound, first >= 1,
      let base = text.baseAddress
    else { return nil }
    var lines = Lines(base: base, count: text.count)
    guard let firstStart = lines.start(ofLine: first) else { return nil }
    let lastEnd = lines.start(ofLine: last + 1) ?? text.count
    let start = firstStart > margin ? LineIndex.lineStart(before: firstStart - margin, in: text, limit: .max) : 0
    let end = lastEnd < text.count - margin ? Self.lineEnd(after: lastEnd + margin, in: text) : text.count
    guard start > 0 || end < text.count else { return nil }
    bytes = start..<end
    // Line `first` starts at `firstStart`: the lines before the part are its lines before
    // `first`, less those between the part's start and `firstStart` (at most the margin, not
    // the whole file's).
    linesBefore = first - 1 - LineIndex.newlines(in: UnsafeBufferPointer(rebasing: text[start..<firstStart]))
  }

  /// Just past the `\n` that ends the line holding `offset`, or the text's end.
  private static func lineEnd(after offset: Int, in text: UnsafeBufferPointer<UInt8>) -> Int {
    let newline = LineIndex.lineEnd(after: offset, in: text, limit: .max)
    return min(newline + 1, text.count)
  }

  /// A forward walk to a line's start with memchr (`LineIndex.Cursor` walks the other way,
  /// from an offset to its line).
  private struct Lines {
    let base: UnsafePointer<UInt8>
    let count: Int
    private var line = 1
    private var offset = 0

    init(base: UnsafePointer<UInt8>, count: Int) {
      self.base = base
      self.count = count
    }

    /// The offset where 1-based `number` starts, walking forward; nil past the last line.
    mutating func start(ofLine number: Int) -> Int? {
      while line < number {
        guard offset < count, let newline = memchr(base + offset, 0x0A, count - offset) else { return nil }
        offset = base.distance(to: newline.assumingMemoryBound(to: UInt8.self)) + 1
        line += 1
      }
      return offset
    }
  }
}
