/// Scans a text too large to hold whole (a file named explicitly, a staged blob over the
/// size limit) in chunks of bounded size that overlap, so a secret across a chunk boundary is
/// whole in one of them. Each finding is reported once, at its place in the whole text.
struct ChunkedScan {
  /// Bytes each chunk repeats of the one before: more than any secret, multi-line keys
  /// included, so one that starts before the next chunk's start ends within this chunk.
  static let overlap = 64 << 10
  /// The memory a scan holds, at least four overlaps.
  let chunkSize: Int

  init(limit: Int) { chunkSize = max(limit, 4 * Self.overlap) }

  /// Reads with `fill` (bytes into the buffer, 0 at the end) and scans each chunk with
  /// `scan`, given the chunk and the number of lines before it. Returns the findings at
  /// their place in the whole text, and the bytes read; nil when the first chunk is binary.
  func findings(
    fill: (UnsafeMutableRawBufferPointer) throws -> Int,
    scan: (UnsafeBufferPointer<UInt8>, _ linesBefore: Int) throws -> [Finding]
  ) throws -> (findings: [Finding], bytes: Int)? {
    let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 16)
    defer { buffer.deallocate() }
    var place = Place()
    var filled = 0
    var atEnd = false
    var found: [Finding] = []
    while true {
      while filled < chunkSize && !atEnd {
        let got = try fill(UnsafeMutableRawBufferPointer(rebasing: buffer[filled...]))
        if got == 0 { atEnd = true } else { filled += got }
      }
      let bytes = UnsafeBufferPointer(rebasing: UnsafeRawBufferPointer(buffer).bindMemory(to: UInt8.self)[..<filled])
      if place.offset == 0 && FileReader.isBinary(bytes) { return nil }
      let next = atEnd ? filled : boundary(in: bytes)
      for finding in try scan(bytes, place.lines) where atEnd || finding.secretRange.lowerBound < next {
        found.append(place.moved(finding))
      }
      if atEnd { return (found, place.offset + filled) }
      place.advance(over: UnsafeBufferPointer(rebasing: bytes[..<next]))
      if let base = buffer.baseAddress { memmove(base, base + next, filled - next) }
      filled -= next
    }
  }

  /// Where the next chunk starts: at a line start at least an overlap before the end, so
  /// its columns count from the line; at exactly one overlap before when lines are that long.
  private func boundary(in bytes: UnsafeBufferPointer<UInt8>) -> Int {
    let latest = bytes.count - Self.overlap
    var index = latest
    while index > bytes.count / 2 {
      if bytes[index - 1] == 0x0A { return index }
      index -= 1
    }
    return latest
  }

  /// How much of the text came before the current chunk.
  private struct Place {
    var offset = 0
    var lines = 0
    /// Characters of the current line before the chunk (a chunk that starts mid-line).
    var columns = 0

    mutating func advance(over consumed: UnsafeBufferPointer<UInt8>) {
      offset += consumed.count
      if let lastNewline = consumed.lastIndex(of: 0x0A) {
        lines += consumed.count(where: { $0 == 0x0A })
        columns = Self.characters(consumed[(lastNewline + 1)...])
      } else {
        columns += Self.characters(consumed[...])
      }
    }

    /// `finding`, found in the chunk, at its place in the whole text.
    func moved(_ finding: Finding) -> Finding { finding.moved(lines: lines, columns: columns, bytes: offset) }

    /// UTF-8 characters (bytes that do not continue one), as columns are counted.
    private static func characters(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Int {
      bytes.count(where: { $0 & 0xC0 != 0x80 })
    }
  }
}
