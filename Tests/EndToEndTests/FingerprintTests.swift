import Foundation
import Testing

/// Report fingerprints that code scanning can track: stable across runs and clones, distinct
/// per place, and keyed by the repository.
@Suite struct FingerprintTests {
  /// A repository whose one commit holds the same secret in two files.
  static func repository(seed: UInt64, secret: String? = nil) throws -> (Sandbox, String) {
    let box = try Sandbox(git: true)
    let key = secret ?? Fake(seed: seed).stripeKey()
    try box.write("a.env", "KEY=" + key + "\n")
    try box.write("b.env", "B=1\nKEY=" + key + "\n")
    try box.git(["add", "."])
    try box.git(["commit", "-q", "-m", "first"])
    return (box, key)
  }

  static func sarifFingerprints(_ arguments: [String], in directory: URL) throws -> [String: String] {
    let run = try hush(arguments + ["--format", "sarif"], in: directory)
    #expect(run.status == 1, "\(run.stderr)")
    let results = try #require((try run.json()["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]])
    var byPath: [String: String] = [:]
    for result in results {
      let location = (result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any]
      let uri = (location?["artifactLocation"] as? [String: Any])?["uri"] as? String ?? ""
      let fingerprints = result["partialFingerprints"] as? [String: String] ?? [:]
      byPath[uri] = fingerprints["hushSecretAtPath/v2"]
    }
    return byPath
  }

  @Test func sarifFingerprintsAreStableAcrossRunsAndClones() throws {
    let (box, _) = try Self.repository(seed: 2101)
    let first = try Self.sarifFingerprints(["scan", "."], in: box.url)
    let second = try Self.sarifFingerprints(["scan", "."], in: box.url)
    #expect(first.count == 2)
    #expect(first == second)
    #expect(Set(first.values).count == 2, "one alert per place: the same secret in two files differs")
    let clone = try Sandbox()
    try clone.git(["clone", "-q", box.url.path, "copy"])
    let copy = clone.url.appendingPathComponent("copy")
    #expect(try Self.sarifFingerprints(["scan", "."], in: copy) == first)
    #expect(try Self.sarifFingerprints(["history"], in: box.url) == first)
  }

  @Test func anotherRepositoryKeysItsFingerprintsDifferently() throws {
    let (box, key) = try Self.repository(seed: 2102)
    let (other, _) = try Self.repository(seed: 2102, secret: key)
    try other.git(["commit", "-q", "--allow-empty", "--amend", "-m", "another first commit"])
    let mine = try Self.sarifFingerprints(["scan", "."], in: box.url)
    let theirs = try Self.sarifFingerprints(["scan", "."], in: other.url)
    #expect(mine.count == 2 && theirs.count == 2)
    #expect(Set(mine.values).isDisjoint(with: Set(theirs.values)))
  }

  @Test func jsonFingerprintsGroupASecretAndStayStable() throws {
    let (box, _) = try Self.repository(seed: 2103)
    let first = try hush(["scan", "--format", "json", "."], in: box.url).findings()
    let second = try hush(["scan", "--format", "json", "."], in: box.url).findings()
    let prints = first.compactMap { $0["fingerprint"] as? String }
    #expect(prints.count == 2 && Set(prints).count == 1, "the same secret in two files: one fingerprint")
    #expect(prints == second.compactMap { $0["fingerprint"] as? String })
  }

  /// The root commit that keys fingerprints is remembered in the git directory, and a
  /// remembered answer never changes them: new commits, a memo that names a commit off the
  /// chain, a damaged memo and another root all give what a fresh lookup gives.
  @Test func theRememberedRootNeverChangesAFingerprint() throws {
    let (box, _) = try Self.repository(seed: 2104)
    let memo = box.url.appendingPathComponent(".git/hush-root-commit")
    let first = try Self.sarifFingerprints(["scan", "."], in: box.url)
    let root = try box.git(["rev-list", "--max-parents=0", "HEAD"]).stdout.trimmingCharacters(
      in: .whitespacesAndNewlines)
    let head = { try box.git(["rev-parse", "HEAD"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines) }
    #expect(try String(contentsOf: memo, encoding: .utf8) == "\(try head()) \(root)\n")
    for number in 1...3 { try box.git(["commit", "-q", "--allow-empty", "-m", "later \(number)"]) }
    #expect(try Self.sarifFingerprints(["scan", "."], in: box.url) == first)
    #expect(try String(contentsOf: memo, encoding: .utf8) == "\(try head()) \(root)\n", "moved to the new HEAD")
    // A memo naming a commit the chain never meets is read past; damaged text is ignored.
    try Data("\(String(repeating: "ab", count: 20)) \(String(repeating: "cd", count: 20))\n".utf8).write(to: memo)
    #expect(try Self.sarifFingerprints(["scan", "."], in: box.url) == first)
    try Data("not a memo".utf8).write(to: memo)
    #expect(try Self.sarifFingerprints(["scan", "."], in: box.url) == first)
    // Another root (an orphan branch): its own key, the same as without any memo.
    try box.git(["checkout", "-q", "--orphan", "other"])
    try box.git(["commit", "-q", "-m", "another root"])
    let other = try Self.sarifFingerprints(["scan", "."], in: box.url)
    #expect(Set(other.values).isDisjoint(with: Set(first.values)))
    try FileManager.default.removeItem(at: memo)
    #expect(try Self.sarifFingerprints(["scan", "."], in: box.url) == other)
  }
}
