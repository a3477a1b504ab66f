import Testing

@testable import HushCore

/// `Attribution` on a hand-built log: each secret reported once, at the change that added it,
/// with the commits that still carry it. No git: every blob the comparison needs is in the plan.
@Suite struct AttributionTests {
  static let rule = Rule(
    id: "demo-token", description: "Demo", provider: "demo", severity: .high, keywords: ["demo_"],
    regex: "(demo_[a-z0-9]{8})", rotate: "Rotate it.", location: "t.toml:1")

  static func finding(_ secret: String, path: String = "") -> Finding {
    Finding(
      rule: rule, path: path, line: 1, column: 1, endLine: 1, secret: Array(secret.utf8),
      secretRange: 0..<secret.utf8.count,
      entropy: 3)
  }

  static func commit(_ id: String, time: Int, parent: String?) -> Commit {
    Commit(id: id, parents: parent.map { [$0] } ?? [], author: "A", email: "a@x.invalid", time: time, subject: id)
  }

  static func change(_ commit: Int, _ path: String, from old: String?, to new: String?, regular: Bool = true) -> Change
  {
    Change(commit: commit, path: path, oldBlob: old, newBlob: new, isRegularFile: regular)
  }

  /// Newest first, as git log lists them: c3 copies a.txt's first version to b.txt, c2 edits
  /// a.txt keeping the secret, c1 adds it.
  static func log() -> CommitLog {
    var log = CommitLog()
    log.commits = [
      commit("c3", time: 300, parent: "c2"), commit("c2", time: 200, parent: "c1"),
      commit("c1", time: 100, parent: nil),
    ]
    log.changes = [
      change(0, "b.txt", from: nil, to: "A1"), change(1, "a.txt", from: "A1", to: "A2"),
      change(2, "a.txt", from: nil, to: "A1"),
    ]
    return log
  }

  /// Runs the attribution with HEAD's tree `head` (paths to blobs); every blob is in the plan,
  /// so no git process starts.
  static func attribute(_ log: CommitLog, _ findings: [String: [Finding]], head: [String: String]) throws -> [Finding] {
    let plan = BlobPlan(log: log, config: HushConfig())
    var attribution = Attribution(log: log, plan: plan, findings: plan.blobs.map { findings[$0] ?? [] })
    let scanner = Scanner(detector: Detector(catalog: RuleCatalog(rules: [])), config: HushConfig(), maxFileSize: 1024)
    try attribution.scanPriorVersions(
      with: BlobPipeline(scanner: scanner, git: Git(directory: "/nonexistent")), head: head)
    return attribution.findings(countingCarriers: true)
  }

  @Test func aSecretIsReportedOnceWhereItWasAdded() throws {
    let secret = "demo_" + "a1b2c3d4"
    let found = try Self.attribute(
      Self.log(), ["A1": [Self.finding(secret)], "A2": [Self.finding(secret)]], head: ["a.txt": "A2", "b.txt": "A1"])
    #expect(found.count == 1, "later versions that still hold it are not new findings")
    let finding = try #require(found.first)
    #expect(finding.path == "a.txt")
    #expect(finding.origin?.commit.id == "c1")
    #expect(finding.origin?.otherPaths == ["b.txt"], "the same blob added elsewhere")
    #expect(finding.origin?.laterCommits == 2, "c2 and c3 still hold it at a.txt")
    #expect(finding.origin?.isInHead == true)
  }

  @Test func aSecretAddedByAnEditIsTheEditsAndLeavesHeadWhenRemoved() throws {
    let old = "demo_" + "a1b2c3d4"
    let new = "demo_" + "e5f6a7b8"
    var log = Self.log()
    log.changes.append(Self.change(0, "a.txt", from: "A2", to: "A3"))
    let found = try Self.attribute(
      log, ["A1": [Self.finding(old)], "A2": [Self.finding(old), Self.finding(new)], "A3": []],
      head: ["a.txt": "A3", "b.txt": "A1"])
    let added = try #require(found.first { $0.secret == Array(new.utf8) })
    #expect(added.origin?.commit.id == "c2")
    #expect(added.origin?.isInHead == false, "c3 removed it from a.txt")
    #expect(added.origin?.laterCommits == 0, "no later commit holds it at a.txt")
    #expect(found.filter { $0.secret == Array(old.utf8) }.map(\.origin?.commit.id) == ["c1"])
  }

  @Test func onATieTheCommitFurtherDownTheLogWins() throws {
    var log = CommitLog()
    log.commits = [Self.commit("merge", time: 50, parent: "side"), Self.commit("side", time: 50, parent: nil)]
    log.changes = [Self.change(0, "x.txt", from: nil, to: "B"), Self.change(1, "y.txt", from: nil, to: "B")]
    let found = try Self.attribute(log, ["B": [Self.finding("demo_" + "a1b2c3d4")]], head: [:])
    #expect(found.map(\.origin?.commit.id) == ["side"])
    #expect(found.first?.path == "y.txt")
    #expect(found.first?.origin?.otherPaths == ["x.txt"])
  }

  @Test func sensitiveFilesAreAttributedToTheirEarliestAddition() {
    var log = CommitLog()
    log.commits = [
      Self.commit("c3", time: 300, parent: "c2"), Self.commit("c2", time: 200, parent: "c1"),
      Self.commit("c1", time: 100, parent: nil),
    ]
    log.changes = [
      Self.change(0, ".env", from: nil, to: "E2"), Self.change(0, "vendor/.env", from: nil, to: "V"),
      Self.change(1, "keys/id_rsa", from: nil, to: "K", regular: false), Self.change(2, ".env", from: nil, to: "E1"),
      Self.change(2, "README.md", from: nil, to: "R"),
    ]
    let added = Attribution.sensitiveFileChanges(in: log, config: HushConfig(allowlistedPaths: ["vendor/*"]))
    #expect(added.map(\.change.path) == [".env"], "a symlink and an allowlisted path are not files being added")
    #expect(added.first.map { log.commits[$0.change.commit].id } == "c1")
    #expect(added.first?.rule.id == "dotenv-file")
  }
}
