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
}
