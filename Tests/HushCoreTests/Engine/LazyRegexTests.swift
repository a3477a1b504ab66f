import Testing

@testable import HushCore

@Suite struct LazyRegexTests {
  private func matches(_ regex: LazyRegex, _ subject: [UInt8]) throws -> [RegexMatch] {
    try subject.withUnsafeBufferPointer { buffer in
      try regex.allMatches(in: buffer, from: 0, to: buffer.count, scratch: MatchScratch())
    }
  }

  @Test func interpretedUntilItHasEarnedTheJIT() throws {
    let regex = LazyRegex(pattern: #"key=(\w+)"#, name: "t", jit: true)
    let subject = Array("a key=one b key=two".utf8)
    let first = try matches(regex, subject)
    #expect(try !regex.regex().isJITCompiled)
    for _ in 0..<LazyRegex.interpretedWindows { #expect(try matches(regex, subject) == first) }
    #expect(try regex.regex().isJITCompiled)
    #expect(first.count == 2)
  }

  @Test func withoutJITNeverCompilesIt() throws {
    let regex = LazyRegex(pattern: "x", name: "t", jit: false)
    for _ in 0...LazyRegex.interpretedWindows { _ = try matches(regex, Array("xx".utf8)) }
    #expect(try !regex.regex().isJITCompiled)
  }

  /// The interpreter's depth limit gives up where the JIT (which has none) finds the match:
  /// the window is searched again, JIT-compiled, so the result is the JIT's.
  @Test func aWindowTheInterpreterGivesUpOnIsSearchedWithTheJIT() throws {
    let subject = Array(String(repeating: "ab", count: 15_000).utf8) + Array("c".utf8)
    let interpreted = LazyRegex(pattern: "(?:a|b)*c", name: "t", jit: false)
    #expect(throws: RegexError.self) { try matches(interpreted, subject) }
    let regex = LazyRegex(pattern: "(?:a|b)*c", name: "t", jit: true)
    let found = try matches(regex, subject)
    #expect(found.map(\.range) == [0..<subject.count])
    #expect(try regex.regex().isJITCompiled)
  }

  @Test func compileNowReportsABadPatternUpFront() {
    #expect(throws: RegexError.self) { try LazyRegex(pattern: "a(b", name: "t", jit: true).compileNow() }
  }
}
