import HushTestSupport
import Testing

@testable import HushCore

/// The candidate prechecks must never change a finding: lines assembled at random (seeded) from
/// the pieces the candidate regexes care about (credential words, operators, quotes, brackets,
/// C's `->` and calls, flags, tags, UUID-like runs) are scanned with the checks on, off, and
/// without the prefilter, keeping every candidate (no confidence floor).
@Suite struct CandidatePrecheckTests {
  static let pieces = [
    "key", "Key", "KEY", "pass", "password", "token", "secret", "auth", "_pw", "client_id", "session", "sign",
    "->", "=", "==", "!=", ":", "::", ":=", "=>", "+=", "||=", "??=", "(", ")", "[", "]", "{", "<", ">", "</",
    "\"", "'", "`", "\\\"", "&quot;", " ", " ", "\t", "-", "--", "/", ".", ",", ";", "@", "with: ", "\n",
    "value", "name", "requirepass", "dictGetKey", "x", "3b9e", "72d4", "58a1", "7d14a8c5f3b1", "e-1",
    "Xa1Pdgrbnuom", "k3x9qe", "abc", "q7", "_", "$", "b", "Some(", "new Guid(", "||", "??", "|", "\\=", "0x9c, ",
    "12, ", "getenv(", "default=", "new byte[] {",
  ]
  static let candidateRules = RuleCatalog.bundled.rules.filter(\.isScored)

  static func detector(prefilter: Bool, precheck: Bool) -> Detector {
    Detector(
      catalog: RuleCatalog(rules: candidateRules),
      options: DetectorOptions(usePrefilter: prefilter, usePrecheck: precheck))
  }

  /// A line is a random mix of pieces, or a name and a value between random separators (so
  /// most rules' shapes appear, right and nearly right).
  static let leads = ["", "  ", "\t", "-", "--", "/", ":", "<", "\"", "x.", "fill_in :", "mysql -u r -p", "x = f("]
  static let names = ["key", "Key", "password", "db_pass", "api_token", "secret_key", "dictGetKey", "sign", "AUTH"]
  static let operators = [
    "=", " = ", ": ", "::", "(", "->", " ", "\t", ",", ", ", "==", ":=", "=>", "\" : ", "'=", "]=", "> ", ">",
    "&quot;:", " || ", "??", "\", ",
  ]
  static let opens = [
    "", "\"", "'", "`", "\\\"", "&quot;", "Some(\"", "@\"", "b'", "getenv(\"K\", \"", "process.env.K || '",
    "new byte[] { ", "[]byte{",
  ]
  static let values = [
    "Xa1Pdgrbnuom", "k3x9qe.Xa1P", "abc", "q7",
    "3b9e72d4-58a1-4c6f-9e20-7d14a8c5f3b1",  // hush:allow (a test value)
    "$X", "a b", "12|ab",
    "ab\\=cd", "1, 2, 3, 4, 5, 6, 7, 8",
  ]
  static let closes = ["", "\"", "'", ")", ">", "</key>", "</password>", "&quot;", ";", " x", "\")", "`"]

  static func randomText(lines: Int, seed: UInt64) -> [UInt8] {
    var generator = SeededGenerator(seed: seed)
    var text = ""
    for _ in 0..<lines {
      if generator.next() % 3 == 0 {
        let count = 2 + Int(generator.next() % 14)
        for _ in 0..<count { text += generator.element(of: pieces) }
      } else {
        for list in [leads, names, operators, opens, values, closes] { text += generator.element(of: list) }
      }
      text += "\n"
    }
    return Array(text.utf8)
  }

  @Test(arguments: [UInt64(1), 2, 3, 4])
  func prechecksChangeNoCandidate(seed: UInt64) throws {
    let text = Self.randomText(lines: 3_000, seed: seed)
    let key = { (finding: Finding) in "\(finding.rule.id)@\(finding.secretRange)" }
    let checked = try Self.detector(prefilter: true, precheck: true).scan(text).map(key)
    let unchecked = try Self.detector(prefilter: true, precheck: false).scan(text).map(key)
    let everyLine = try Self.detector(prefilter: false, precheck: false).scan(text).map(key)
    // The differences, not the arrays: thousands of candidates would drown the message.
    #expect(Set(checked).symmetricDifference(unchecked).sorted().prefix(5) == [])
    #expect(Set(checked).symmetricDifference(everyLine).sorted().prefix(5) == [])
    #expect(checked.count == unchecked.count && checked.count == everyLine.count)
    // Not vacuous: the random lines hold candidates of most rules.
    #expect(Set(checked.map { $0.prefix { $0 != "@" } }).count >= 6)
  }

  @Test func everyCandidateRuleOfAWordHasACheck() {
    let checked = Self.candidateRules.filter { CandidatePrecheck(rule: $0) != nil }.map(\.id)
    #expect(
      Set(checked) == [
        "cand-assign", "cand-call", "cand-flag", "cand-xml-element", "cand-spaced-config", "cand-symbol-argument",
        "cand-uuid",
      ])
  }

  @Test(arguments: [
    ("key->ptr = 1", false), ("dictGetKey(d, k)", false), ("key;", false), ("key = value", true),
    ("\"api_key\": \"x\"", true), ("password '123'", true), ("std::key::x", false),
  ])
  func assignmentNeedsAnOperatorAfterTheName(line: String, admitted: Bool) {
    let bytes = Array(line.utf8)
    let lower = Array(line.lowercased().utf8)
    let start = lower.indices.first { lower[$0...].starts(with: "key".utf8) || lower[$0...].starts(with: "pass".utf8) }
    guard let start else {
      Issue.record("no keyword in \(line)")
      return
    }
    let length = lower[start...].starts(with: "key".utf8) ? 3 : 4
    let result = bytes.withUnsafeBufferPointer { CandidatePrecheck.assignment.admits(start..<(start + length), in: $0) }
    #expect(result == admitted, "\(line)")
  }
}
