import Foundation
import Testing

/// `--explain`: users must never wonder why a finding vanished.
@Suite struct ExplainTests {
  static func lines(_ run: Run) -> [String] {
    run.stderr.split(separator: "\n").filter { $0.hasPrefix("explain: ") }.map(String.init)
  }

  @Test func everyDropSaysWhyWithoutTheSecret() throws {
    let fake = Fake(seed: 401)
    let box = try Sandbox(git: true)
    let token = "ghp_" + fake.random(36)
    let allowed = fake.stripeKey()
    let baselined = fake.stripeKey()
    try box.write(
      "a.txt",
      [
        "API" + "_KEY=your_api_key_here",
        "password = \"aaaaaaaaaaaa\"",
        "GH=" + token,
        "k=" + allowed + " # hush:allow",
        "STRIPE=sk_live_zzstop" + fake.random(18),
      ].joined(separator: "\n") + "\n")
    try box.write("known.txt", "k=" + baselined + "\n")
    try box.write("vendor/x.txt", "k=" + fake.stripeKey() + "\n")
    try box.write("blob.bin", Data([0, 1, 2]))
    try box.write(".hush.toml", "[allowlist]\npaths = [\"vendor/*\"]\nstopwords = [\"zzstop\"]\n")
    try box.git(["add", "-A"])
    #expect(try hush(["baseline", "known.txt"], in: box.url).status == 0)

    let run = try hush(["scan", "--explain"], in: box.url)
    #expect(run.status == 0, "\(run.stdout)")
    let lines = Self.lines(run)
    let expected = [
      "a.txt:1:9 cand-assign: not reported: confidence 0.",
      "a.txt:2:13 cand-assign: not reported: confidence 0.",
      "a.txt:3:4 github-pat-classic: not reported: failed github-checksum validation",
      "a.txt:4:3 stripe-secret-key: not reported: an inline ignore marker on its line",
      "a.txt:5:8 stripe-secret-key: not reported: allowed by allowlist.stopwords \"zzstop\"",
      "known.txt:1:3 stripe-secret-key: not reported: in the baseline",
      "vendor/x.txt: not scanned: allowlisted path",
      "blob.bin: not scanned: binary",
    ]
    for line in expected { #expect(lines.contains { $0.contains(line) }, "missing: \(line)\n\(run.stderr)") }
    for secret in [token, allowed, baselined] { #expect(!run.stderr.contains(secret)) }
    let unasked = try hush(["scan"], in: box.url)
    #expect(unasked.status == 0)
    #expect(Self.lines(unasked).isEmpty, "only when asked")
  }

  @Test func stagedExplainsLinesTheCommitDoesNotAdd() throws {
    let fake = Fake(seed: 402)
    let key = fake.stripeKey()
    let box = try StagedTests.repository(["cfg.py": "KEY = '" + key + "'\n"])
    try box.write("cfg.py", "KEY = '" + key + "'\nDEBUG = True\n")
    try box.git(["add", "cfg.py"])
    let run = try hush(["staged", "--explain"], in: box.url)
    #expect(run.status == 0)
    #expect(
      Self.lines(run).contains(
        "explain: cfg.py:1:8 stripe-secret-key: not reported: on a line this commit does not add"))
  }
}
