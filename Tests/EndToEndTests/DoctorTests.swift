import Foundation
import Testing

/// `hush doctor` proves the hook works without touching the user's repository.
@Suite struct DoctorTests {
  static func objectCount(_ box: Sandbox) throws -> String {
    try box.git(["count-objects", "-v"]).stdout
  }

  @Test func missingHookIsAProblemWithItsFix() throws {
    let box = try Sandbox(git: true)
    let run = try hush(["doctor"], in: box.url)
    #expect(run.status == 1)
    #expect(run.stdout.contains("PROBLEM pre-commit hook") && run.stdout.contains("fix: hush install"))
  }

  @Test func installedHookBlocksTheCanaryAndTheRepositoryIsUntouched() throws {
    let box = try Sandbox(git: true)
    try box.write("work.txt", "unstaged work\n")
    try box.write("staged.txt", "staged work\n")
    try box.git(["add", "staged.txt"])
    #expect(try hush(["install"], in: box.url).status == 0)
    let statusBefore = try box.git(["status", "--porcelain"]).stdout
    let objectsBefore = try Self.objectCount(box)
    let run = try hush(["doctor"], in: box.url)
    #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
    #expect(run.stdout.contains("ok canary") && run.stdout.contains("ok clean commit"))
    #expect(try box.git(["status", "--porcelain"]).stdout == statusBefore)
    #expect(try Self.objectCount(box) == objectsBefore)
  }

  @Test func aHookThatDoesNotRunHushIsCaught() throws {
    let box = try Sandbox(git: true)
    let hook = box.hooks.appendingPathComponent("pre-commit")
    try Data("#!/bin/sh\nexit 0\n".utf8).write(to: hook)
    try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: hook.path)
    let run = try hush(["doctor"], in: box.url)
    #expect(run.status == 1)
    #expect(run.stdout.contains("PROBLEM canary"))

    try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: hook.path)
    let notExecutable = try hush(["doctor"], in: box.url)
    #expect(notExecutable.status == 1)
    #expect(notExecutable.stdout.contains("not executable"))
  }

  /// Under a hook manager, doctor checks that its config calls hush and still runs the canary
  /// through the hook Hush would install.
  @Test func underThePreCommitFrameworkTheConfigMustCallHush() throws {
    let box = try Sandbox(git: true)
    try box.write(".pre-commit-config.yaml", "repos: []\n")
    let missing = try hush(["doctor"], in: box.url)
    #expect(missing.status == 1)
    #expect(missing.stdout.contains("PROBLEM pre-commit config: pre-commit runs hooks here and does not call hush"))
    #expect(missing.stdout.contains("entry: hush staged"), "the fix is the config lines")
    #expect(missing.stdout.contains("ok canary"), "\(missing.stdout)")

    try box.write(
      ".pre-commit-config.yaml",
      "repos:\n  - repo: local\n    hooks:\n      - id: hush\n        entry: hush staged\n        language: system\n")
    let calling = try hush(["doctor"], in: box.url)
    #expect(calling.status == 0, "\(calling.stdout)")
    #expect(calling.stdout.contains("ok pre-commit config: pre-commit runs hooks here and its config calls hush"))
    #expect(calling.stdout.contains("ok canary"))
  }

  @Test func underHuskyTheHookFileMustCallHush() throws {
    let box = try Sandbox(git: true)
    try box.write(".husky/pre-commit", "npm test\n")
    let missing = try hush(["doctor"], in: box.url)
    #expect(missing.status == 1)
    #expect(missing.stdout.contains(".husky/pre-commit: add the line `hush staged`"), "\(missing.stdout)")
    try box.write(".husky/pre-commit", "npm test\nhush staged\n")
    let calling = try hush(["doctor"], in: box.url)
    #expect(calling.status == 0, "\(calling.stdout)")
    #expect(calling.stdout.contains("ok Husky config"))
  }
}
