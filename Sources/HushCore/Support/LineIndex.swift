/// Line arithmetic on raw buffers, with memchr for speed. Lines end at `\n`; a `\r` before
/// it belongs to the line, which is harmless for matching and keeps offsets exact.
public enum LineIndex {
  /// Offset of the first byte of the line holding `offset`, but no more than `limit` back.
  static func lineStart(before offset: Int, in bytes: UnsafeBufferPointer<UInt8>, limit: Int) -> Int {
    let floor = limit >= offset ? 0 : offset - limit
    var index = offset
    // memrchr is a GNU extension Swift does not import; lines are short, a loop will do.
    while index > floor {
      if bytes[index - 1] == 0x0A { return index }
      index -= 1
    }
    return floor
  }

  /// Offset of the `\n` ending the line that holds `offset - 1` (or the end of the buffer),
  /// but no more than `limit` after `offset`.
  static func lineEnd(after offset: Int, in bytes: UnsafeBufferPointer<UInt8>, limit: Int) -> Int {
    guard let base = bytes.baseAddress, offset < bytes.count else { return bytes.count }
    let ceiling = limit >= bytes.count - offset ? bytes.count : offset + limit
    guard let newline = memchr(base + offset, 0x0A, ceiling - offset) else { return ceiling }
    return base.distance(to: newline.assumingMemoryBound(to: UInt8.self))
  }

  /// The line(s) holding `range`, at most `limit` bytes either side of it: where inline
  /// markers and line allowlists are looked for (a minified line is megabytes long).
  static func lines(around range: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>, limit: Int) -> Range<Int> {
    lineStart(
      before: range.lowerBound, in: bytes, limit: limit)..<lineEnd(after: range.upperBound, in: bytes, limit: limit)
  }

  /// How many `\n` bytes `bytes` holds, found with memchr.
  static func newlines(in bytes: UnsafeBufferPointer<UInt8>) -> Int {
    guard var cursor = bytes.baseAddress else { return 0 }
    let end = cursor + bytes.count
    var count = 0
    while cursor < end, let newline = memchr(cursor, 0x0A, cursor.distance(to: end)) {
      count += 1
      cursor = UnsafePointer(newline.assumingMemoryBound(to: UInt8.self)) + 1
    }
    return count
  }

  static func lineRanges(in bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
    var ranges: [Range<Int>] = []
    var start = 0
    while start <= bytes.count {
      let end = lineEnd(after: start, in: bytes, limit: .max)
      ranges.append(start..<end)
      start = end + 1
    }
    return ranges
  }

  /// Turns increasing offsets into line and column numbers in one forward pass.
  struct Cursor {
    let bytes: UnsafeBufferPointer<UInt8>
    private var offset = 0
    private var line = 1
    private var lineStart = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    /// Where the last column was counted, so many findings on one huge line (minified code)
    /// are counted in one pass, not one pass each.
    private var columnOffset = 0
    private var column = 1

    /// 1-based line and character column of `target`; targets may go backwards (rarely).
    mutating func position(of target: Int) -> (line: Int, column: Int) {
      let line = lineNumber(of: target)
      if columnOffset < lineStart || columnOffset > target {
        columnOffset = lineStart
        column = 1
      }
      // Count characters: every byte that does not continue a UTF-8 sequence.
      for index in columnOffset..<target where bytes[index] & 0xC0 != 0x80 { column += 1 }
      columnOffset = target
      return (line, column)
    }

    mutating func lineNumber(of target: Int) -> Int {
      if target < offset {
        offset = 0
        line = 1
        lineStart = 0
      }
      guard let base = bytes.baseAddress else { return 1 }
      while offset < target, let newline = memchr(base + offset, 0x0A, target - offset) {
        let at = base.distance(to: newline.assumingMemoryBound(to: UInt8.self))
        line += 1
        lineStart = at + 1
        offset = at + 1
      }
      offset = target
      return line
    }
  }
}
