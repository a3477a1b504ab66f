import Foundation
import Testing

/// ci/hush-ci.sh, the logic behind the GitHub Action and the GitLab template, against real
/// repositories: what a pull request or a push brings is scanned, nothing else, and a missing
/// commit is an error, never a pass.
@Suite struct CIScriptTests {
  static let script = Binary.packageRoot.appendingPathComponent("ci/hush-ci.sh")

  func ci(_ arguments: [String], in box: Sandbox) throws -> Run {
    try execute(
      URL(fileURLWithPath: "/bin/bash"), [Self.script.path] + arguments, in: box.url,
      environment: ["HUSH": Binary.hush.path, "HUSH_SARIF": "out.sarif"])
  }

  func commit(_ box: Sandbox, _ path: String, _ text: String) throws -> String {
    try box.write(path, text)
    try box.git(["add", path])
    try box.git(["commit", "-q", "-m", "change " + path])
    return try box.git(["rev-parse", "HEAD"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
  }

  func sarifResults(_ box: Sandbox) throws -> [[String: Any]] {
    let data = try Data(contentsOf: box.url.appendingPathComponent("out.sarif"))
    let sarif = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    return try #require((sarif["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]])
  }

  @Test func aPullRequestIsJudgedByItsOwnCommitsOnly() throws {
    let fake = Fake(seed: 2201)
    let box = try Sandbox(git: true)
    _ = try commit(box, "old.py", "KEY = '" + fake.stripeKey() + "'\n")  // leaked before the PR
    let base = try commit(box, "README", "hello\n")
    let clean = try commit(box, "app.py", "print('hi')\n")
    let cleanRun = try ci(["pull-request", base, clean], in: box)
    #expect(cleanRun.status == 0, "\(cleanRun.stderr)")
    #expect(try sarifResults(box).isEmpty)
    let leaky = try commit(box, "deploy.py", "TOKEN = '" + fake.stripeKey() + "'\n")
    let leakyRun = try ci(["pull-request", base, leaky], in: box)
    #expect(leakyRun.status == 1)
    let uris = try sarifResults(box).compactMap {
      ((($0["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])?["artifactLocation"]
        as? [String: Any])?["uri"] as? String
    }
    #expect(uris == ["deploy.py"])
  }

  @Test func aPushScansWhatItAddedAndANewBranchWhatNoOtherBranchHas() throws {
    let fake = Fake(seed: 2202)
    let box = try Sandbox(git: true)
    _ = try commit(box, "old.py", "KEY = '" + fake.stripeKey() + "'\n")
    let before = try commit(box, "README", "hello\n")
    let after = try commit(box, "a.py", "x = 1\n")
    #expect(try ci(["push", before, after], in: box).status == 0)
    // A new branch pushed: its base is on the remote's main, so only its own commit counts.
    let remote = try Sandbox()
    try remote.git(["init", "-q", "--bare", "origin.git"])
    try box.git(["remote", "add", "origin", remote.url.appendingPathComponent("origin.git").path])
    try box.git(["push", "-q", "origin", "main"])
    try box.git(["checkout", "-q", "-b", "feature"])
    let leaky = try commit(box, "b.py", "TOKEN = '" + fake.stripeKey() + "'\n")
    try box.git(["push", "-q", "origin", "feature"])
    try box.git(["fetch", "-q", "origin"])
    let run = try ci(["push", String(repeating: "0", count: 40), leaky], in: box)
    #expect(run.status == 1, "\(run.stderr)")
    #expect(try sarifResults(box).count == 1, "old.py, leaked on main long ago, is not this push's")
  }

  @Test func aMissingCommitFailsInsteadOfPassing() throws {
    let box = try Sandbox(git: true)
    let head = try commit(box, "README", "hello\n")
    let run = try ci(["pull-request", String(repeating: "1", count: 40), head], in: box)
    #expect(run.status == 2)
    #expect(run.stderr.contains("fetch-depth: 0"))
    #expect(try ci(["nonsense"], in: box).status == 2)
  }
}
