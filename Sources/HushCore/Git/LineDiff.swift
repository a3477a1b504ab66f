/// The lines a staged file's new version adds to its old one, computed in Hush instead of by
/// `git diff -p`: on a pre-commit hook git's patch costs more than everything else git does
/// (the same diff with `--raw` alone takes half the time), and Hush reads the new version
/// anyway. Lines are compared whole, newline included, as git compares them without
/// whitespace options; the edit script is a shortest one (Myers), so the number of added lines
/// is git's, though among equally short scripts git may pick another (a block of added lines
/// slid by one repeated line). A change too large for the budget is left to git (nil).
enum LineDiff {
  /// git's test for a binary file (`buffer_is_binary`): a NUL in the first 8,000 bytes. git
  /// prints no hunks for such a file, and every line of it counts as added.
  static func looksBinary(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let base = bytes.baseAddress else { return false }
    return memchr(base, 0, min(bytes.count, 8000)) != nil
  }

  /// How many lines `text` has, the last one counted without its newline (a new file's added
  /// lines: counted with memchr, not hashed).
  static func lineCount(_ text: UnsafeBufferPointer<UInt8>) -> Int {
    let newlines = LineIndex.newlines(in: text)
    return text.last.map { $0 == 0x0A ? newlines : newlines + 1 } ?? 0
  }

  /// Comparisons the search may make (lines of the changed middle times edits) before it
  /// gives up: about 0.1 s at worst, where git's heuristics would do better.
  static let defaultBudget = 40_000_000

  /// The 1-based line ranges of `new` that are not in `old`, sorted; nil when the change
  /// needs more than `budget` steps or `maxEdits` edits.
  static func addedLines(
    old: UnsafeBufferPointer<UInt8>, new: UnsafeBufferPointer<UInt8>, maxEdits: Int = 1000,
    budget: Int = defaultBudget
  ) -> [ClosedRange<Int>]? {
    let common = CommonEnds(old: old, new: new)
    var cursor = LineIndex.Cursor(new)
    let before = cursor.lineNumber(of: common.prefix) - 1
    let a = Lines(old, common.prefix..<common.oldEnd)
    let b = Lines(new, common.prefix..<common.newEnd)
    if b.count == 0 { return [] }
    if a.count == 0 { return [(before + 1)...(before + b.count)] }
    let limit = min(maxEdits, a.count + b.count, budget / (a.count + b.count))
    guard let inserted = Myers(a: a, b: b).insertedLines(maxEdits: limit) else { return nil }
    return ranges(of: inserted, offset: before)
  }

  /// Consecutive 0-based indices as 1-based ranges, shifted by `offset` lines.
  private static func ranges(of indices: [Int], offset: Int) -> [ClosedRange<Int>] {
    var result: [ClosedRange<Int>] = []
    for index in indices {
      let line = offset + index + 1
      if let last = result.last, last.upperBound == line - 1 {
        result[result.count - 1] = last.lowerBound...line
      } else {
        result.append(line...line)
      }
    }
    return result
  }

  /// The longest common prefix and suffix of whole lines, found bytewise: a change to a
  /// large file leaves the search its few changed lines.
  struct CommonEnds {
    /// Bytes of both versions before the first changed line (a line start).
    let prefix: Int
    /// Where the common suffix starts in each version (a line start, or the end).
    let oldEnd: Int
    let newEnd: Int

    init(old: UnsafeBufferPointer<UInt8>, new: UnsafeBufferPointer<UInt8>) {
      let shorter = min(old.count, new.count)
      let same = Self.sameBytes(old, new, upTo: shorter, fromEnd: false)
      // Back to the start of the line the first difference is on (a line shorter by its
      // newline at the end of one version differs too).
      var prefix = same
      if !(same == old.count && same == new.count) {
        while prefix > 0, old[prefix - 1] != 0x0A { prefix -= 1 }
      }
      let tail = Self.sameBytes(old, new, upTo: shorter - prefix, fromEnd: true)
      // Forward to the first position in the common tail where a line starts in both.
      var skip = 0
      while skip < tail {
        let oldStart = old.count - tail + skip
        let newStart = new.count - tail + skip
        let atLineStart = { (text: UnsafeBufferPointer<UInt8>, at: Int) in at == prefix || text[at - 1] == 0x0A }
        if atLineStart(old, oldStart) && atLineStart(new, newStart) { break }
        skip += 1
      }
      self.prefix = prefix
      oldEnd = old.count - tail + skip
      newEnd = new.count - tail + skip
    }

    /// How many bytes the two texts share at their starts (or ends), at most `limit`: block
    /// by block with memcmp, then byte by byte in the block that differs.
    static func sameBytes(
      _ old: UnsafeBufferPointer<UInt8>, _ new: UnsafeBufferPointer<UInt8>, upTo limit: Int, fromEnd: Bool
    ) -> Int {
      guard limit > 0, let a = old.baseAddress, let b = new.baseAddress else { return 0 }
      let block = 512
      var same = 0
      while limit - same >= block {
        let left = fromEnd ? a + old.count - same - block : a + same
        let right = fromEnd ? b + new.count - same - block : b + same
        if memcmp(left, right, block) != 0 { break }
        same += block
      }
      while same < limit {
        let equal = fromEnd ? old[old.count - 1 - same] == new[new.count - 1 - same] : old[same] == new[same]
        if !equal { break }
        same += 1
      }
      return same
    }
  }

  /// The lines of a byte range, each with its newline, as hashes and bounds.
  struct Lines {
    let text: UnsafeBufferPointer<UInt8>
    var starts: [Int] = []
    var hashes: [UInt64] = []
    let end: Int

    init(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
      self.text = text
      end = range.upperBound
      var start = range.lowerBound
      var hash = FNV1a.offset
      var index = start
      while index < end {
        let byte = text[index]
        hash = FNV1a.mix(hash, UInt64(byte))
        index += 1
        if byte == 0x0A || index == end {
          starts.append(start)
          hashes.append(hash)
          hash = FNV1a.offset
          start = index
        }
      }
    }

    var count: Int { starts.count }

    func bounds(_ line: Int) -> Range<Int> {
      starts[line]..<(line + 1 < starts.count ? starts[line + 1] : end)
    }
  }

  /// Myers' O(ND) search for a shortest edit script, keeping each round's frontier to walk
  /// the script back (rounds are few on a commit: its edits, not its file's lines).
  struct Myers {
    let a: Lines
    let b: Lines

    func same(_ x: Int, _ y: Int) -> Bool {
      guard a.hashes[x] == b.hashes[y] else { return false }
      let left = a.bounds(x)
      let right = b.bounds(y)
      guard left.count == right.count, let l = a.text.baseAddress, let r = b.text.baseAddress else {
        return left.count == right.count
      }
      return memcmp(l + left.lowerBound, r + right.lowerBound, left.count) == 0
    }

    /// 0-based indices of `b`'s lines the script inserts; nil past `maxEdits` edits.
    func insertedLines(maxEdits: Int) -> [Int]? {
      let n = a.count
      let m = b.count
      let offset = maxEdits + 1
      var frontier = [Int](repeating: 0, count: 2 * maxEdits + 3)
      // Round d's frontier for diagonals -d...d, rounds one after another.
      var rounds: [Int] = []
      for d in 0...maxEdits {
        for k in stride(from: -d, through: d, by: 2) {
          var x =
            (k == -d || (k != d && frontier[offset + k - 1] < frontier[offset + k + 1]))
            ? frontier[offset + k + 1] : frontier[offset + k - 1] + 1
          var y = x - k
          while x < n, y < m, same(x, y) {
            x += 1
            y += 1
          }
          frontier[offset + k] = x
          if x >= n && y >= m {
            rounds.append(contentsOf: frontier[(offset - d)...(offset + d)])
            return walkBack(rounds: rounds, edits: d, endX: n, endY: m)
          }
        }
        rounds.append(contentsOf: frontier[(offset - d)...(offset + d)])
      }
      return nil
    }

    /// The insertions of the script that ends at (endX, endY) after `edits` rounds.
    private func walkBack(rounds: [Int], edits: Int, endX: Int, endY: Int) -> [Int] {
      // Round d starts at d * d in `rounds` and holds diagonals -d...d.
      let reached = { (d: Int, k: Int) in rounds[d * d + (k + d)] }
      var inserted: [Int] = []
      var x = endX
      var y = endY
      var d = edits
      while d > 0 {
        let k = x - y
        let down = k == -d || (k != d && reached(d - 1, k - 1) < reached(d - 1, k + 1))
        let previousK = down ? k + 1 : k - 1
        let previousX = reached(d - 1, previousK)
        let previousY = previousX - previousK
        if down { inserted.append(previousY) }
        x = previousX
        y = previousY
        d -= 1
      }
      return inserted.reversed()
    }
  }
}
