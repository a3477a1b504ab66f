import Testing

@testable import HushCore

/// `Remediation`: one entry per secret with what to rotate, how long it has been exposed (at an
/// injected `now`), and the purge commands in order.
@Suite struct RemediationTests {
  static let day = 86_400

  static func rule(_ id: String) throws -> Rule {
    try #require(CatalogTests.catalog.rules.first { $0.id == id })
  }

  static func finding(
    _ rule: Rule, _ secret: String, path: String, time: Int, inHead: Bool = false, otherPaths: [String] = []
  ) -> Finding {
    var finding = Finding(
      rule: rule, path: path, line: 1, column: 1, endLine: 1, secret: Array(secret.utf8),
      secretRange: 0..<secret.utf8.count, entropy: 4)
    var origin = Origin(
      commit: Commit(id: "c\(time)", parents: [], author: "A", email: "a@x.invalid", time: time, subject: "s"))
    origin.isInHead = inHead
    origin.otherPaths = otherPaths
    finding.origin = origin
    return finding
  }

  static func plan(_ findings: [Finding], now: Int, purgeFile: String? = nil) -> Remediation {
    Remediation(findings: findings, fingerprinter: Fingerprinter(salt: [1, 2, 3]), now: now, purgeFile: purgeFile)
  }

  @Test func oneEntryPerSecretWithItsProvidersRotationAndExposure() throws {
    let stripe = try Self.rule("stripe-secret-key")
    let github = try Self.rule("github-pat-classic")
    let key = "sk" + "_live_" + "a1B2c3D4e5F6g7H8i9J0k1L2"
    let token = "ghp" + "_" + String(repeating: "a1B2", count: 9)
    let now = 1_000 * Self.day
    let plan = Self.plan(
      [
        Self.finding(stripe, key, path: "b.py", time: now - 10 * Self.day, otherPaths: ["c.py"]),
        Self.finding(stripe, key, path: "a.py", time: now - 30 * Self.day - 1, inHead: true),
        Self.finding(github, token, path: "ci.yml", time: now - Self.day + 1),
      ], now: now)
    #expect(plan.secrets.map(\.rule.id) == ["stripe-secret-key", "github-pat-classic"])
    let first = plan.secrets[0]
    #expect(first.paths == ["a.py", "b.py", "c.py"])
    #expect(first.occurrences == 3)
    #expect(first.isInHead)
    #expect(first.firstCommit.id == "c\(now - 30 * Self.day - 1)", "the oldest introduction")
    #expect(first.exposedDays == 30, "whole days since the oldest introduction")
    #expect(plan.secrets[1].exposedDays == 0, "less than a day")
    #expect(first.rule.rotate == stripe.rotate && plan.secrets[1].rule.rotate == github.rotate)
    #expect(first.rule.rotate != github.rotate, "each provider's own rotation")
    #expect(first.redacted == "sk_l" + Redaction.mask)
    #expect(first.fingerprint == Fingerprinter(salt: [1, 2, 3]).fingerprint(rule: stripe.id, secret: Array(key.utf8)))
  }

  @Test func aClockBehindTheCommitIsNoNegativeExposure() throws {
    let plan = Self.plan([Self.finding(try Self.rule("stripe-secret-key"), "sk_x", path: "a", time: 500)], now: 100)
    #expect(plan.secrets.first?.exposedDays == 0)
  }

  @Test func findingsWithoutAnOriginArePlannedNowhere() throws {
    var finding = Self.finding(try Self.rule("stripe-secret-key"), "sk_x", path: "a", time: 1)
    finding.origin = nil
    #expect(Self.plan([finding], now: 10).secrets.isEmpty)
    #expect(Self.plan([finding], now: 10).purgeSteps.isEmpty)
  }

  @Test func purgeRewritesTextThenWholeFilesThenForcePushes() throws {
    let stripe = try Self.rule("stripe-secret-key")
    let dotenv = try #require(SensitiveFiles.rule(for: ".env"))
    let findings = [
      Self.finding(stripe, "sk" + "_live_key", path: "a.py", time: 1),
      Self.finding(dotenv, "", path: "config/.env", time: 2), Self.finding(dotenv, "", path: "it's.env", time: 3),
    ]
    #expect(
      Self.plan(findings, now: 10).purgeSteps == [
        "hush history --write-purge-file ../hush-purge.txt",
        "git filter-repo --sensitive-data-removal --replace-text ../hush-purge.txt",
        #"git filter-repo --sensitive-data-removal --invert-paths --path config/.env --path 'it'\''s.env'"#,
        "git push --force --mirror origin",
        "Everyone re-clones (old clones still hold the secrets); ask the host to drop cached views and pull-request refs.",
      ])
    let written = Self.plan(findings, now: 10, purgeFile: "/tmp/purge file.txt").purgeSteps
    #expect(written.first == "git filter-repo --sensitive-data-removal --replace-text '/tmp/purge file.txt'")
    let onlyFiles = Self.plan(Array(findings.dropFirst()), now: 10).purgeSteps
    #expect(!onlyFiles.contains { $0.contains("--replace-text") }, "nothing to replace inside files")
  }

  @Test func replacementsAreOneLineEachWithMultiLineKeysAsRegexes() throws {
    let stripe = try Self.rule("stripe-secret-key")
    let pem = try Self.rule("private-key-pem")
    let key = "sk" + "_live_" + "a.b+c"
    let block = "-----BEGIN KEY-----\r\nQUJD\n-----END KEY-----"
    let text = String(
      decoding: Self.plan(
        [Self.finding(stripe, key, path: "a", time: 1), Self.finding(pem, block, path: "k", time: 2)], now: 3
      ).replacements, as: UTF8.self)
    #expect(
      text == "# Written by hush history: plaintext secrets. Delete this file after the purge.\n"
        + "literal:" + key + "==>***REMOVED***\n"
        + #"regex:\-\-\-\-\-BEGIN\ KEY\-\-\-\-\-\r\nQUJD\n\-\-\-\-\-END\ KEY\-\-\-\-\-==>***REMOVED***"# + "\n")
  }
}
