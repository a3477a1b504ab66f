import Testing

@testable import HushCore

/// The text report's frame: `path:line:column:` first, the line with the secret masked and a
/// caret under it, never the plaintext.
@Suite struct TextReportTests {
  static let key = "sk" + "_live_" + "a1B2c3D4e5F6g7H8i9J0k1L2"

  /// The finding of `secret` (its first occurrence) in `text`, with its excerpt.
  static func finding(_ secret: String, in text: String, rule id: String = "stripe-secret-key") throws -> Finding {
    let rule = try RemediationTests.rule(id)
    let bytes = Array(text.utf8)
    let found = bytes.withUnsafeBufferPointer { ByteSearch.firstOffset(of: Array(secret.utf8), in: $0) }
    let start = try #require(found)
    let range = start..<(start + secret.utf8.count)
    let line = bytes[..<start].count(where: { $0 == 0x0A }) + 1
    let column = (bytes[..<start].lastIndex(of: 0x0A).map { start - $0 } ?? start + 1)
    var finding = Finding(
      rule: rule, path: "src/app.py", line: line, column: column, endLine: line, secret: Array(secret.utf8),
      secretRange: range, entropy: 4.5)
    finding.excerpt = bytes.withUnsafeBufferPointer { LineExcerpt(around: range, in: $0) }
    return finding
  }

  static func render(_ findings: [Finding], color: Bool = false) -> String {
    TextReport.render(ScanResult(findings: findings), options: ReportOptions(color: color))
  }

  @Test func theLineIsShownWithTheSecretMaskedAndACaretUnderIt() throws {
    let text = "import os\nclient = Client(api_key=\"\(Self.key)\", timeout=3)\n"
    let lines = Self.render([try Self.finding(Self.key, in: text)]).split(separator: "\n").map(String.init)
    #expect(lines[0] == "src/app.py:2:26: critical stripe-secret-key: Stripe live secret API key")
    #expect(lines[1] == "  2 | client = Client(api_key=\"sk_l********\", timeout=3)")
    #expect(lines[2] == "    |                          ^^^^^^^^^^^^ rank 100, entropy 4.5")
    #expect(lines[3].hasPrefix("    fix: "))
    let caret = try #require(lines[2].firstIndex(of: "^"))
    let masked = try #require(lines[1].firstRange(of: "sk_l"))
    #expect(
      lines[2].distance(from: lines[2].startIndex, to: caret)
        == lines[1].distance(from: lines[1].startIndex, to: masked.lowerBound))
    #expect(!lines.joined().contains(Self.key))
  }

  @Test func aLongLineIsCutAroundTheSecretWithTheCaretStillUnderIt() throws {
    let text = String(repeating: "a", count: 500) + " = '\(Self.key)' " + String(repeating: "z", count: 500)
    let lines = Self.render([try Self.finding(Self.key, in: text)]).split(separator: "\n").map(String.init)
    #expect(lines[1].hasPrefix("  1 | …aaa") && lines[1].hasSuffix("zzz…"))
    #expect(lines[1].count < 160, "at most \(LineExcerpt.reach) bytes either side")
    let caret = try #require(lines[2].firstIndex(of: "^"))
    let masked = try #require(lines[1].firstRange(of: "sk_l"))
    #expect(
      lines[2].distance(from: lines[2].startIndex, to: caret)
        == lines[1].distance(from: lines[1].startIndex, to: masked.lowerBound))
  }

  @Test func controlCharactersOfTheLineCannotReachTheTerminal() throws {
    let text = "\t\u{1B}[2Jkey=\(Self.key)\r\n"
    let lines = Self.render([try Self.finding(Self.key, in: text)]).split(separator: "\n").map(String.init)
    #expect(lines[1] == "  1 |  \\u001b[2Jkey=sk_l********", "the tab is a space, ESC is escaped, the CR dropped")
    #expect(!lines[1].contains("\u{1B}"))
    let caret = try #require(lines[2].firstIndex(of: "^"))
    #expect(lines[2].distance(from: lines[2].startIndex, to: caret) == "  1 |  \\u001b[2Jkey=".count)
  }

  @Test func anotherSecretOnTheSameLineIsMaskedToo() throws {
    let other = "sk" + "_live_" + "Z9y8X7w6V5u4T3s2R1q0P9o8"
    let text = "keys = ['\(Self.key)', '\(other)']\n"
    let report = Self.render([try Self.finding(Self.key, in: text), try Self.finding(other, in: text)])
    #expect(!report.contains(Self.key) && !report.contains(other))
    #expect(report.contains("  1 | keys = ['sk_l********', '********']"))
    #expect(report.contains("  1 | keys = ['********', 'sk_l********']"))
  }

  @Test func aSecretRunningPastItsLineEndsTheExcerpt() throws {
    let body = "-----BEGIN " + "PRIVATE KEY-----\nMIIB\n-----END " + "PRIVATE KEY-----"
    let excerpt = Array("key = \"\(body)\"\n".utf8).withUnsafeBufferPointer { bytes in
      LineExcerpt(around: 7..<(7 + body.utf8.count), in: bytes)
    }
    #expect(excerpt.rendered(secret: "S", masking: []).line == "key = \"S")
  }

  @Test func criticalAndHighHaveDistinctColours() throws {
    let critical = Self.render([try Self.finding(Self.key, in: "k = \(Self.key)\n")], color: true)
    let token = "ghp" + "_" + String(repeating: "a1B2", count: 9)
    let highRule = try #require(CatalogTests.catalog.rules.first { $0.severity == .high })
    let high = TextReport.render(
      ScanResult(findings: [try Self.finding(token, in: "t = \(token)\n", rule: highRule.id)]),
      options: ReportOptions(color: true))
    #expect(critical.contains("\u{1B}[1;37;41mcritical"))
    #expect(high.contains("\u{1B}[1;31mhigh"))
    #expect(
      !Self.render([try Self.finding(Self.key, in: "k = \(Self.key)\n")]).contains("\u{1B}"), "no colour unless asked")
  }
}
