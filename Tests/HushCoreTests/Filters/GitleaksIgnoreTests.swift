import Testing

@testable import HushCore

@Suite struct GitleaksIgnoreTests {
  @Test func readsBothFingerprintShapesFromTheRight() {
    let commit = String(repeating: "ab", count: 20)
    #expect(GitleaksIgnore.entry("src/a.py:aws-access-token:12") == .init(commit: nil, path: "src/a.py", line: 12))
    #expect(GitleaksIgnore.entry("\(commit):b.env:x:3") == .init(commit: commit, path: "b.env", line: 3))
    #expect(
      GitleaksIgnore.entry("dir:with:colons/c.txt:rule:4") == .init(commit: nil, path: "dir:with:colons/c.txt", line: 4)
    )
    #expect(GitleaksIgnore.entry("./d.txt:rule:5")?.path == "d.txt")
  }

  @Test func skipsWhatIsNotAFingerprint() {
    for line in ["", "# a comment", "just words", "a.py:rule:zero", "a.py:rule:0", ":rule:3"] {
      #expect(GitleaksIgnore.entry(line) == nil, "\(line)")
    }
  }
}
