import Testing

@testable import HushCore

@Suite struct TextTests {
  @Test func trimmingTakesOnlyWhatItNames() {
    #expect(" \t a b \t ".trimmingBlanks() == "a b")
    #expect("\n a \n".trimmingBlanks() == "\n a \n")
    #expect("\r\n/x/\n\n".trimmingNewlines() == "/x/")
    #expect(" \n a\tb \r\n".trimmingWhitespace() == "a\tb")
    #expect("  ".trimmingWhitespace() == "")
    #expect("//a/b//".trimming { $0 == "/" } == "a/b")
  }

  @Test func paddingFillsToTheWidthOrCutsThere() {
    #expect("ab".padded(to: 4) == "ab  ")
    #expect("abcdef".padded(to: 4) == "abcd")
    #expect("é".padded(to: 2) == "é ")
  }

  @Test func shellQuotingLeavesOnlyPlainASCIIWordsBare() {
    #expect(Shell.quoted("src/a-b_c.txt") == "src/a-b_c.txt")
    #expect(Shell.quoted("a b") == "'a b'")
    #expect(Shell.quoted("it's") == "'it'\\''s'")
    #expect(Shell.quoted("café") == "'café'")
    #expect(Shell.quoted("") == "''")
  }
}
