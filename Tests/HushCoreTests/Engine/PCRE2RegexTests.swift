import Testing

@testable import HushCore

@Suite struct PCRE2RegexTests {
  static let cases: [(pattern: String, subject: String)] = [
    (#"\bghp_[A-Za-z0-9]{6}\b"#, "x ghp_a1B2c3 y ghp_zzzzzz"),
    (#"(?i)pass(?:word)?\s*=\s*(\S+)"#, "PASSWORD = hunter2\npass=x"),
    (#"^key=(\w+)$"#, "a\nkey=value\nkey=other"),
    (#"(a|ab)(c|bcd)(d*)"#, "abcd abcd"),
    (#"(?<=@)[a-z]+"#, "user@host and @other"),
  ]

  @Test(arguments: cases)
  func jitAndInterpreterAgree(_ testCase: (pattern: String, subject: String)) throws {
    let jit = try PCRE2Regex(testCase.pattern, name: "t", jit: true)
    let interpreted = try PCRE2Regex(testCase.pattern, name: "t", jit: false)
    #expect(jit.isJITCompiled && !interpreted.isJITCompiled)
    let a = try jit.allMatches(in: testCase.subject)
    let b = try interpreted.allMatches(in: testCase.subject)
    #expect(!a.isEmpty)
    #expect(a == b)
  }

  @Test func compileErrorNamesRuleAndOffset() {
    #expect(throws: RegexError.self) { try PCRE2Regex("abc(def", name: "my-rule") }
    do {
      _ = try PCRE2Regex("ab[c", name: "my-rule")
      Issue.record("expected an error")
    } catch {
      #expect(error.description.contains("rule 'my-rule'"))
      #expect(error.description.contains("offset"))
    }
  }

  @Test func capturesGroupsAndReportsUnsetOnes() throws {
    let regex = try PCRE2Regex(#"(a)|(b)"#, name: "t")
    let match = try #require(try regex.allMatches(in: "b").first)
    #expect(match.group(1) == nil)
    #expect(match.group(2) == 0..<1)
  }

  @Test func windowBoundsAreRespectedAndLookbehindSeesBeforeStart() throws {
    let regex = try PCRE2Regex(#"(?<=k=)\d+"#, name: "t")
    let bytes = Array("k=123 k=456".utf8)
    try bytes.withUnsafeBufferPointer { buffer in
      let scratch = MatchScratch()
      // Start after "k=": the lookbehind still sees it.
      let first = try regex.firstMatch(in: buffer, from: 2, to: buffer.count, scratch: scratch)
      #expect(first?.range == 2..<5)
      // End before the second number: it must not be read.
      let bounded = try regex.allMatches(in: buffer, from: 5, to: 8, scratch: scratch)
      #expect(bounded.isEmpty)
    }
  }

  @Test func lineAnchorsMatchAtLineStarts() throws {
    let regex = try PCRE2Regex(#"^tok=(\w+)"#, name: "t")
    #expect(try regex.allMatches(in: "a\ntok=1\ntok=2").count == 2)
  }

  @Test func catastrophicPatternHitsLimitInsteadOfHanging() throws {
    let regex = try PCRE2Regex(#"^(a+)+$"#, name: "slow", jit: false)
    let subject = String(repeating: "a", count: 40) + "!"
    do {
      _ = try regex.allMatches(in: subject)
      Issue.record("expected the match limit to stop the search")
    } catch {
      #expect(error.isResourceLimit)
    }
  }

  @Test func sharedAcrossThreads() async throws {
    let regex = try PCRE2Regex(#"key-(\d{4})"#, name: "t")
    let subject = (0..<200).map { "key-\(1000 + $0) " }.joined()
    let counts = await withTaskGroup(of: Int.self) { group in
      for _ in 0..<8 {
        group.addTask { (try? regex.allMatches(in: subject, scratch: MatchScratch()).count) ?? -1 }
      }
      return await group.reduce(into: []) { $0.append($1) }
    }
    #expect(counts == Array(repeating: 200, count: 8))
  }
}
