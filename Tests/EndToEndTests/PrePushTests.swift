import Foundation
import Testing

/// `hush pre-push` with a real remote: only what the push would add is scanned.
@Suite struct PrePushTests {
  /// A bare remote and a clone of it with one pushed commit holding `pushed`.
  static func setUp(pushed: String = "base\n") throws -> (remote: Sandbox, clone: Sandbox) {
    let remote = try Sandbox()
    try remote.git(["init", "-q", "--bare", "-b", "main"])
    let clone = try Sandbox()
    try clone.git(["clone", "-q", remote.url.path, "."])
    try clone.git(["checkout", "-q", "-b", "main"])
    try clone.write("settings.cfg", pushed)
    try clone.commitAll("pushed", day: 1)
    try clone.git(["push", "-q", "origin", "main"])
    return (remote, clone)
  }

  static func line(_ clone: Sandbox, remoteID: String) throws -> String {
    "refs/heads/main \(try clone.head()) refs/heads/main \(remoteID)\n"
  }

  @Test func newCommitWithASecretBlocksThePush() throws {
    let fake = Fake(seed: 801)
    let (_, clone) = try Self.setUp()
    let remoteID = try clone.head()
    try clone.write("billing.py", "KEY = '" + fake.stripeKey() + "'\n")
    try clone.commitAll("billing", author: "Dana", day: 2)
    let run = try hush(
      ["pre-push", "--format", "json", "origin", "url"], in: clone.url, input: try Self.line(clone, remoteID: remoteID))
    #expect(run.status == 1, "\(run.stderr)")
    let finding = try #require(try run.findings().first)
    #expect(finding["commit"] as? String == (try clone.head()))
    #expect(finding["author"] as? String == "Dana")
    #expect(finding["file"] as? String == "billing.py")
  }

  @Test func secretsAlreadyOnTheRemoteAreNotThisPushs() throws {
    let fake = Fake(seed: 802)
    let (_, clone) = try Self.setUp(pushed: "key=" + fake.stripeKey() + "\n")
    let remoteID = try clone.head()
    try clone.write(
      "settings.cfg",
      (try String(contentsOf: clone.url.appendingPathComponent("settings.cfg"), encoding: .utf8)) + "mode=fast\n")
    try clone.commitAll("edit next to an old secret", day: 2)
    let run = try hush(["pre-push"], in: clone.url, input: try Self.line(clone, remoteID: remoteID))
    #expect(run.status == 0, "\(run.stdout)")

    let newBranch = "refs/heads/topic \(try clone.head()) refs/heads/topic \(String(repeating: "0", count: 40))\n"
    #expect(try hush(["pre-push"], in: clone.url, input: newBranch).status == 0)
  }

  @Test func deletionsAndEmptyInputPushNothing() throws {
    let (_, clone) = try Self.setUp()
    let deletion = "(delete) \(String(repeating: "0", count: 40)) refs/heads/old \(try clone.head())\n"
    let run = try hush(["pre-push"], in: clone.url, input: deletion)
    #expect(run.status == 0)
    #expect(run.stderr.contains("nothing to scan"))
    #expect(try hush(["pre-push"], in: clone.url, input: "").status == 0)
  }

  @Test func malformedInputIsAnError() throws {
    let (_, clone) = try Self.setUp()
    let run = try hush(["pre-push"], in: clone.url, input: "not a push line\n")
    #expect(run.status == 2)
    #expect(run.stderr.contains("pre-push"))
  }

  @Test func realGitPushIsBlockedByTheHook() throws {
    let fake = Fake(seed: 803)
    let (remote, clone) = try Self.setUp()
    let hook = clone.url.appendingPathComponent(".git/hooks/pre-push")
    try Data("#!/bin/sh\nexec '\(Binary.hush.path)' pre-push \"$@\"\n".utf8).write(to: hook)
    try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: hook.path)
    try clone.write("deploy.sh", "export STRIPE=" + fake.stripeKey() + "\n")
    try clone.commitAll("deploy", day: 3)
    let push = try execute(
      URL(fileURLWithPath: "/usr/bin/env"), ["git", "push", "-q", "origin", "main"], in: clone.url)
    #expect(push.status == 1, "the hook must block the push (git push exits 1)")
    #expect(push.stderr.contains("push blocked"))
    let remoteHead = try remote.git(["rev-parse", "main"]).stdout
    #expect(remoteHead != (try clone.head()) + "\n", "the remote did not receive the commit")
  }

  @Test func installedPrePushHookChainsTheExistingOneWithItsInput() throws {
    let fake = Fake(seed: 804)
    let (remote, clone) = try Self.setUp()
    let hook = clone.url.appendingPathComponent(".git/hooks/pre-push")
    try Data("#!/bin/sh\necho \"args: $1\" >> .git/pushed.log\ncat >> .git/pushed.log\n".utf8).write(to: hook)
    try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: hook.path)
    #expect(try hush(["install", "--pre-push"], in: clone.url).status == 0)

    try clone.write("notes.txt", "clean\n")
    try clone.commitAll("clean", day: 2)
    let clean = try execute(
      URL(fileURLWithPath: "/usr/bin/env"), ["git", "push", "-q", "origin", "main"], in: clone.url)
    #expect(clean.status == 0, "\(clean.stderr)")
    let log = try String(contentsOf: clone.url.appendingPathComponent(".git/pushed.log"), encoding: .utf8)
    #expect(
      log.hasPrefix("args: origin\nrefs/heads/main \(try clone.head()) refs/heads/main "),
      "the kept hook got git's arguments and lines")

    try clone.write("deploy.sh", "export STRIPE=" + fake.stripeKey() + "\n")
    try clone.commitAll("deploy", day: 3)
    let blocked = try execute(
      URL(fileURLWithPath: "/usr/bin/env"), ["git", "push", "-q", "origin", "main"], in: clone.url)
    #expect(blocked.status == 1)
    #expect(try remote.git(["rev-parse", "main"]).stdout != (try clone.head()) + "\n")
  }
}
