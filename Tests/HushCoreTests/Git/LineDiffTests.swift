import Foundation
import HushTestSupport
import Testing

@testable import HushCore

@Suite struct LineDiffTests {
  static func added(_ old: String, _ new: String, maxEdits: Int = 1000) -> [ClosedRange<Int>]? {
    let a = Array(old.utf8)
    let b = Array(new.utf8)
    return a.withUnsafeBufferPointer { a in
      b.withUnsafeBufferPointer { b in LineDiff.addedLines(old: a, new: b, maxEdits: maxEdits) }
    }
  }

  @Test func unchangedAppendedInsertedAndRemoved() {
    #expect(Self.added("a\nb\n", "a\nb\n") == [])
    #expect(Self.added("a\nb\n", "a\nb\nc\nd\n") == [3...4])
    #expect(Self.added("a\nb\nc\n", "a\nx\nb\ny\nc\n") == [2...2, 4...4])
    #expect(Self.added("a\nb\nc\n", "a\nc\n") == [])
    #expect(Self.added("a\nb\nc\n", "a\nB\nc\n") == [2...2])
    #expect(Self.added("", "a\nb") == [1...2])
    #expect(Self.added("a\n", "") == [])
  }

  /// A line is compared with its newline, as git compares it: the last line of a file without
  /// one changes when a line is appended, and CRLF is not LF.
  @Test func newlinesArePartOfTheLine() {
    #expect(Self.added("a\nb", "a\nb\nc\n") == [2...3])
    #expect(Self.added("a\nb\n", "a\nb") == [2...2])
    #expect(Self.added("a\r\nb\n", "a\nb\n") == [1...1])
    #expect(Self.added("x\nsame\n", "y\nsame\n") == [1...1])
  }

  /// The shared start and end are measured block by block: a difference on either side of a
  /// block boundary, or in the last bytes, is where a byte-by-byte walk finds it.
  @Test func sharedEndsAreFoundAcrossBlockBoundaries() {
    let base = [UInt8](repeating: 0x61, count: 2_000)
    for position in [0, 1, 511, 512, 513, 1_023, 1_024, 1_500, 1_999] {
      var changed = base
      changed[position] = 0x62
      base.withUnsafeBufferPointer { a in
        changed.withUnsafeBufferPointer { b in
          #expect(LineDiff.CommonEnds.sameBytes(a, b, upTo: 2_000, fromEnd: false) == position)
          #expect(LineDiff.CommonEnds.sameBytes(a, b, upTo: 2_000, fromEnd: true) == 1_999 - position)
          #expect(LineDiff.CommonEnds.sameBytes(a, b, upTo: 300, fromEnd: false) == min(position, 300))
        }
      }
    }
    let lines = (1...3_000).map { "line \($0)\n" }
    var edited = lines
    edited[1_799] = "edited\n"
    #expect(Self.added(lines.joined(), edited.joined()) == [1_800...1_800])
  }

  /// A new file's lines, as git counts them in its one hunk.
  @Test func linesAreCountedAsGitCountsThem() {
    let count = { (text: String) in Array(text.utf8).withUnsafeBufferPointer(LineDiff.lineCount) }
    #expect(count("") == 0)
    #expect(count("a") == 1)
    #expect(count("a\n") == 1)
    #expect(count("a\nb") == 2)
    #expect(count("\n\n") == 2)
    #expect(count("a\nb\n") == (Self.added("", "a\nb\n")?.first?.count ?? -1))
  }

  /// Past its edit budget the diff gives up, and the caller asks git.
  @Test func aChangeBeyondTheBudgetIsLeftToGit() {
    let old = (1...40).map { "old \($0)\n" }.joined()
    let new = (1...40).map { "new \($0)\n" }.joined()
    #expect(Self.added(old, new, maxEdits: 79) == nil)
    #expect(Self.added(old, new, maxEdits: 80) == [1...40])
  }

  /// git's binary test: a NUL in the first 8,000 bytes only.
  @Test func binaryIsANulInTheFirst8000Bytes() {
    let late = [UInt8](repeating: 0x61, count: 8000) + [0]
    #expect(late.withUnsafeBufferPointer(LineDiff.looksBinary) == false)
    #expect(([0x61, 0] as [UInt8]).withUnsafeBufferPointer(LineDiff.looksBinary))
  }

  /// Against git's own minimal diff, on seeded random edits of files made of a few repeated
  /// lines (where equally short scripts abound): the same number of added lines, and the lines
  /// left unmarked are a common subsequence of both versions, so the script is a shortest one.
  @Test func asShortAsGitsMinimalDiffOnRandomEdits() throws {
    let repository = try TemporaryRepository()
    var random = SeededGenerator(seed: 0x5EED_D1FF)
    let vocabulary = ["{\n", "}\n", "\n", "x = 1\n", "return\n", "token = t0k3n\n", "end"]
    for round in 0..<60 {
      var old = (0..<random.index(below: 30)).map { _ in random.element(of: vocabulary) }
      if random.index(below: 4) == 0 { old.append("last without newline") }
      var new = old
      for _ in 0..<(1 + random.index(below: 6)) {
        let at = random.index(below: new.count + 1)
        switch random.index(below: 3) {
        case 0: new.insert(random.element(of: vocabulary + ["new \(round)\n"]), at: at)
        case 1: if at < new.count { new.remove(at: at) }
        default: if at < new.count { new[at] = random.element(of: vocabulary) }
        }
      }
      let oldText = old.joined()
      let newText = new.joined()
      let ours = try #require(Self.added(oldText, newText), "round \(round)")
      let gits = try gitAddedLines(oldText, newText, in: repository, minimal: true)
      let change = "\(oldText.debugDescription) → \(newText.debugDescription)"
      #expect(Self.count(ours) == Self.count(gits), "round \(round): \(change)")
      #expect(Self.keepsACommonSubsequence(old: oldText, new: newText, added: ours), "round \(round)")
    }
  }

  /// On what commits look like (blocks of new lines in a real source file), exactly git's
  /// default diff.
  @Test func exactlyGitsDiffOnBlocksAddedToASourceFile() throws {
    let repository = try TemporaryRepository()
    let source = try String(contentsOfFile: #filePath, encoding: .utf8)
    var lines = Self.lines(source).map(String.init)
    let old = lines.joined()
    lines.insert("let apiKey = \"added-one\"\n", at: 12)
    lines.insert(contentsOf: ["// added\n", "let second = 2\n"], at: 40)
    lines[60] = "changed line\n"
    lines.removeSubrange(70..<73)
    let new = lines.joined()
    let ours = try #require(Self.added(old, new))
    #expect(ours == (try gitAddedLines(old, new, in: repository, minimal: false)))
    #expect(Self.count(ours) == 4)
  }

  static func count(_ ranges: [ClosedRange<Int>]) -> Int { ranges.reduce(0) { $0 + $1.count } }

  /// Whether the lines of `new` outside `added` appear in `old` in the same order.
  static func keepsACommonSubsequence(old: String, new: String, added: [ClosedRange<Int>]) -> Bool {
    let oldLines = lines(old)
    var next = 0
    for (index, line) in lines(new).enumerated() where !added.contains(where: { $0.contains(index + 1) }) {
      guard let found = oldLines[next...].firstIndex(of: line) else { return false }
      next = found + 1
    }
    return true
  }

  static func lines(_ text: String) -> [Substring] {
    var result: [Substring] = []
    var start = text.startIndex
    for index in text.indices where text[index] == "\n" {
      result.append(text[start...index])
      start = text.index(after: index)
    }
    if start < text.endIndex { result.append(text[start...]) }
    return result
  }

  /// git's added lines between two texts: their blobs diffed with `-U0`.
  func gitAddedLines(_ old: String, _ new: String, in repository: TemporaryRepository, minimal: Bool) throws
    -> [ClosedRange<Int>]
  {
    let a = try repository.blob(old)
    let b = try repository.blob(new)
    let patch = try repository.git(
      ["diff", "-U0", "--no-color"] + (minimal ? ["--minimal"] : []) + [a, b])
    let sections = StagedDiff.patchHunks(ArraySlice(Array((patch + "\n").utf8)))
    return sections.values.first?.added ?? []
  }
}
