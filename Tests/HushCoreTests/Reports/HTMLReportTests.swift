import Foundation
import Testing

@testable import HushCore

/// `HTMLReport`: the post-leak page. Every value from the repository is escaped, a secret
/// appears only redacted, each section is there, and the page loads nothing from outside.
@Suite struct HTMLReportTests {
  static let day = 86_400
  static let now = 20_000 * day
  static let hostile = "<img src=x onerror=alert(1)>"

  static func commit(_ id: String, time: Int, author: String = "Alice", subject: String = "add config") -> Commit {
    Commit(id: id, parents: [], author: author, email: "alice@example.invalid", time: time, subject: subject)
  }

  static func finding(
    _ rule: Rule, _ secret: String, path: String, commit: Commit, inHead: Bool, removal: Commit? = nil,
    otherPaths: [String] = []
  ) -> Finding {
    var finding = Finding(
      rule: rule, path: path, line: 1, column: 1, endLine: 1, secret: Array(secret.utf8),
      secretRange: 0..<secret.utf8.count, entropy: 4)
    var origin = Origin(commit: commit)
    origin.isInHead = inHead
    origin.removal = removal
    origin.otherPaths = otherPaths
    origin.laterCommits = 2
    finding.origin = origin
    return finding
  }

  /// A Stripe key added, copied and removed; a GitHub token still in HEAD, by an author and
  /// at a path that are HTML; a `.env` whose name is HTML.
  struct Leak {
    let stripeKey: String
    let githubToken: String
    let page: String
  }

  static func leak(repository: String = "shop", seed: UInt64 = 1701) throws -> Leak {
    let fake = FakeSecrets(seed: seed)
    let stripeKey = "sk" + "_live_" + fake.random(24)
    let githubToken = fake.githubToken(prefix: "gh" + "p_")
    let stripe = try RemediationTests.rule("stripe-secret-key")
    let github = try RemediationTests.rule("github-pat-classic")
    let dotenv = try #require(SensitiveFiles.rule(for: ".env"))
    let added = commit("a1" + String(repeating: "0", count: 38), time: now - 40 * day)
    let copied = commit("b2" + String(repeating: "0", count: 38), time: now - 30 * day, subject: "copy it")
    let removed = commit("c3" + String(repeating: "0", count: 38), time: now - 10 * day, subject: "drop the key")
    let hostileCommit = commit(
      "d4" + String(repeating: "0", count: 38), time: now - 5 * day, author: "Mallory \(hostile)",
      subject: "fix \"quotes\" & 'apostrophes' </q><script>alert(2)</script>")
    let findings = [
      finding(stripe, stripeKey, path: "config.py", commit: added, inHead: false, removal: removed),
      finding(stripe, stripeKey, path: "backup/config.py", commit: copied, inHead: false, removal: removed),
      finding(github, githubToken, path: "ci/\(hostile).yml", commit: hostileCommit, inHead: true),
      finding(dotenv, "", path: "\(hostile).env", commit: hostileCommit, inHead: true, otherPaths: ["copy.env"]),
    ]
    var scan = ScanResult()
    scan.findings = findings
    let result = HistoryResult(scan: scan, commits: 4, blobs: 7)
    let remediation = Remediation(
      findings: findings, fingerprinter: Fingerprinter(salt: [1, 2, 3]), now: now, purgeFile: nil)
    let scope = HistoryScope(repository: repository, revisions: [], since: nil, now: now)
    return Leak(
      stripeKey: stripeKey, githubToken: githubToken,
      page: HTMLReport.render(result, remediation: remediation, scope: scope, version: "9.9.9"))
  }

  static func count(_ needle: String, in page: String) -> Int { page.components(separatedBy: needle).count - 1 }

  @Test func hostileValuesFromTheRepositoryRenderAsText() throws {
    let page = try Self.leak(repository: "repo\(Self.hostile)").page
    #expect(!page.contains("<img"), "no markup from a path, author or repository name")
    #expect(!page.contains("<script"), "no script from a commit subject")
    #expect(page.contains("&lt;img src=x onerror=alert(1)&gt;.env"), "the .env's path, as text")
    #expect(page.contains("ci/&lt;img src=x onerror=alert(1)&gt;.yml"))
    #expect(page.contains("Mallory &lt;img src=x onerror=alert(1)&gt;"))
    #expect(page.contains("&quot;quotes&quot; &amp; &#39;apostrophes&#39; &lt;/q&gt;&lt;script&gt;"))
    #expect(page.contains("<title>Hush leak report: repo&lt;img src=x onerror=alert(1)&gt;</title>"))
  }

  @Test func controlAndDirectionCharactersAreShownEscaped() {
    #expect(HTMLReport.escaped("a\u{1B}[2Jb\u{202E}c") == "a\\u001b[2Jb\\u202ec")
    #expect(HTMLReport.escaped("x\ny") == "x\\ny", "one value, one line")
  }

  @Test func secretsAppearOnlyRedacted() throws {
    let leak = try Self.leak()
    #expect(!leak.page.contains(leak.stripeKey))
    #expect(!leak.page.contains(leak.githubToken))
    #expect(!leak.page.contains(String(leak.stripeKey.suffix(24).prefix(8))), "no part past the public prefix")
    #expect(leak.page.contains("<code class=\"redacted\">sk_l\(Redaction.mask)</code>"))
    #expect(leak.page.contains("<code class=\"redacted\">ghp_\(Redaction.mask)</code>"))
    #expect(leak.page.contains("<code class=\"redacted\">whole file</code>"))
  }

  @Test func theSummaryCountsFindingsSecretsAndWhatHEADStillHolds() throws {
    let page = try Self.leak().page
    #expect(page.contains("<section id=\"summary\">"))
    #expect(page.contains("<dl data-key=\"repository\"><dt>Repository</dt><dd>shop</dd></dl>"))
    #expect(page.contains("<dt>Range scanned</dt><dd>every ref (--all)</dd>"))
    #expect(page.contains("<dl data-key=\"commits\"><dt>Commits scanned</dt><dd>4</dd></dl>"))
    #expect(page.contains("<dl data-key=\"blobs\"><dt>Unique blobs scanned</dt><dd>7</dd></dl>"))
    #expect(page.contains("<dl data-key=\"findings\"><dt>Findings</dt><dd>4</dd></dl>"))
    #expect(page.contains("<dl data-key=\"secrets\"><dt>Unique secrets</dt><dd>3</dd></dl>"))
    #expect(page.contains("<dl data-key=\"in-head\"><dt>Secrets still in HEAD</dt><dd>2</dd></dl>"))
    // Stripe and GitHub are critical (two findings of one Stripe secret, one token).
    let critical = try #require(page.components(separatedBy: "<tr data-severity=\"critical\">").dropFirst().first)
    #expect(
      critical.hasPrefix("<th scope=\"row\"><span class=\"badge critical\">critical</span></th><td>2</td><td>3</td>"))
  }

  @Test func eachSecretHasItsTimeline() throws {
    let page = try Self.leak().page
    #expect(Self.count("<article class=\"secret\"", in: page) == 3)
    let stripe = try #require(page.components(separatedBy: "<article").dropFirst().first)
    #expect(stripe.contains("stripe-secret-key"))
    #expect(stripe.contains("<strong>Introduced</strong> at <code class=\"path\">config.py</code>"))
    #expect(stripe.contains("<strong>Copied</strong> at <code class=\"path\">backup/config.py</code>"))
    #expect(stripe.contains("<div class=\"fate\">2 later commits carry it; not in HEAD</div>"))
    #expect(stripe.contains("<strong>Removed from the tree</strong>"))
    #expect(stripe.contains("after 30 days; it is still in the history until purged"))
    #expect(stripe.contains("Exposed 40 days so far (since \(HTMLReport.day(Self.now - 40 * Self.day)))"))
    #expect(!stripe.contains("Still in HEAD"))
    let github = try #require(page.components(separatedBy: "<article").dropFirst(2).first)
    #expect(github.contains("<strong>Still in HEAD</strong>"))
    let dotenv = try #require(page.components(separatedBy: "<article").dropFirst(3).first)
    #expect(dotenv.contains("<strong>Copied</strong> at <code class=\"path\">copy.env</code>"), "same blob, other path")
  }

  @Test func theChecklistRotatesAndAuditsEachSecretThenPurges() throws {
    let page = try Self.leak().page
    #expect(page.contains("<section id=\"checklist\">"))
    #expect(Self.count("<li class=\"check rotate\"><label><input type=\"checkbox\">", in: page) == 3)
    #expect(Self.count("<li class=\"check audit\"><label><input type=\"checkbox\">", in: page) == 3)
    let stripe = try RemediationTests.rule("stripe-secret-key")
    #expect(page.contains(HTMLReport.escaped(stripe.rotate)))
    #expect(page.contains("<code>hush history --write-purge-file ../hush-purge.txt</code>"))
    #expect(page.contains("--invert-paths --path"))
    #expect(page.contains("<code>git push --force --mirror origin</code>"))
    #expect(page.contains("<li class=\"check reclone\"><label><input type=\"checkbox\"> <span>Everyone re-clones"))
    #expect(page.contains(HTMLReport.escaped(Remediation.warning)))
  }

  @Test func thePageLoadsNothingFromOutsideAndRunsNoScript() throws {
    let page = try Self.leak().page
    #expect(page.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
    #expect(page.contains("<meta charset=\"utf-8\">"))
    #expect(page.contains("content=\"default-src 'none'; style-src 'unsafe-inline'\""))
    for external in ["src=\"", "href=", "url(", "@import", "<script", "<link", "<iframe", "<object"] {
      #expect(!page.contains(external), "\(external)")
    }
    #expect(page.contains("@media (prefers-color-scheme: dark)") && page.contains("@media print"))
  }

  @Test func aCleanHistoryIsSaidSo() {
    let remediation = Remediation(findings: [], fingerprinter: Fingerprinter(salt: [1]), now: Self.now, purgeFile: nil)
    let page = HTMLReport.render(
      HistoryResult(scan: ScanResult(), commits: 3, blobs: 2), remediation: remediation,
      scope: HistoryScope(repository: "r", revisions: ["v1.0..HEAD"], since: "2024-01-01", now: Self.now),
      version: "9.9.9")
    #expect(page.contains("No secret found in the scanned history."))
    #expect(page.contains("<dd>v1.0..HEAD, commits since 2024-01-01</dd>"))
    #expect(!page.contains("<section id=\"timelines\">") && !page.contains("<section id=\"checklist\">"))
  }
}
