import Foundation
import Testing

extension Sandbox {
  /// Stages everything and commits it as `author` at `day` (2024-01-`day`), without hooks.
  func commitAll(_ message: String, author: String = "Alice", day: Int) throws {
    try git(["add", "-A"])
    let date = String(format: "2024-01-%02dT12:00:00Z", day)
    let run = try execute(
      URL(fileURLWithPath: "/usr/bin/env"),
      [
        "git", "-c", "user.name=\(author)", "-c", "user.email=\(author.lowercased())@example.invalid",
        "commit", "-q", "--no-verify", "--allow-empty", "-m", message,
      ],
      in: url, environment: ["GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date])
    #expect(run.status == 0, "commit: \(run.stderr)")
  }

  func head() throws -> String {
    try git(["rev-parse", "HEAD"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
  }
}

/// `hush history` against real repositories built commit by commit.
@Suite struct HistoryTests {
  @Test func attributesEachSecretToTheCommitThatAddedIt() throws {
    let fake = Fake(seed: 501)
    let box = try Sandbox(git: true)
    let key = fake.stripeKey()
    try box.write("app.py", "x = 1\n")
    try box.commitAll("start", author: "Bob", day: 1)
    try box.write("app.py", "x = 1\nKEY = '" + key + "'\n")
    try box.commitAll("add billing", author: "Alice", day: 2)
    let introducing = try box.head()
    try box.write("app.py", "x = 1\nKEY = '" + key + "'\ny = 2\n")
    try box.commitAll("unrelated edit", author: "Bob", day: 3)
    try box.write("README.md", "docs\n")
    try box.commitAll("docs", author: "Bob", day: 4)

    let run = try hush(["history", "--format", "json"], in: box.url)
    #expect(run.status == 1, "\(run.stderr)")
    let findings = try run.findings()
    #expect(findings.count == 1, "a secret carried by later versions is reported once")
    let finding = try #require(findings.first)
    #expect(finding["commit"] as? String == introducing)
    #expect(finding["author"] as? String == "Alice")
    #expect(finding["email"] as? String == "alice@example.invalid")
    #expect(finding["date"] as? String == "2024-01-02T12:00:00Z")
    #expect(finding["message"] as? String == "add billing")
    #expect(finding["file"] as? String == "app.py")
    #expect(finding["line"] as? Int == 2)
    #expect(finding["laterCommits"] as? Int == 2)
    #expect(finding["inHead"] as? Bool == true)
    #expect(!run.stdout.contains(key))
    #expect(!run.stderr.contains("\r"), "no progress line on a pipe")
  }

  @Test func anAuthorNameWithAnEscapeSequenceIsPrintedEscaped() throws {
    let fake = Fake(seed: 502)
    let box = try Sandbox(git: true)
    try box.write("app.py", "KEY = '" + fake.stripeKey() + "'\n")
    try box.commitAll("add\u{1B}]0;pwned\u{07} billing", author: "Eve\u{1B}[2J", day: 1)  // hush:allow (an author name)
    let run = try hush(["history"], in: box.url)
    #expect(run.status == 1, "\(run.stderr)")
    #expect(!run.stdout.contains("\u{1B}") && !run.stdout.contains("\u{07}"), "no raw control character")
    #expect(run.stdout.contains("Eve\\u001b[2J <eve\\u001b[2j@example.invalid>"), "\(run.stdout)")
    #expect(run.stdout.contains("by Eve\\u001b[2J"), "the remediation plan too")
    let json = try hush(["history", "--format", "json"], in: box.url)
    #expect(try json.findings().first?["author"] as? String == "Eve\u{1B}[2J", "JSON escapes, not rewrites")
  }

  @Test func aSecretInACommitMessageIsFoundAndRedactedFromTheSubject() throws {
    let fake = Fake(seed: 503)
    let box = try Sandbox(git: true)
    let key = fake.stripeKey()
    try box.write("app.py", "x = 1\n")
    try box.commitAll("rotate to " + key + " today", day: 1)
    let commit = try box.head()
    let run = try hush(["history", "--format", "json"], in: box.url)
    #expect(run.status == 1, "\(run.stderr)")
    let finding = try #require(try run.findings().first)
    #expect(finding["file"] as? String == "<commit message>" && finding["commit"] as? String == commit)
    #expect(finding["line"] as? Int == 1)
    let text = try hush(["history"], in: box.url)
    #expect(text.status == 1 && text.stdout.contains("<commit message>"))
    #expect(text.stdout.contains("rotate to sk_l"), "the subject is printed, redacted: \(text.stdout)")
    #expect(text.stdout.contains("--replace-message"), "the purge rewrites messages too")
    let sarif = try hush(["history", "--format", "sarif"], in: box.url)
    #expect(sarif.status == 1 && sarif.stdout.contains("%3Ccommit%20message%3E"))
    for output in [run.stdout, text.stdout, text.stderr, sarif.stdout] { #expect(!output.contains(key)) }
  }

  @Test func aReaderThatGoesAwayEndsHushQuietly() throws {
    let fake = Fake(seed: 502)
    let box = try Sandbox(git: true)
    for index in 0..<300 { try box.write("f\(index).txt", "k=" + fake.stripeKey() + "\n") }
    try box.commitAll("many", day: 1)
    let script =
      "( '\(Binary.hush.path)' history 2>err.txt; echo $? >status.txt ) | head -c 10 >/dev/null; cat err.txt"
    let run = try execute(URL(fileURLWithPath: "/bin/sh"), ["-c", script], in: box.url)
    #expect(!run.stdout.contains("Fatal error"), "\(run.stdout)")
    // Ended by SIGPIPE, as any filter whose reader left is (the shell reports 128 + 13).
    let status = try String(contentsOf: box.url.appendingPathComponent("status.txt"), encoding: .utf8)
    #expect(status == "141\n")
  }

  @Test func removedSecretsAreStillFoundAndGroupedForRemediation() throws {
    let fake = Fake(seed: 503)
    let box = try Sandbox(git: true)
    let key = fake.stripeKey()
    try box.write("a/config.yml", "stripe: " + key + "\n")
    try box.write("b/config.yml", "stripe: " + key + "\n")
    try box.write("c/settings.txt", "key=" + key + "\n")
    try box.commitAll("spread it", day: 1)
    try box.git(["rm", "-q", "-r", "a", "b", "c"])
    try box.commitAll("remove it", day: 5)

    let before = Date()
    let run = try hush(["history", "--format", "json"], in: box.url)
    let after = Date()
    #expect(run.status == 1)
    let findings = try run.findings()
    // a/ and b/ hold the same blob: scanned and reported once, the other path named.
    #expect(findings.count == 2)
    #expect(Set(findings.compactMap { $0["file"] as? String }) == ["a/config.yml", "c/settings.txt"])
    #expect(findings.first { $0["file"] as? String == "a/config.yml" }?["alsoAt"] as? [String] == ["b/config.yml"])
    #expect(findings.allSatisfy { $0["inHead"] as? Bool == false })
    let remediation = try #require(try run.json()["remediation"] as? [String: Any])
    let secrets = try #require(remediation["secrets"] as? [[String: Any]])
    #expect(secrets.count == 1, "one secret to rotate, however many files hold it")
    #expect(secrets.first?["occurrences"] as? Int == 3)
    #expect(secrets.first?["paths"] as? [String] == ["a/config.yml", "b/config.yml", "c/settings.txt"])
    // Whole days since 2024-01-01T12:00:00Z, the commit that added it, as the clock read during the run.
    let added = 1_704_110_400.0
    let days = Set([before, after].map { Int(($0.timeIntervalSince1970 - added) / 86_400) })
    #expect(days.contains(secrets.first?["exposedDays"] as? Int ?? -1))
    let purge = try #require(remediation["purge"] as? [String])
    #expect(purge.contains { $0.contains("git filter-repo") && $0.contains("--replace-text") })
    #expect(purge.contains { $0.contains("push --force") })
    #expect((remediation["warning"] as? String)?.contains("does not un-leak") == true)
  }

  @Test func renamesAndSensitiveFilesAreAttributedOnce() throws {
    let fake = Fake(seed: 504)
    let box = try Sandbox(git: true)
    try box.write("old.cfg", "token=" + fake.stripeKey() + "\n")
    try box.write(".env", "DEBUG=1\n")
    try box.commitAll("first", day: 1)
    let first = try box.head()
    try box.git(["mv", "old.cfg", "new.cfg"])
    try box.commitAll("rename", day: 2)

    let run = try hush(["history", "--format", "json"], in: box.url)
    #expect(run.status == 1)
    let findings = try run.findings()
    #expect(findings.count == 2, "\(run.stdout)")
    #expect(findings.allSatisfy { $0["commit"] as? String == first })
    #expect(findings.contains { $0["alsoAt"] as? [String] == ["new.cfg"] }, "the renamed copy is the same blob")
    #expect(Set(findings.compactMap { $0["rule"] as? String }) == ["dotenv-file", "stripe-secret-key"])
    let text = try hush(["history"], in: box.url)
    #expect(text.status == 1)
    #expect(text.stdout.contains("--invert-paths --path .env"))
    #expect(text.stdout.contains("Remediation plan: 2 secrets"))
  }

  @Test func rangesBranchesAndSince() throws {
    let fake = Fake(seed: 505)
    let box = try Sandbox(git: true)
    try box.write("old.txt", "k=" + fake.stripeKey() + "\n")
    try box.commitAll("old secret", day: 1)
    try box.git(["tag", "v1"])
    try box.write("new.txt", "k=" + fake.stripeKey() + "\n")
    try box.commitAll("new secret", day: 20)

    let files = { (arguments: [String]) throws -> [String] in
      let run = try hush(["history", "--format", "json"] + arguments, in: box.url)
      #expect(run.status == 1, "\(arguments)")
      return try run.findings().compactMap { $0["file"] as? String }
    }
    #expect(try files([]) == ["old.txt", "new.txt"])
    #expect(try files(["v1..HEAD"]) == ["new.txt"])
    #expect(try files(["--since", "2024-01-10"]) == ["new.txt"])
    #expect(try files(["--branch", "v1"]) == ["old.txt"])
    let bad = try hush(["history", "no-such-branch"], in: box.url)
    #expect(bad.status == 2)
  }

  @Test func shallowBareDetachedAndWorktree() throws {
    let fake = Fake(seed: 506)
    let origin = try Sandbox(git: true)
    try origin.write("a.txt", "k=" + fake.stripeKey() + "\n")
    try origin.commitAll("secret", day: 1)
    try origin.write("b.txt", "clean\n")
    try origin.commitAll("clean", day: 2)

    let clones = try Sandbox()
    try clones.git(["clone", "-q", "--depth", "1", "file://" + origin.url.path, "shallow"])
    let shallow = try hush(["history", "--format", "json"], in: clones.url.appendingPathComponent("shallow"))
    #expect(shallow.status == 1, "\(shallow.stderr)")
    #expect(try shallow.json()["summary"].flatMap { ($0 as? [String: Any])?["shallow"] as? Bool } == true)
    #expect(shallow.stderr.contains("shallow clone"))

    try clones.git(["clone", "-q", "--bare", origin.url.path, "bare.git"])
    let bare = try hush(["history", "--format", "json"], in: clones.url.appendingPathComponent("bare.git"))
    #expect(bare.status == 1, "\(bare.stderr)")
    #expect(try bare.findings().first?["file"] as? String == "a.txt")

    try origin.git(["checkout", "-q", "--detach", "HEAD~1"])
    #expect(try hush(["history"], in: origin.url).status == 1)
    try origin.git(["checkout", "-q", "main"])
    let worktree = clones.url.appendingPathComponent("wt")
    try origin.git(["worktree", "add", "-q", worktree.path])
    #expect(try hush(["history"], in: worktree).status == 1)
  }

  @Test func emptyRepositoryIsCleanWithAMessage() throws {
    let box = try Sandbox(git: true)
    let run = try hush(["history"], in: box.url)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stderr.contains("no commits"))
  }

  @Test func corruptObjectIsNamed() throws {
    let box = try Sandbox(git: true)
    try box.write("data.txt", "some content that will be corrupted\n")
    try box.commitAll("data", day: 1)
    let blob = try box.git(["rev-parse", "HEAD:data.txt"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    let object = box.url.appendingPathComponent(".git/objects/\(blob.prefix(2))/\(blob.dropFirst(2))")
    try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: object.path)
    try Data("not zlib at all".utf8).write(to: object)
    let run = try hush(["history"], in: box.url)
    #expect(run.status == 2)
    #expect(run.stderr.contains(blob))
  }

  @Test func missingGitAndNotARepository() throws {
    let box = try Sandbox()
    let notRepo = try hush(["history"], in: box.url)
    #expect(notRepo.status == 2)
    #expect(notRepo.stderr.contains("not a git repository"))
    let noGit = try hush(["history"], in: box.url, environment: ["PATH": "/nonexistent"])
    #expect(noGit.status == 2)
    #expect(noGit.stderr.contains("git was not found"))
  }

  @Test func purgeFileIsPrivateAndNeverInsideTheWorkTree() throws {
    let fake = Fake(seed: 507)
    let box = try Sandbox(git: true)
    let key = fake.stripeKey()
    try box.write("k.txt", "k=" + key + "\n")
    try box.write("id.txt", fake.privateKeyPEM())
    try box.commitAll("secrets", day: 1)
    let outside = try Sandbox()
    let file = outside.url.appendingPathComponent("purge.txt")
    let run = try hush(["history", "--write-purge-file", file.path], in: box.url)
    #expect(run.status == 1)
    let written = try String(contentsOf: file, encoding: .utf8)
    #expect(written.contains("literal:" + key + "==>"))
    #expect(written.contains("regex:\\-\\-\\-\\-\\-BEGIN"), "multi-line keys become one-line regexes")
    let mode = try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int
    #expect(mode == 0o600)
    #expect(!run.stdout.contains(key) && !run.stderr.contains(key))

    let inside = try hush(["history", "--write-purge-file", "purge.txt"], in: box.url)
    #expect(inside.status == 2)
    #expect(inside.stderr.contains("inside the work tree"))
    #expect(!FileManager.default.fileExists(atPath: box.url.appendingPathComponent("purge.txt").path))
  }

  @Test func binaryAndOversizeBlobsAreSkippedAndCounted() throws {
    let fake = Fake(seed: 508)
    let box = try Sandbox(git: true)
    try box.write("blob.bin", Data([0, 1, 2, 3]) + Data(("k=" + fake.stripeKey()).utf8))
    try box.write("big.txt", String(repeating: "y", count: 3000) + "\nk=" + fake.stripeKey() + "\n")
    try box.commitAll("files", day: 1)
    let run = try hush(["history", "--format", "json", "--max-file-size", "2K"], in: box.url)
    #expect(run.status == 0, "\(run.stdout)")
    let skipped = try #require(try run.summary()["skipped"] as? [String: Any])
    #expect(skipped["binary"] as? Int == 1)
    #expect(skipped["tooLarge"] as? Int == 1)
    #expect(try run.summary()["blobs"] as? Int == 2)
  }

  /// The plan says how to rotate a provider's secrets once, above them, and the findings do
  /// not repeat it.
  @Test func theTextPlanGivesEachFixOnce() throws {
    let fake = Fake(seed: 531)
    let box = try Sandbox(git: true)
    try box.write("a.py", "KEY = '\(fake.stripeKey())'\n")
    try box.write("b.py", "KEY = '\(fake.stripeKey())'\n")
    try box.commitAll("two keys", day: 1)
    let run = try hush(["history"], in: box.url)
    #expect(run.status == 1)
    #expect(run.stdout.components(separatedBy: "Roll the key in Stripe").count - 1 == 1, "\(run.stdout)")
    #expect(run.stdout.contains("rotate stripe-secret-key: "))
    #expect(run.stdout.contains("  1. sk_l") && run.stdout.contains("  2. sk_l"))
    #expect(!run.stdout.contains("fix: "))
    #expect(run.stdout.contains("a.py:1:8: critical stripe-secret-key"))
  }
}
