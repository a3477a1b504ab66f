import Foundation
import Testing

@Suite struct ScanTests {
  @Test func cleanDirectoryExitsZero() throws {
    let box = try Sandbox()
    try box.write("main.c", "int main(void) { return 0; }\n")
    let run = try hush(["scan", "--format", "json", "."], in: box.url)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(try run.findings().isEmpty)
    #expect(try run.summary()["files"] as? Int == 1)
  }

  @Test func secretExitsOneWithRedactedJSON() throws {
    let fake = Fake(seed: 1001)
    let box = try Sandbox()
    let key = fake.stripeKey()
    try box.write("config/app.env", "# settings\n" + "STRIPE=" + key + "\n")
    let run = try hush(["scan", "--format", "json"], in: box.url)
    #expect(run.status == 1)
    let finding = try #require(try run.findings().first)
    #expect(finding["file"] as? String == "config/app.env")
    #expect(finding["line"] as? Int == 2)
    #expect(finding["column"] as? Int == 8)
    #expect((finding["rule"] as? String)?.hasPrefix("stripe") == true)
    #expect(!run.stdout.contains(key))
    #expect(!run.stderr.contains(key))
    #expect((finding["fingerprint"] as? String)?.count == 64)
  }

  /// A compose file gives one password to several services: every copy is reported, at the
  /// precision-first threshold of the hook too (the model scores a repeated word of code down,
  /// not a value that reads as random).
  @Test func aPasswordTheFileRepeatsIsReportedEachTime() throws {
    let password = "Tq7#" + Fake(seed: 1009).random(10)  // hush:allow (a test value)
    let box = try Sandbox(git: true)
    let service = { (name: String) in "  \(name):\n    environment:\n      DB_PASSWORD: \"\(password)\"\n" }
    try box.write("docker-compose.yml", "services:\n" + ["api", "worker", "cron"].map(service).joined())
    for command in [["scan", "--format", "json", "."], ["staged", "--format", "json"]] {
      if command[0] == "staged" { try box.git(["add", "docker-compose.yml"]) }
      let run = try hush(command, in: box.url)
      #expect(run.status == 1, "\(command[0]): \(run.stdout)")
      #expect(try run.findings().map { $0["line"] as? Int } == [4, 7, 10], "\(command[0])")
    }
  }

  @Test func showSecretsPrintsTheValue() throws {
    let fake = Fake(seed: 1002)
    let box = try Sandbox()
    let key = fake.stripeKey()
    try box.write("a.txt", "k=" + key + "\n")
    let run = try hush(["scan", "--show-secrets"], in: box.url)
    #expect(run.status == 1)
    #expect(run.stdout.contains(key))
  }

  @Test func noSubcommandScansTheCurrentDirectory() throws {
    let fake = Fake(seed: 1003)
    let box = try Sandbox()
    try box.write("x.py", "KEY = '" + fake.stripeKey() + "'\n")
    #expect(try hush([], in: box.url).status == 1)
  }

  @Test func stdin() throws {
    let fake = Fake(seed: 1004)
    let box = try Sandbox()
    let run = try hush(["scan", "-", "--format", "json"], in: box.url, input: "x " + fake.stripeKey() + "\n")
    #expect(run.status == 1)
    #expect(try run.findings().first?["file"] as? String == "-")
    #expect(try hush(["scan", "-"], in: box.url, input: "nothing here\n").status == 0)
  }

  @Test func badPathExitsTwo() throws {
    let box = try Sandbox()
    let run = try hush(["scan", "does-not-exist"], in: box.url)
    #expect(run.status == 2)
    #expect(run.stderr.contains("does-not-exist: no such file or directory"))
  }

  @Test func usageErrorExitsTwo() throws {
    let box = try Sandbox()
    #expect(try hush(["scan", "--format", "xml"], in: box.url).status == 2)
    #expect(try hush(["scan", "--max-file-size", "lots"], in: box.url).status == 2)
  }

  @Test func versionAndHelp() throws {
    let box = try Sandbox()
    let version = try hush(["--version"], in: box.url)
    #expect(version.status == 0)
    // `hush 0.2.0 (v0.2.0-3-gabc1234)`, or `(unknown commit)` for a build without git.
    #expect(version.stdout.hasPrefix("hush "))
    #expect(version.stdout.contains(".") && version.stdout.contains(" (") && version.stdout.hasSuffix(")\n"))
    #expect(try hush(["--help"], in: box.url).status == 0)
  }

  @Test func gitRepositoryScansWhatGitConsiders() throws {
    let fake = Fake(seed: 1005)
    let box = try Sandbox(git: true)
    try box.write(".gitignore", ".env\n")
    try box.write(".env", fake.envToken() + "\n")
    try box.write("src/clean.swift", "let x = 1\n")
    try box.git(["add", "."])
    let considered = try hush(["scan", "--format", "json"], in: box.url)
    #expect(considered.status == 0, "ignored .env must not be reported: \(considered.stdout)")
    let all = try hush(["scan", "--all-files", "--format", "json"], in: box.url)
    #expect(all.status == 1)
    #expect(try all.findings().first?["file"] as? String == ".env")
    // A file named explicitly is scanned even when ignored: the user asked for it.
    #expect(try hush(["scan", ".env"], in: box.url).status == 1)
    // Untracked, not ignored files count too.
    try box.write("new.txt", fake.envToken() + "\n")
    #expect(try hush(["scan"], in: box.url).status == 1)
  }

  @Test func subdirectoryOfARepository() throws {
    let fake = Fake(seed: 1006)
    let box = try Sandbox(git: true)
    try box.write("sub/dir/a.env", "KEY=" + fake.stripeKey() + "\n")
    try box.write("other/b.env", "KEY=" + fake.stripeKey() + "\n")
    let run = try hush(["scan", "sub", "--format", "json"], in: box.url)
    #expect(run.status == 1)
    #expect(try run.findings().map { $0["file"] as? String } == ["sub/dir/a.env"])
  }

  @Test func binaryAndOversizeFilesAreSkippedAndCounted() throws {
    let fake = Fake(seed: 1007)
    let box = try Sandbox()
    var binary = Data(fake.envToken().utf8)
    binary.append(contentsOf: [0, 1, 2, 3])
    try box.write("blob.bin", binary)
    try box.write("big.txt", String(repeating: "x", count: 2048) + "\n" + fake.envToken() + "\n")
    try box.write("empty.txt", "")
    let run = try hush(["scan", "--format", "json", "--max-file-size", "1K"], in: box.url)
    #expect(run.status == 0)
    let skipped = try #require(try run.summary()["skipped"] as? [String: Any])
    #expect(skipped["binary"] as? Int == 1)
    #expect(skipped["tooLarge"] as? Int == 1)
    #expect(try run.summary()["files"] as? Int == 1)
  }

  @Test func oddPathsAreCarriedExactlyInJSON() throws {
    let fake = Fake(seed: 1008)
    let box = try Sandbox()
    let names = ["with space.txt", "ünïcødé-日本.txt", "quote\"s'.txt", "new\nline.txt"]
    for name in names { try box.write(name, fake.envToken() + "\n") }
    let run = try hush(["scan", "--format", "json"], in: box.url)
    #expect(run.status == 1)
    let files = Set(try run.findings().compactMap { $0["file"] as? String })
    #expect(files == Set(names))
  }

  @Test func oddPathsInsideAGitRepository() throws {
    let fake = Fake(seed: 1009)
    let box = try Sandbox(git: true)
    let names = ["with space.txt", "ünïcødé.txt", "new\nline.txt"]
    for name in names { try box.write(name, fake.envToken() + "\n") }
    try box.git(["add", "."])
    let run = try hush(["scan", "--format", "json"], in: box.url)
    #expect(Set(try run.findings().compactMap { $0["file"] as? String }) == Set(names))
  }

  @Test func fifosSymlinkLoopsAndUnreadableFilesDoNotStopTheScan() throws {
    let fake = Fake(seed: 1010)
    let box = try Sandbox()
    try box.write("real.txt", fake.envToken() + "\n")
    #expect(mkfifo(box.url.appendingPathComponent("pipe").path, 0o644) == 0)
    try FileManager.default.createSymbolicLink(
      atPath: box.url.appendingPathComponent("loop").path, withDestinationPath: ".")
    try FileManager.default.createSymbolicLink(
      atPath: box.url.appendingPathComponent("outside").path, withDestinationPath: "/etc")
    try box.write("locked.txt", fake.envToken() + "\n")
    chmod(box.url.appendingPathComponent("locked.txt").path, 0)
    let run = try hush(["scan", "--format", "json"], in: box.url)
    #expect(run.status == 1)
    let files = try run.findings().compactMap { $0["file"] as? String }
    #expect(files.contains("real.txt"))
    #expect(!files.contains { $0.hasPrefix("loop/") || $0.hasPrefix("outside/") })
    let skipped = try #require(try run.summary()["skipped"] as? [String: Any])
    #expect(skipped["special"] as? Int == 1)
    if getuid() == 0 {
      // root reads any file: the locked one is scanned.
      #expect(files.contains("locked.txt"))
    } else {
      #expect(skipped["unreadable"] as? Int == 1)
      #expect(run.stderr.contains("locked.txt: skipped, cannot read"))
    }
  }

  @Test func configAllowlistAndConfigErrors() throws {
    let fake = Fake(seed: 1011)
    let box = try Sandbox(git: true)
    try box.write("fixtures/keys.txt", fake.envToken() + "\n")
    try box.write(".hush.toml", "[allowlist]\npaths = [\"fixtures/*\"]\n")
    let run = try hush(["scan", "--format", "json"], in: box.url)
    #expect(run.status == 0, "\(run.stdout)")
    #expect(try (run.summary()["skipped"] as? [String: Any])?["allowlisted"] as? Int == 1)
    // Globs match repository-relative paths, wherever hush runs from.
    #expect(try hush(["scan", "keys.txt"], in: box.url.appendingPathComponent("fixtures")).status == 0)
    try box.write(".hush.toml", "# team settings\n[allowlist]\npathz = []\n")
    let broken = try hush(["scan"], in: box.url)
    #expect(broken.status == 2)
    #expect(broken.stderr.contains(".hush.toml:3: unknown key 'allowlist.pathz'"))
    let missing = try hush(["scan", "--config", "nope.toml"], in: box.url)
    #expect(missing.status == 2)
    #expect(missing.stderr.contains("nope.toml"))
  }

  @Test func textOutputHasNoColourOffTerminalAndSummaryOnStderr() throws {
    let fake = Fake(seed: 1012)
    let box = try Sandbox()
    try box.write("a.env", fake.envToken() + "\n")
    let run = try hush(["scan"], in: box.url)
    #expect(run.status == 1)
    #expect(!run.stdout.contains("\u{1B}["))
    #expect(run.stdout.hasPrefix("a.env:1:"), "each finding starts with a linkable path:line:column")
    #expect(run.stdout.contains("  1 | "), "then its line, the secret masked")
    #expect(run.stderr.contains("1 secret found"))
    let quiet = try hush(["scan", "--quiet"], in: box.url)
    #expect(quiet.status == 1)
    #expect(quiet.stderr.isEmpty)
  }

  /// Output order is stable: path, then line, then column, then rule, whatever the order the
  /// files were scanned in.
  @Test func findingsAreOrderedByPathLineAndColumn() throws {
    let fake = Fake(seed: 1013)
    let box = try Sandbox()
    for name in ["b.env", "a.env", "c/z.env", "c/a.env"] {
      try box.write(name, "X=1\nA=" + fake.stripeKey() + " B=" + fake.stripeKey() + "\nC=" + fake.stripeKey() + "\n")
    }
    let run = try hush(["scan", "--format", "json", "."], in: box.url)
    #expect(run.status == 1)
    let places = try run.findings().map { "\($0["file"] ?? ""):\($0["line"] ?? ""):\($0["column"] ?? "")" }
    // "A=" + a 32-character key + " B=": the second key starts at column 38.
    let perFile = ["2:3", "2:38", "3:3"]
    #expect(places == ["a.env", "b.env", "c/a.env", "c/z.env"].flatMap { file in perFile.map { "\(file):\($0)" } })
  }

  /// `.hush.toml` and `.hush-baseline.json` hold what they must and are never scanned.
  @Test func ownFilesAreNeverScanned() throws {
    let fake = Fake(seed: 1014)
    let box = try Sandbox(git: true)
    try box.write(".hush.toml", "# the old key was KEY=" + fake.stripeKey() + "\n")
    let salt = String(repeating: "ab", count: 16)
    let entry =
      "{\"path\": \"KEY=" + fake.stripeKey() + "\", \"rule\": \"x\", \"fingerprint\": \""
      + String(repeating: "0f", count: 32) + "\"}"
    try box.write(
      ".hush-baseline.json",
      "{\n  \"hushBaseline\": 1,\n  \"salt\": \"\(salt)\",\n  \"entries\": [\n    \(entry),\n    null\n  ]\n}\n")
    let run = try hush(["scan", "--format", "json"], in: box.url)
    #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
    #expect(try run.summary()["files"] as? Int == 0)
  }
}
