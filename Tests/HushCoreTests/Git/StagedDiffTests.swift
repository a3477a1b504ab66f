import Testing

@testable import HushCore

@Suite struct StagedDiffTests {
  static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

  @Test func rawRecordsThenPatch() throws {
    let blob = String(repeating: "1", count: 40)
    let zero = String(repeating: "0", count: 40)
    let output = Self.bytes(
      ":000000 100644 \(zero) \(blob) A\0new file.txt\0"
        + ":100644 100644 \(zero) \(blob) M\0lib/a.c\0"
        + ":120000 100644 \(zero) \(blob) R087\0old\0moved\0\0"
        + "diff --git a/new file.txt b/new file.txt\nnew file mode 100644\n--- /dev/null\n+++ b/new file.txt\n@@ -0,0 +1,3 @@\n+a\n+b\n+c\n"
        + "diff --git a/lib/a.c b/lib/a.c\n--- a/lib/a.c\n+++ b/lib/a.c\n@@ -2 +2 @@ ctx\n-x\n+y\n@@ -9,2 +9,0 @@\n-p\n-q\n@@ -20,0 +19,2 @@\n+r\n+s\n"
        + "diff --git a/old b/moved\nsimilarity index 87%\nrename from old\nrename to moved\n@@ -4,0 +5 @@\n+t\n")
    let files = try StagedDiff.parse(output)
    #expect(files.map(\.path) == ["new file.txt", "lib/a.c", "moved"])
    #expect(files.map(\.status) == ["A", "M", "R"])
    #expect(files[0].addedLines == [1...3])
    #expect(files[1].addedLines == [2...2, 19...20])
    #expect(files[2].addedLines == [5...5])
    #expect(files[0].blob == blob)
    #expect(files[1].touchesAddedLine(20...25))
    #expect(!files[1].touchesAddedLine(3...18))
  }

  @Test func quotedPathsAreUnquoted() {
    let header = Self.bytes(#""a/tab\there\303\251" "b/tab\there\303\251""#)
    #expect(StagedDiff.headerPath(header[...]) == "tab\there\u{e9}")
    #expect(CQuote.unquote(Self.bytes(#""new\nline\\\"""#)[...]) == Self.bytes("new\nline\\\""))
    #expect(CQuote.unquote(Self.bytes(#""unterminated"#)[...]) == nil)
  }

  @Test func binarySectionsAreMarked() throws {
    let blob = String(repeating: "2", count: 40)
    let output = Self.bytes(
      ":000000 100644 \(blob) \(blob) A\0data.bin\0\0diff --git a/data.bin b/data.bin\nBinary files /dev/null and b/data.bin differ\n"
    )
    let files = try StagedDiff.parse(output)
    #expect(files.first?.everyLineAdded == true)
    #expect(files.first?.addedLines.isEmpty == true)
  }

  /// Hunk headers git never writes are ignored, never trapped on: a line count that runs past
  /// Int.max overflowed, and a signed start marked lines before the file.
  @Test func hunkHeadersOutOfRangeAreIgnored() {
    #expect(StagedDiff.addedRange(Self.bytes("@@ -1 +3,2 @@")[...]) == 3...4)
    #expect(StagedDiff.addedRange(Self.bytes("@@ -1 +0,0 @@")[...]) == nil)
    #expect(StagedDiff.addedRange(Self.bytes("@@ -1 +\(Int.max),2 @@")[...]) == nil)
    #expect(StagedDiff.addedRange(Self.bytes("@@ -1 +\(Int.max) @@")[...]) == Int.max...Int.max)
    #expect(StagedDiff.addedRange(Self.bytes("@@ -1 +-5,2 @@")[...]) == nil)
    #expect(StagedDiff.addedRange(Self.bytes("@@ -1 ++5,+2 @@")[...]) == nil)
  }

  @Test func malformedRawRecordIsAnError() {
    #expect(throws: GitError.self) { try StagedDiff.parse(Self.bytes(":100644 100644 x\0")) }
  }
}
