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
}
