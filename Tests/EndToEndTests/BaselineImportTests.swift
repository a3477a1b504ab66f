import Foundation
import Testing

/// `hush baseline --import`: migrating a repository from detect-secrets or gitleaks keeps the
/// secrets those tools had accepted accepted, and only those.
@Suite struct BaselineImportTests {
  /// SHA-1 hex of `text`, as detect-secrets' `hashed_secret` (by coreutils, not by Hush).
  static func sha1(_ text: String, in box: Sandbox) throws -> String {
    try box.write("sha1.in", text)
    let run = try execute(URL(fileURLWithPath: "/usr/bin/env"), ["sha1sum", "sha1.in"], in: box.url)
    try FileManager.default.removeItem(at: box.url.appendingPathComponent("sha1.in"))
    return String(run.stdout.prefix(40))
  }

  /// Four files, a secret in each: a.py and b.py accepted by the other tool (b.py only by its
  /// line), c.py accepted at a line where nothing is, d.py never accepted.
  static func repository(seed: UInt64) throws -> (Sandbox, keys: [String]) {
    let fake = Fake(seed: seed)
    let box = try Sandbox(git: true)
    let keys = (0..<4).map { _ in fake.stripeKey() }
    for (name, key) in zip(["a", "b", "c", "d"], keys) { try box.write("\(name).py", "x = 1\nKEY = '\(key)'\n") }
    return (box, keys)
  }

  static func detectSecretsBaseline(_ keys: [String], in box: Sandbox) throws -> String {
    func entry(_ path: String, _ hash: String, line: Int) -> String {
      """
      "\(path)": [{"type": "Stripe Access Key", "filename": "\(path)", "hashed_secret": "\(hash)",
                  "is_verified": false, "line_number": \(line)}]
      """
    }
    let entries = [
      entry("a.py", try sha1(keys[0], in: box), line: 2),
      entry("./b.py", try sha1("'" + keys[1] + "'", in: box), line: 2),
      entry("c.py", try sha1("not there", in: box), line: 1),
    ]
    return """
      {"version": "1.5.0", "plugins_used": [{"name": "StripeDetector"}], "filters_used": [],
       "results": {\(entries.joined(separator: ",\n"))}, "generated_at": "2026-01-01T00:00:00Z"}
      """
  }

  static func reportedFiles(_ box: Sandbox) throws -> [String] {
    let scan = try hush(["scan", "--format", "json"], in: box.url)
    return try scan.findings().compactMap { $0["file"] as? String }.sorted()
  }

  @Test func aDetectSecretsBaselineAcceptsWhatItHashedOrItsLine() throws {
    let (box, keys) = try Self.repository(seed: 1701)
    try box.write(".secrets.baseline", try Self.detectSecretsBaseline(keys, in: box))
    let run = try hush(["baseline", "--import", ".secrets.baseline"], in: box.url)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stderr.contains("(detect-secrets baseline): 2 of 3 entries matched"), "\(run.stderr)")
    #expect(run.stderr.contains("1 by secret, 1 by line only"))
    #expect(run.stderr.contains("not imported: c.py:1 (Stripe Access Key)"))
    #expect(!keys.contains { run.stderr.contains($0) })
    #expect(try Self.reportedFiles(box) == ["c.py", "d.py"], "the hashes of .secrets.baseline are no finding")
  }

  @Test func aGitleaksReportAcceptsItsSecretsEvenRedacted() throws {
    let (box, keys) = try Self.repository(seed: 1702)
    let report = """
      [{"RuleID": "stripe-access-token", "File": "a.py", "StartLine": 2, "Secret": "\(keys[0])", "Fingerprint": "a.py:stripe-access-token:2"},
       {"RuleID": "stripe-access-token", "File": "b.py", "StartLine": 2, "Secret": "REDACTED", "Fingerprint": "b.py:stripe-access-token:2"}]
      """
    try box.write("../gitleaks-report-\(1702).json", report)
    let file = box.url.deletingLastPathComponent().appendingPathComponent("gitleaks-report-1702.json").path
    defer { try? FileManager.default.removeItem(atPath: file) }
    let run = try hush(["baseline", "--import", file], in: box.url)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(
      run.stderr.contains("(gitleaks report): 2 of 2 entries matched today's findings (1 by secret, 1 by line only)"))
    #expect(try Self.reportedFiles(box) == ["c.py", "d.py"])
  }

  @Test func updateKeepsWhatTheHushBaselineKnewAndAddsTheImport() throws {
    let (box, keys) = try Self.repository(seed: 1703)
    try box.write("d.py", "nothing\n")
    #expect(try hush(["baseline"], in: box.url).status == 0)
    try box.write("d.py", "x = 1\nKEY = '\(Fake(seed: 1704).stripeKey())'\n")
    try box.write(".secrets.baseline", try Self.detectSecretsBaseline(keys, in: box))
    let refused = try hush(["baseline", "--import", ".secrets.baseline"], in: box.url)
    #expect(refused.status == 2, "an existing baseline is not overwritten without --update")
    let run = try hush(["baseline", "--import", ".secrets.baseline", "--update"], in: box.url)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(try Self.reportedFiles(box) == ["d.py"], "a, b, c known before; the import adds nothing new there")
  }

  @Test func aFileOfNeitherFormatOrNoFileIsAnError() throws {
    let box = try Sandbox(git: true)
    try box.write("other.json", "{\"findings\": []}\n")
    let wrong = try hush(["baseline", "--import", "other.json"], in: box.url)
    #expect(wrong.status == 2)
    #expect(wrong.stderr.contains("other.json: neither a detect-secrets baseline"))
    let missing = try hush(["baseline", "--import", "nope.json"], in: box.url)
    #expect(missing.status == 2)
    #expect(missing.stderr.contains("cannot read nope.json"))
    #expect(!FileManager.default.fileExists(atPath: box.url.appendingPathComponent(".hush-baseline.json").path))
  }
}
