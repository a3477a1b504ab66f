import Foundation
import Testing

/// What teams bring from gitleaks, detect-secrets, ggshield, trufflehog and Kingfisher keeps
/// working: their inline markers and gitleaks' ignore file.
@Suite struct MigrationTests {
  @Test func everyPeersInlineMarkerAllowsItsLine() throws {
    let fake = Fake(seed: 2301)
    let box = try Sandbox()
    let markers = [
      "# ggignore", "# gitleaks:allow", "# pragma: allowlist secret", "# trufflehog:ignore", "# kingfisher:ignore",
    ]
    for (index, marker) in markers.enumerated() {
      try box.write("m\(index).py", "KEY = '" + fake.stripeKey() + "'  " + marker + "\n")
    }
    let run = try hush(["scan", "--format", "json", "."], in: box.url)
    #expect(run.status == 0, "\(run.stdout)")
  }

  @Test func detectSecretsNextLineMarkerAllowsOnlyTheLineBelow() throws {
    let fake = Fake(seed: 2302)
    let box = try Sandbox()
    try box.write(
      "a.yml",
      "# pragma: allowlist nextline secret\nkey: " + fake.stripeKey() + "\nother: " + fake.stripeKey() + "\n")
    let run = try hush(["scan", "--format", "json", "."], in: box.url)
    #expect(run.status == 1)
    #expect(try run.findings().map { $0["line"] as? Int } == [3])
  }

  @Test func gitleaksIgnoreEntriesAllowTheirLines() throws {
    let fake = Fake(seed: 2303)
    let box = try Sandbox(git: true)
    try box.write("a.py", "A = 1\nKEY = '" + fake.stripeKey() + "'\n")
    try box.write("b.py", "KEY = '" + fake.stripeKey() + "'\n")
    try box.git(["add", "."])
    try box.git(["commit", "-q", "-m", "keys"])
    let commit = try box.git(["rev-parse", "HEAD"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    // gitleaks' own rule ids: Hush's differ, so the file and line decide.
    try box.write(".gitleaksignore", "# reviewed\na.py:stripe-access-token:2\n\(commit):b.py:generic-api-key:1\n")
    let scan = try hush(["scan", "--format", "json", "--explain", "."], in: box.url)
    #expect(try scan.findings().map { $0["file"] as? String } == ["b.py"], "a commit-scoped entry needs a commit")
    #expect(scan.stderr.contains("a.py:2:8 stripe-secret-key: not reported: listed in .gitleaksignore"))
    let history = try hush(["history", "--format", "json"], in: box.url)
    #expect(history.status == 0, "\(history.stdout)")
  }

  @Test func aWrongLineInTheIgnoreFileAllowsNothing() throws {
    let fake = Fake(seed: 2304)
    let box = try Sandbox(git: true)
    try box.write("a.py", "KEY = '" + fake.stripeKey() + "'\n")
    try box.write(".gitleaksignore", "a.py:stripe:7\nnot a fingerprint\n")
    let run = try hush(["scan", "--format", "json", "."], in: box.url)
    #expect(run.status == 1)
  }
}
