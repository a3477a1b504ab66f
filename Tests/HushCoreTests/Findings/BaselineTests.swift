import Foundation
import Testing

@testable import HushCore

/// `Baseline`: the file it renders reads back the same, and each malformed shape is an error
/// that names its line.
@Suite struct BaselineTests {
  static let salt = [UInt8](repeating: 0xAB, count: 16)
  static let fingerprint = String(repeating: "0f", count: 32)

  static func finding(_ secret: String, path: String) -> Finding {
    let rule = Rule(
      id: "demo-token", description: "Demo", provider: "demo", severity: .high, keywords: ["demo_"],
      regex: "(demo_[a-z0-9]{8})", rotate: "Rotate it.", location: "t.toml:1")
    return Finding(
      rule: rule, path: path, line: 3, column: 1, endLine: 3, secret: Array(secret.utf8),
      secretRange: 0..<secret.utf8.count, entropy: 3)
  }

  static func parse(_ text: String) throws(BaselineError) -> Baseline {
    try Baseline.parse(Data(text.utf8), file: "b.json")
  }

  /// A file as `hush baseline` writes it, with `entry` as its only entry (line 5).
  static func file(salt: String = String(repeating: "ab", count: 16), entry: String) -> String {
    "{\n  \"hushBaseline\": 1,\n  \"salt\": \"\(salt)\",\n  \"entries\": [\n    \(entry),\n    null\n  ]\n}\n"
  }

  @Test func renderedFileReadsBackTheSameAndKnowsItsFindings() throws {
    let known = Self.finding("demo_" + "a1b2c3d4", path: "app/config.py")
    let baseline = Baseline(findings: [known, Self.finding("demo_" + "e5f6a7b8", path: "b.txt")], salt: Self.salt)
    let text = baseline.render()
    #expect(text.hasPrefix("{\n  \"hushBaseline\": 2,\n  \"salt\": \"" + String(repeating: "ab", count: 16) + "\",\n"))
    #expect(text.hasSuffix("    null\n  ]\n}\n"))
    let lines = text.split(separator: "\n").filter { $0.contains("\"fingerprint\"") }
    #expect(lines.count == 2 && lines.allSatisfy { $0.hasSuffix("},") }, "one entry per line, each ending with a comma")
    #expect(lines.first?.contains("\"path\": \"app/config.py\"") == true, "sorted by path")
    let read = try Baseline.parse(Data(text.utf8), file: "b.json")
    #expect(read == baseline)
    let moved = Self.finding("demo_" + "a1b2c3d4", path: "app/config.py")
    let changed = Self.finding("demo_" + "a1b2c3d5", path: "app/config.py")
    #expect(
      read.newFindings([moved, changed]).map(\.secret) == [changed.secret], "no line numbers: a moved line stays known")
    #expect(!text.contains("a1b2c3d4"), "never the secret")
  }

  @Test func theSameSecretAtTwoPlacesHasUnrelatedFingerprints() {
    let secret = "demo_" + "a1b2c3d4"
    let baseline = Baseline(findings: [Self.finding(secret, path: "a.txt"), Self.finding(secret, path: "b.txt")])
    let fingerprints = Set(baseline.entries.map(\.fingerprint))
    #expect(fingerprints.count == 2, "salted per entry: one guess does not test every entry at once")
    let hmac = Fingerprinter(salt: baseline.salt).fingerprint(rule: "demo-token", secret: Array(secret.utf8))
    #expect(!fingerprints.contains(hmac), "not the fast format-1 HMAC")
  }

  @Test func aFormatOneBaselineIsStillReadAndRewrittenAsFormatTwo() throws {
    let known = Self.finding("demo_" + "a1b2c3d4", path: "a.txt")
    let hmac = Fingerprinter(salt: Self.salt).fingerprint(rule: "demo-token", secret: known.secret)
    let old = try Self.parse(Self.file(entry: #"{"path": "a.txt", "rule": "demo-token", "fingerprint": "\#(hmac)"}"#))
    #expect(old.version == 1)
    #expect(old.newFindings([known, Self.finding("demo_" + "e5f6a7b8", path: "a.txt")]).count == 1)
    let upgraded = Baseline(findings: [known], salt: old.salt)
    #expect(upgraded.version == 2 && upgraded.render().contains("\"hushBaseline\": 2,"))
    #expect(upgraded.newFindings([known]).isEmpty && !upgraded.entries.contains { $0.fingerprint == hmac })
  }

  @Test func onlyFindingsWithAnEntryAtTheirPlaceAreNew() {
    let secret = "demo_" + "a1b2c3d4"
    let baseline = Baseline(findings: [Self.finding(secret, path: "a.txt")], salt: Self.salt)
    #expect(baseline.newFindings([Self.finding(secret, path: "elsewhere.txt")]).count == 1)
    #expect(baseline.newFindings([Self.finding(secret, path: "a.txt")]).isEmpty)
  }

  @Test func theMachineMemoSparesTheKDFButNeverAcceptsWhatTheFileDoesNot() throws {
    let cache = FileManager.default.temporaryDirectory.appendingPathComponent("hush-memo-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: cache) }
    let environment = ["XDG_CACHE_HOME": cache.path]
    let known = Self.finding("demo_" + "a1b2c3d4", path: "a.txt")
    let written = Baseline(findings: [known], salt: Self.salt, memoEnvironment: environment)
    let file = try #require(written.memoFile)
    let memoText = try String(contentsOfFile: file, encoding: .utf8)
    #expect(memoText.split(separator: "\n").count == 2 && !memoText.contains("a1b2c3d4"), "key, one tag, no secret")
    let mode = try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? Int
    #expect(mode == 0o600)

    var read = try Baseline.parse(Data(written.render().utf8), file: "b.json")
    read.useMemo(environment: environment)
    #expect(read.newFindings([known]).isEmpty)
    // Another baseline with the same salt but without that entry: the memo's fingerprint
    // matches no entry, so the finding is new.
    var other = Baseline(findings: [Self.finding("demo_" + "e5f6a7b8", path: "a.txt")], salt: Self.salt)
    other.useMemo(environment: environment)
    #expect(other.newFindings([known]).count == 1)
  }

  @Test func aMinimalValidFile() throws {
    let entry = #"{"path": "a.txt", "rule": "demo-token", "fingerprint": "\#(Self.fingerprint)"}"#
    let baseline = try Self.parse(Self.file(entry: entry))
    #expect(baseline.salt == Self.salt)
    #expect(baseline.entries == [Baseline.Entry(rule: "demo-token", path: "a.txt", fingerprint: Self.fingerprint)])
  }

  @Test(arguments: [
    (
      "<<<<<<< HEAD\n{}\n=======\n{}\n>>>>>>> other\n", 1,
      "merge conflict markers: resolve them, or run hush baseline --update"
    ),
    ("[1, 2]", 1, "not a JSON object (a merge conflict left in it?)"),
    ("{\n  \"salt\": \"abab\"\n}\n", 1, "missing \"hushBaseline\": 1 or 2"),
    ("{\n  \"hushBaseline\": 3\n}\n", 1, "missing \"hushBaseline\": 1 or 2"),
    ("{\n  \"hushBaseline\": 1,\n\n  \"salt\": \"abcd\"\n}\n", 4, "\"salt\" must be 32 or more hex digits"),
    (
      "{\n  \"hushBaseline\": 1,\n  \"salt\": \"" + String(repeating: "zz", count: 16) + "\"\n}\n", 3,
      "\"salt\" must be 32 or more hex digits"
    ),
    (
      "{\n  \"hushBaseline\": 1,\n  \"salt\": \"" + String(repeating: "ab", count: 16) + "\",\n  \"entries\": {}\n}\n",
      4,
      "\"entries\" must be an array"
    ),
  ])
  func malformedFilesNameTheirLine(_ text: String, _ line: Int, _ reason: String) {
    #expect(throws: BaselineError.invalid(file: "b.json", line: line, reason: reason)) { try Self.parse(text) }
  }

  @Test(arguments: [
    #"{"path": "a.txt", "rule": "demo-token"}"#, #"{"path": "a.txt", "rule": "demo-token", "fingerprint": "abc"}"#,
    #"{"rule": "demo-token", "fingerprint": "\#(String(repeating: "0f", count: 32))"}"#,
  ])
  func malformedEntriesAreErrors(_ entry: String) {
    let reason = "each entry needs rule, path and a 64-digit fingerprint"
    do {
      _ = try Self.parse(Self.file(entry: entry))
      Issue.record("accepted \(entry)")
    } catch {
      guard case .invalid(let file, let line, let message) = error else {
        Issue.record("\(error)")
        return
      }
      #expect(file == "b.json" && message == reason)
      #expect(line == 5, "the entry's own line")
    }
  }

  @Test func conflictMarkersNameTheirLine() {
    let ours = #"{"path": "a.txt", "rule": "demo-token", "fingerprint": "\#(Self.fingerprint)"}"#
    let text = Self.file(entry: "\(ours),\n<<<<<<< HEAD\n=======\n>>>>>>> other")
    #expect(
      throws: BaselineError.invalid(
        file: "b.json", line: 6, reason: "merge conflict markers: resolve them, or run hush baseline --update")
    ) { try Self.parse(text) }
  }

  @Test func aLaterBrokenEntryNamesItsOwnLine() {
    let good = #"{"path": "a.txt", "rule": "demo-token", "fingerprint": "\#(Self.fingerprint)"}"#
    let text = Self.file(entry: "\(good),\n    null,\n    {\"path\": \"b.txt\"}")
    #expect(
      throws: BaselineError.invalid(
        file: "b.json", line: 7, reason: "each entry needs rule, path and a 64-digit fingerprint")
    ) { try Self.parse(text) }
  }

  @Test func anEntryThatIsNotAnObjectNamesItsLine() {
    #expect(
      throws: BaselineError.invalid(
        file: "b.json", line: 5, reason: "each entry needs rule, path and a 64-digit fingerprint")
    ) { try Self.parse(Self.file(entry: #""a.txt""#)) }
  }
}
