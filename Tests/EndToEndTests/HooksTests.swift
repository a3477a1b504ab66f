import Foundation
import Testing

extension Sandbox {
  /// `git commit` as a user types it: hooks run. Returns the run (its status is the answer).
  func commit(_ message: String, environment: [String: String] = [:]) throws -> Run {
    try execute(
      URL(fileURLWithPath: "/usr/bin/env"),
      ["git", "-c", "user.name=Hush Test", "-c", "user.email=test@hush.invalid", "commit", "-q", "-m", message],
      in: url, environment: environment)
  }

  var hooks: URL { url.appendingPathComponent(".git/hooks") }
}

/// `hush install` / `uninstall` and the hook scripts, through real `git commit` and `git push`.
@Suite struct HooksTests {
  static func mode(_ url: URL) throws -> Int {
    try #require(try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int)
  }

  @Test func installBlocksSecretsAndLetsCleanCommitsThrough() throws {
    let fake = Fake(seed: 601)
    let box = try Sandbox(git: true)
    try FileManager.default.removeItem(at: box.hooks)
    let install = try hush(["install"], in: box.url)
    #expect(install.status == 0, "\(install.stderr)")
    let hook = box.hooks.appendingPathComponent("pre-commit")
    #expect(try Self.mode(hook) == 0o755)

    try box.write("clean.txt", "hello\n")
    try box.git(["add", "clean.txt"])
    #expect(try box.commit("clean").status == 0)

    try box.write("leak.txt", "key=" + fake.stripeKey() + "\n")
    try box.git(["add", "leak.txt"])
    let blocked = try box.commit("leak")
    #expect(blocked.status == 1, "git commit fails with 1 when its hook refuses")
    #expect(blocked.stderr.contains("commit blocked"))
    #expect(try box.git(["rev-list", "--count", "HEAD"]).stdout.hasPrefix("1"))
  }

  @Test func existingHookIsKeptRunFirstAndRestoredByteForByte() throws {
    let box = try Sandbox(git: true)
    let hook = box.hooks.appendingPathComponent("pre-commit")
    let original = Data(
      "#!/bin/sh\necho previous-ran >> \"$(git rev-parse --git-dir)/ran.log\"\nexit ${PREVIOUS_EXIT:-0}\n".utf8)
    try original.write(to: hook)
    try FileManager.default.setAttributes([.posixPermissions: 0o750], ofItemAtPath: hook.path)

    #expect(try hush(["install", "--pre-push"], in: box.url).status == 0)
    let installed = try Data(contentsOf: hook)
    #expect(try hush(["install", "--pre-push"], in: box.url).status == 0)
    #expect(try Data(contentsOf: hook) == installed, "a second install changes nothing")

    try box.write("a.txt", "a\n")
    try box.git(["add", "a.txt"])
    #expect(try box.commit("a").status == 0)
    let log = try String(contentsOf: box.url.appendingPathComponent(".git/ran.log"), encoding: .utf8)
    #expect(log == "previous-ran\n", "the kept hook runs")

    try box.write("b.txt", "b\n")
    try box.git(["add", "b.txt"])
    #expect(try box.commit("b", environment: ["PREVIOUS_EXIT": "3"]).status == 1, "its failure still stops the commit")

    let uninstall = try hush(["uninstall"], in: box.url)
    #expect(uninstall.status == 0)
    #expect(try Data(contentsOf: hook) == original)
    #expect(try Self.mode(hook) == 0o750)
    #expect(!FileManager.default.fileExists(atPath: box.hooks.appendingPathComponent("pre-push").path))
    #expect(!FileManager.default.fileExists(atPath: hook.path + ".hush-previous"))
  }

  @Test func dryRunWritesNothing() throws {
    let box = try Sandbox(git: true)
    let run = try hush(["install", "--dry-run"], in: box.url)
    #expect(run.status == 0)
    #expect(run.stdout.contains("+++ ") && run.stdout.contains("+exec \"$hush\" staged"))
    #expect(!FileManager.default.fileExists(atPath: box.hooks.appendingPathComponent("pre-commit").path))
  }

  @Test func hooksPathOutsideAndInsideTheRepository() throws {
    let box = try Sandbox(git: true)
    let shared = try Sandbox()
    try box.git(["config", "core.hooksPath", shared.url.path])
    #expect(try hush(["install"], in: box.url).status == 0)
    #expect(FileManager.default.fileExists(atPath: shared.url.appendingPathComponent("pre-commit").path))

    let other = try Sandbox(git: true)
    try other.git(["config", "core.hooksPath", "tools/hooks"])
    let managed = try hush(["install"], in: other.url)
    #expect(managed.status == 1)
    #expect(managed.stdout.contains("tools/hooks/pre-commit: add the line `hush staged`"))
    #expect(!FileManager.default.fileExists(atPath: other.url.appendingPathComponent("tools/hooks/pre-commit").path))
    #expect(try hush(["install", "--force"], in: other.url).status == 0)
    #expect(FileManager.default.fileExists(atPath: other.url.appendingPathComponent("tools/hooks/pre-commit").path))
  }

  @Test func hookManagersGetInstructionsInstead() throws {
    let box = try Sandbox(git: true)
    try box.write(".husky/pre-commit", "npm test\n")
    let husky = try hush(["install"], in: box.url)
    #expect(husky.status == 1)
    #expect(husky.stdout.contains(".husky/pre-commit: add the line `hush staged`"))

    let lefthook = try Sandbox(git: true)
    try lefthook.write("lefthook.yml", "pre-commit:\n  commands: {}\n")
    let run = try hush(["install", "--pre-push"], in: lefthook.url)
    #expect(run.status == 1)
    #expect(run.stdout.contains("run: hush staged") && run.stdout.contains("run: hush pre-push"))
  }

  /// The pre-commit framework, found by its config or by the hook it generated: install
  /// writes nothing and prints its config lines; --force still keeps the framework's hook.
  @Test func preCommitFrameworkIsDetected() throws {
    let configured = try Sandbox(git: true)
    try configured.write(".pre-commit-config.yaml", "repos: []\n")
    let byConfig = try hush(["install"], in: configured.url)
    #expect(byConfig.status == 1)
    #expect(byConfig.stdout.contains("entry: hush staged") && byConfig.stdout.contains("pass_filenames: false"))
    #expect(!FileManager.default.fileExists(atPath: configured.hooks.appendingPathComponent("pre-commit").path))

    let generated = try Sandbox(git: true)
    let hook = generated.hooks.appendingPathComponent("pre-commit")
    let framework =
      "#!/usr/bin/env bash\n# File generated by pre-commit: https://pre-commit.com\nexec pre-commit \"$@\"\n"
    try generated.write(".git/hooks/pre-commit", framework)
    let byHook = try hush(["install"], in: generated.url)
    #expect(byHook.status == 1)
    #expect(byHook.stdout.contains("the pre-commit framework runs the hooks here"))
    #expect(try String(contentsOf: hook, encoding: .utf8) == framework, "its hook is untouched")

    let forced = try hush(["install", "--force"], in: generated.url)
    #expect(forced.status == 0, "\(forced.stderr)")
    let kept = generated.hooks.appendingPathComponent("pre-commit.hush-previous")
    #expect(try String(contentsOf: kept, encoding: .utf8) == framework)
    #expect(try String(contentsOf: hook, encoding: .utf8).contains("hush"))
  }

  @Test func installFromALinkedWorktreeUsesTheSharedHooks() throws {
    let box = try Sandbox(git: true)
    try box.write("a.txt", "a\n")
    try box.commitAll("a", day: 1)
    let worktree = box.url.appendingPathComponent("wt")
    try box.git(["worktree", "add", "-q", worktree.path])
    #expect(try hush(["install"], in: worktree).status == 0)
    #expect(FileManager.default.fileExists(atPath: box.hooks.appendingPathComponent("pre-commit").path))
  }

  @Test func missingHushBlocksInsteadOfPassing() throws {
    let box = try Sandbox(git: true)
    let copy = try Sandbox()
    let binary = copy.url.appendingPathComponent("hush")
    // Copied by `cp`, not in this process: a child forked by a parallel test while we held the
    // copy open for writing would keep it open, and executing it would fail with ETXTBSY.
    let copied = try execute(URL(fileURLWithPath: "/bin/cp"), [Binary.hush.path, binary.path], in: copy.url)
    #expect(copied.status == 0, "\(copied.stderr)")
    #expect(try execute(binary, ["install"], in: box.url).status == 0)
    try FileManager.default.removeItem(at: binary)
    try box.write("a.txt", "a\n")
    try box.git(["add", "a.txt"])
    let run = try box.commit("a", environment: ["PATH": "/usr/bin:/bin"])
    #expect(run.status == 1, "git commit fails with 1 when its hook refuses")
    #expect(run.stderr.contains("hush: not found"))
  }

  @Test func githooksScriptsForHooksPathUsers() throws {
    let fake = Fake(seed: 602)
    let box = try Sandbox(git: true)
    let scripts = Binary.packageRoot.appendingPathComponent("githooks")
    try box.git(["config", "core.hooksPath", scripts.path])
    let path = Binary.hush.deletingLastPathComponent().path + ":/usr/bin:/bin"
    try box.write("leak.txt", "key=" + fake.stripeKey() + "\n")
    try box.git(["add", "leak.txt"])
    #expect(try box.commit("leak", environment: ["PATH": path]).status == 1)
    let unprotected = try box.commit("leak", environment: ["PATH": "/usr/bin:/bin"])
    #expect(unprotected.status == 1)
    #expect(unprotected.stderr.contains("hush: not found on PATH"))
  }

  /// The pre-commit framework's hook definition runs `hush staged` with no file names.
  @Test func preCommitHookDefinition() throws {
    let text = try String(
      contentsOf: Binary.packageRoot.appendingPathComponent(".pre-commit-hooks.yaml"), encoding: .utf8)
    let lines = Set(text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) })
    for line in ["- id: hush", "entry: hush staged", "language: system", "pass_filenames: false"] {
      #expect(lines.contains(line), "\(line)")
    }
  }
}
