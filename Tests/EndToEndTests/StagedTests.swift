import Foundation
import Testing

/// `hush staged` against real repositories: what the pre-commit hook sees.
@Suite struct StagedTests {
  /// A repository with one commit holding `files`, committed without any hook.
  static func repository(_ files: [String: String] = ["README.md": "hello\n"]) throws -> Sandbox {
    let box = try Sandbox(git: true)
    for (path, text) in files { try box.write(path, text) }
    try box.git(["add", "-A"])
    try box.git(["commit", "-q", "--no-verify", "-m", "initial"])
    return box
  }

  @Test func beforeTheFirstCommit() throws {
    let fake = Fake(seed: 1101)
    let box = try Sandbox(git: true)
    try box.write("app.cfg", "stripe = " + fake.stripeKey() + "\n")
    try box.git(["add", "app.cfg"])
    let run = try hush(["staged", "--format", "json"], in: box.url)
    #expect(run.status == 1, "\(run.stderr)")
    let finding = try #require(try run.findings().first)
    #expect(finding["file"] as? String == "app.cfg")
    #expect(finding["line"] as? Int == 1)
  }

  /// The hook runs `hush staged` with no options, which skips the argument parser: it must
  /// behave as the parsed command with every option at its default, config and baseline
  /// included.
  @Test func theHooksInvocationMatchesTheParsedCommand() throws {
    let fake = Fake(seed: 1102)
    let box = try Self.repository([".hush.toml": "[allowlist]\npaths = [\"vendor/*\"]\n"])
    try box.write("app.cfg", "STRIPE_KEY=" + fake.stripeKey() + "\n")
    try box.write("vendor/lib.cfg", "STRIPE_KEY=" + fake.stripeKey() + "\n")
    try box.git(["add", "-A"])
    let hook = try hush(["staged"], in: box.url)
    let parsed = try hush(["staged", "--format", "text"], in: box.url)
    #expect(hook.status == 1, "\(hook.stderr)")
    #expect(parsed.status == 1)
    #expect(hook.stdout == parsed.stdout)
    #expect(hook.stdout.contains("app.cfg") && !hook.stdout.contains("vendor/"))
    #expect(hook.stderr.contains("commit blocked"))

    let baseline = try hush(["baseline"], in: box.url)
    #expect(baseline.status == 0, "\(baseline.stderr)")
    #expect(try hush(["staged"], in: box.url).status == 0, "the default baseline applies")
  }

  @Test func nothingStagedIsClean() throws {
    let box = try Self.repository()
    let run = try hush(["staged"], in: box.url)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.isEmpty)
  }

  @Test func onlyAddedLinesAreReported() throws {
    let fake = Fake(seed: 1103)
    let old = fake.stripeKey()
    let box = try Self.repository(["settings.py": "a = 1\nKEY = '" + old + "'\nb = 2\n"])
    try box.write("settings.py", "a = 1\nKEY = '" + old + "'\nb = 2\nc = 3\n")
    try box.git(["add", "settings.py"])
    #expect(try hush(["staged"], in: box.url).status == 0, "a committed secret is not this commit's")

    let new = fake.stripeKey()
    try box.write("settings.py", "a = 1\nKEY = '" + old + "'\nb = 2\nc = 3\nNEW = '" + new + "'\n")
    try box.git(["add", "settings.py"])
    let run = try hush(["staged", "--format", "json", "--show-secrets"], in: box.url)
    #expect(run.status == 1)
    let findings = try run.findings()
    #expect(findings.count == 1)
    #expect(findings.first?["line"] as? Int == 5)
    #expect(findings.first?["secret"] as? String == new)
  }

  /// Only the part of a large file around its change is searched (`AddedPart`): what that
  /// finds, and where it says it is, must be what a search of the whole file finds
  /// (`--explain` searches every line).
  @Test func aChangeDeepInALargeFileIsFoundWhereItIs() throws {
    let fake = Fake(seed: 1112)
    let filler = (1...4_000).map { "setting_\($0) = \($0 * 7)\n" }.joined()
    let key = fake.privateKeyPEM().split(separator: "\n", omittingEmptySubsequences: false)
    let keyWithoutEnd = key.dropLast(2).joined(separator: "\n") + "\n"
    let old = "OLD = '" + fake.stripeKey() + "'\n"
    let box = try Self.repository(["big.cfg": old + filler + keyWithoutEnd])
    let new = fake.stripeKey()
    try box.write("big.cfg", old + filler + keyWithoutEnd + key[key.count - 2] + "\nNEW = '" + new + "'\n")
    try box.git(["add", "big.cfg"])

    let run = try hush(["staged", "--format", "json", "--show-secrets"], in: box.url)
    #expect(run.status == 1, "\(run.stderr)")
    let found = try run.findings().map { [$0["line"] as? Int, $0["endLine"] as? Int, $0["column"] as? Int] }
    let keyLine = 4_002
    let endLine = keyLine + key.count - 2
    #expect(found == [[keyLine, endLine, 1], [endLine + 1, endLine + 1, 8]])
    #expect(try run.findings().last?["secret"] as? String == new)
    let whole = try hush(["staged", "--format", "json", "--show-secrets", "--explain"], in: box.url)
    #expect(try whole.findings().map { [$0["line"] as? Int, $0["endLine"] as? Int, $0["column"] as? Int] } == found)
  }

  /// Hush computes the added lines itself (`LineDiff`); a change past its budget (here 3,000
  /// edits) is left to git's patch, one for all such files: the same answer either way, a
  /// committed secret on a kept line is not this commit's, a new one on a rewritten line is.
  @Test func rewritesTooLargeForTheLineDiffAreLeftToGit() throws {
    let fake = Fake(seed: 1121)
    let kept = "KEPT = '" + fake.stripeKey() + "'\n"
    let before = (1...3_000).map { "value_\($0) = \($0)\n" }
    let box = try Self.repository(["wide.cfg": kept + before.joined(), "other.cfg": kept + before.joined()])
    var expected: [String: [Int]] = [:]
    for (name, line) in [("wide.cfg", 1_500), ("other.cfg", 2_200)] {
      let new = fake.stripeKey()
      var after = before.enumerated().map { $0.offset % 2 == 0 ? "changed_\($0.offset) = 0\n" : $0.element }
      after[line] = "NEW = '" + new + "'\n"
      try box.write(name, kept + after.joined())
      expected[new] = [line + 2]
    }
    try box.git(["add", "-A"])
    let run = try hush(["staged", "--format", "json", "--show-secrets"], in: box.url)
    #expect(run.status == 1, "\(run.stderr)")
    let found = try run.findings().map { ($0["secret"] as? String ?? "", $0["line"] as? Int ?? 0) }
    #expect(Dictionary(grouping: found, by: { $0.0 }).mapValues { $0.map { $0.1 } } == expected)
  }

  @Test func indexVersionIsScannedNotTheWorkTree() throws {
    let fake = Fake(seed: 1104)
    let box = try Self.repository()
    try box.write("notes.txt", "token " + fake.stripeKey() + "\n")
    try box.git(["add", "notes.txt"])
    try box.write("notes.txt", "nothing to see\n")
    #expect(try hush(["staged"], in: box.url).status == 1, "the staged secret is what gets committed")

    try box.git(["reset", "-q"])
    try box.write("other.txt", "token " + fake.stripeKey() + "\n")
    #expect(try hush(["staged"], in: box.url).status == 0, "unstaged changes are not committed")
  }

  @Test func multiLinePrivateKeyIsSeenWhole() throws {
    let fake = Fake(seed: 1105)
    let box = try Self.repository()
    try box.write("deploy/key.txt", fake.privateKeyPEM())
    try box.git(["add", "deploy/key.txt"])
    let run = try hush(["staged", "--format", "json"], in: box.url)
    #expect(run.status == 1, "\(run.stdout)")
    let finding = try #require(try run.findings().first)
    #expect((finding["rule"] as? String)?.contains("private-key") == true)
    #expect(finding["line"] as? Int == 1)
    // BEGIN line, 13 lines of base64 (612 DER bytes), END line.
    #expect(finding["endLine"] as? Int == 15)
  }

  @Test func renamedFileAddsNoLines() throws {
    let fake = Fake(seed: 1106)
    let box = try Self.repository(["old name.cfg": "key=" + fake.stripeKey() + "\nmode=fast\n"])
    try box.git(["mv", "old name.cfg", "new name.cfg"])
    #expect(try hush(["staged"], in: box.url).status == 0, "moving committed content adds nothing")
  }

  @Test func deletedFilesAreIgnoredAndOddNamesAreReported() throws {
    let fake = Fake(seed: 1107)
    let box = try Self.repository(["gone.txt": "bye\n"])
    try box.git(["rm", "-q", "gone.txt"])
    #expect(try hush(["staged"], in: box.url).status == 0)

    let names = ["with space.txt", "ünïcödé.txt", "new\nline.txt", "tab\there.txt"]
    for name in names { try box.write(name, "k=" + fake.stripeKey() + "\n") }
    try box.git(["add", "-A"])
    let run = try hush(["staged", "--format", "json"], in: box.url)
    #expect(run.status == 1)
    let files = Set(try run.findings().compactMap { $0["file"] as? String })
    #expect(files == Set(names))
  }

  /// A binary file is skipped, counted and named; one over the size limit used to be
  /// skipped too (a hook that passed a file it never read): it is scanned in chunks.
  @Test func binaryFilesAreSkippedAndOversizeFilesScanned() throws {
    let fake = Fake(seed: 1108)
    let box = try Self.repository()
    try box.write("image.bin", Data([0, 1, 2]) + Data(("k=" + fake.stripeKey()).utf8))
    try box.write("big.txt", String(repeating: "x", count: 4096) + "\nk=" + fake.stripeKey() + "\n")
    try box.git(["add", "-A"])
    let run = try hush(["staged", "--format", "json", "--max-file-size", "1K"], in: box.url)
    #expect(run.status == 1, "\(run.stdout)")
    #expect(try run.findings().map { $0["file"] as? String } == ["big.txt"])
    let skipped = try #require(try run.summary()["skipped"] as? [String: Any])
    #expect(skipped["binary"] as? Int == 1)
    #expect(skipped["tooLarge"] as? Int == 0)
    #expect(run.stderr.contains("image.bin: binary"))
  }

  @Test func sensitiveFilesBeingAddedAreReported() throws {
    let fake = Fake(seed: 1109)
    let box = try Self.repository()
    try box.write(".env", "DEBUG=true\n")
    try box.write(".env.example", "API_KEY=\n")
    try box.write("certs/client.p12", Data([0x30, 0x82, 0, 1]))
    try box.write("config/master.key", fake.random(16).utf8.map { String(format: "%02x", $0) }.joined() + "\n")
    try box.write(".cursor/mcp.json", Fake.mcpConfig(token: "${GITHUB_TOKEN}"))
    try box.write("mcp.json", Fake.mcpConfig(token: fake.opaqueToken()))
    try box.git(["add", "-A"])
    let run = try hush(["staged", "--format", "json"], in: box.url)
    #expect(run.status == 1)
    let found = Set(try run.findings().map { "\($0["file"] ?? ""):\($0["rule"] ?? "")" })
    #expect(
      found == [
        ".env:dotenv-file", "certs/client.p12:keystore-file", "config/master.key:rails-master-key-file",
        "mcp.json:agent-config-literal-secret",
      ])
  }

  @Test func duringAMerge() throws {
    let fake = Fake(seed: 1110)
    let box = try Self.repository()
    try box.git(["checkout", "-q", "-b", "feature"])
    try box.write("feature.txt", "k=" + fake.stripeKey() + "\n")
    try box.git(["add", "feature.txt"])
    try box.git(["commit", "-q", "--no-verify", "-m", "feature"])
    try box.git(["checkout", "-q", "main"])
    try box.write("main.txt", "main work\n")
    try box.git(["add", "main.txt"])
    try box.git(["commit", "-q", "--no-verify", "-m", "main"])
    try box.git(["merge", "-q", "--no-commit", "feature"])
    let run = try hush(["staged", "--format", "json"], in: box.url)
    #expect(run.status == 1, "the merge brings the secret into main")
    #expect(try run.findings().first?["file"] as? String == "feature.txt")
  }

  @Test func inALinkedWorktreeAndASubdirectory() throws {
    let fake = Fake(seed: 1111)
    let box = try Self.repository(["src/a.txt": "a\n"])
    let worktree = box.url.appendingPathComponent("wt")
    try box.git(["worktree", "add", "-q", worktree.path])
    try Data(("k=" + fake.stripeKey() + "\n").utf8).write(to: worktree.appendingPathComponent("src/b.txt"))
    _ = try execute(URL(fileURLWithPath: "/usr/bin/env"), ["git", "add", "src/b.txt"], in: worktree)
    let run = try hush(["staged", "--format", "json"], in: worktree.appendingPathComponent("src"))
    #expect(run.status == 1, "\(run.stderr)")
    #expect(try run.findings().first?["file"] as? String == "src/b.txt")
    #expect(try hush(["staged"], in: box.url).status == 0, "the main work tree has its own index")
  }

  @Test func missingObjectIsAnErrorNotAPass() throws {
    let box = try Self.repository()
    let fake = String(repeating: "ab", count: 20)
    try box.git(["update-index", "--add", "--cacheinfo", "100644,\(fake),ghost.txt"])
    let run = try hush(["staged"], in: box.url)
    #expect(run.status == 2)
    #expect(run.stderr.contains(fake))
  }

  /// A symlink's blob is its target path and a submodule is a commit id: neither is scanned,
  /// even when the target reads like a key.
  @Test func symlinksAndSubmodulesAreIgnored() throws {
    let fake = Fake(seed: 1112)
    let box = try Self.repository()
    try FileManager.default.createSymbolicLink(
      atPath: box.url.appendingPathComponent("key-link").path, withDestinationPath: "KEY=" + fake.stripeKey())
    try box.git(["add", "key-link"])
    let commit = try box.git(["rev-parse", "HEAD"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    try box.git(["update-index", "--add", "--cacheinfo", "160000,\(commit),vendor/lib"])
    let run = try hush(["staged", "--format", "json"], in: box.url)
    #expect(run.status == 0, "\(run.stdout)")
    #expect(try run.findings().isEmpty)
  }

  /// A file that becomes a symlink adds no text; a symlink that becomes a file adds its lines.
  @Test func typeChangesBetweenFileAndSymlink() throws {
    let fake = Fake(seed: 1113)
    let box = try Self.repository(["notes.txt": "plain notes\n"])
    let notes = box.url.appendingPathComponent("notes.txt")
    try FileManager.default.removeItem(at: notes)
    try FileManager.default.createSymbolicLink(atPath: notes.path, withDestinationPath: "KEY=" + fake.stripeKey())
    try box.git(["add", "notes.txt"])
    let toLink = try hush(["staged"], in: box.url)
    #expect(toLink.status == 0, "file -> symlink: \(toLink.stdout)")
    try box.git(["commit", "-q", "--no-verify", "-m", "link"])

    try FileManager.default.removeItem(at: notes)
    try box.write("notes.txt", "plain notes\nKEY=" + fake.stripeKey() + "\n")
    try box.git(["add", "notes.txt"])
    #expect(try box.git(["diff", "--cached", "--name-status"]).stdout == "T\tnotes.txt\n")
    let toFile = try hush(["staged", "--format", "json"], in: box.url)
    #expect(toFile.status == 1, "symlink -> file: \(toFile.stderr)")
    #expect(try toFile.findings().map { [$0["file"] as? String, $0["line"].map { "\($0)" }] } == [["notes.txt", "2"]])
  }

  /// The "read nothing" guard: text lines are added but no staged text could be read (here
  /// the index names an annotated tag where a file's blob should be, whose text git's diff
  /// shows as added lines while cat-file answers "tag"). A hook must not pass on that.
  @Test func addedLinesWithNothingReadIsAnError() throws {
    let box = try Self.repository()
    let blob = try box.git(["rev-parse", "HEAD:README.md"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    try box.git(["tag", "-a", "-m", "a tag", "readme-tag", blob])
    let tag = try box.git(["rev-parse", "readme-tag"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    try box.git(["update-index", "--add", "--cacheinfo", "100644,\(tag),notes.txt"])
    let run = try hush(["staged"], in: box.url)
    #expect(run.status == 2)
    #expect(
      run.stderr.contains(
        "1 staged file with added lines, but nothing could be read from the index: refusing to pass a scan that saw nothing"
      ),
      "\(run.stderr)")
  }

  @Test func outsideARepositoryIsAnError() throws {
    let box = try Sandbox()
    let run = try hush(["staged"], in: box.url)
    #expect(run.status == 2)
    #expect(run.stderr.contains("not a git repository"))
  }
}

/// Values of the developer's own ignored secret files, caught verbatim elsewhere.
@Suite struct LocalSecretsTests {
  @Test func aLocalPasswordPastedIntoCodeIsCaughtAndNeverPrinted() throws {
    let box = try StagedTests.repository([".gitignore": ".env\n"])
    let password = "summer" + "2024!x"  // hush:allow
    try box.write(".env", "DB_PASSWORD=\"" + password + "\"\nDB_HOST=db.internal.example\nDEBUG=true\nPORT=5432\n")
    try box.write("app.py", "connect('db.internal.example', 5432, True, '" + password + "')\n")
    try box.git(["add", "app.py"])
    let run = try hush(["staged", "--format", "json", "--show-secrets"], in: box.url)
    #expect(run.status == 1)
    let findings = try run.findings()
    #expect(findings.count == 1, "the host is not a credential")
    #expect(findings.first?["rule"] as? String == "known-local-secret")
    #expect(findings.first?["column"] as? Int == 45)
    #expect(!run.stdout.contains(password) && !run.stderr.contains(password), "never printed, even with --show-secrets")

    let scan = try hush(["scan", "--format", "json"], in: box.url)
    #expect(scan.status == 1)
    #expect(try scan.findings().map { $0["file"] as? String } == ["app.py"], "the .env itself is not a finding")

    try box.write("app.py", "connect('db.internal.example', 5432, True, '" + password + "')  # hush:allow\n")
    try box.git(["add", "app.py"])
    #expect(try hush(["staged"], in: box.url).status == 0)
  }

  @Test func shortAndObviousValuesAreLeftOut() throws {
    let box = try StagedTests.repository([".gitignore": ".env*\n"])
    let lines = [
      "API" + "_KEY=short", "AUTH_ENABLED=true", "TOKEN" + "_TTL=86400000", "AUTH_URL=https://auth.example.com/login",
    ]
    try box.write(".env.local", lines.joined(separator: "\n") + "\n")
    try box.write("notes.md", "short true 86400000 https://auth.example.com/login\n")
    try box.git(["add", "notes.md"])
    #expect(try hush(["staged"], in: box.url).status == 0)
  }
}
