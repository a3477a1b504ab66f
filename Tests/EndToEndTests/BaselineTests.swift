import Foundation
import Testing

/// `hush baseline`: adopt Hush on a repository that already has findings.
@Suite struct BaselineTests {
  static func salt(_ box: Sandbox) throws -> String? {
    let data = try Data(contentsOf: box.url.appendingPathComponent(".hush-baseline.json"))
    return (try JSONSerialization.jsonObject(with: data) as? [String: Any])?["salt"] as? String
  }

  @Test func roundTripMovedChangedAndUpdated() throws {
    let fake = Fake(seed: 201)
    let box = try Sandbox(git: true)
    let known = fake.stripeKey()
    try box.write("app/config.py", "KEY = '" + known + "'\n")
    try box.commitAll("legacy", day: 1)
    let create = try hush(["baseline"], in: box.url)
    #expect(create.status == 0, "\(create.stderr)")
    let text = try String(contentsOf: box.url.appendingPathComponent(".hush-baseline.json"), encoding: .utf8)
    #expect(!text.contains(known), "never the secret")
    #expect(text.contains("\"path\": \"app/config.py\"") && !text.contains("\"line\""))
    #expect(text.hasSuffix("    null\n  ]\n}\n"))
    let attributes = try String(contentsOf: box.url.appendingPathComponent(".gitattributes"), encoding: .utf8)
    #expect(attributes == "/.hush-baseline.json merge=union\n")

    let clean = try hush(["scan", "--format", "json"], in: box.url)
    #expect(clean.status == 0, "\(clean.stdout)")
    let skipped = try #require(try clean.summary()["skipped"] as? [String: Any])
    #expect(skipped["baselined"] as? Int == 1)

    try box.write("app/config.py", "# moved down\n\nKEY = '" + known + "'\n")
    #expect(try hush(["scan"], in: box.url).status == 0, "a moved secret stays known")
    #expect(try hush(["scan", "app"], in: box.url).status == 0, "whatever directory is scanned")

    try box.write("app/config.py", "KEY = '" + fake.stripeKey() + "'\n")
    #expect(try hush(["scan"], in: box.url).status == 1, "a changed secret is new")

    let existing = try hush(["baseline"], in: box.url)
    #expect(existing.status == 2 && existing.stderr.contains("--update"))
    let salt = try Self.salt(box)
    try box.write("app/config.py", "KEY = None\n")
    #expect(try hush(["baseline", "--update"], in: box.url).status == 0)
    #expect(try Self.salt(box) == salt, "update keeps the salt")
    let entries = try String(contentsOf: box.url.appendingPathComponent(".hush-baseline.json"), encoding: .utf8)
    #expect(!entries.contains("app/config.py"), "entries that no longer occur are dropped")
  }

  @Test func branchesThatEachAddEntriesMergeCleanly() throws {
    let fake = Fake(seed: 202)
    let box = try Sandbox(git: true)
    try box.write("base.txt", "k=" + fake.stripeKey() + "\n")
    try box.commitAll("base", day: 1)
    #expect(try hush(["baseline"], in: box.url).status == 0)
    try box.commitAll("baseline", day: 2)
    try box.git(["checkout", "-q", "-b", "left"])
    try box.write("left.txt", "k=" + fake.stripeKey() + "\n")
    #expect(try hush(["baseline", "--update"], in: box.url).status == 0)
    try box.commitAll("left", day: 3)
    try box.git(["checkout", "-q", "main"])
    try box.write("right.txt", "k=" + fake.stripeKey() + "\n")
    #expect(try hush(["baseline", "--update"], in: box.url).status == 0)
    try box.commitAll("right", day: 4)
    let merge = try execute(
      URL(fileURLWithPath: "/usr/bin/env"),
      ["git", "-c", "user.name=T", "-c", "user.email=t@example.invalid", "merge", "-q", "--no-edit", "left"],
      in: box.url)
    #expect(merge.status == 0, "\(merge.stdout)\(merge.stderr)")
    let scan = try hush(["scan", "--format", "json"], in: box.url)
    #expect(scan.status == 0, "\(scan.stdout)\(scan.stderr)")
    #expect((try scan.summary()["skipped"] as? [String: Any])?["baselined"] as? Int == 3)
  }

  @Test func aKnownLocalSecretIsBaselinedSoTheNextScanIsClean() throws {
    let box = try Sandbox(git: true)
    try box.write(".gitignore", ".env\n")
    let password = "summer" + "2024!x"  // hush:allow
    try box.write(".env", "DB_PASSWORD=\"" + password + "\"\n")
    try box.write("app.py", "connect('db', '" + password + "')\n")
    try box.commitAll("legacy", day: 1)
    #expect(try hush(["scan"], in: box.url).status == 1, "the local password is found")
    let create = try hush(["baseline"], in: box.url)
    #expect(create.status == 0, "\(create.stderr)")
    let text = try String(contentsOf: box.url.appendingPathComponent(".hush-baseline.json"), encoding: .utf8)
    #expect(text.contains("\"rule\": \"known-local-secret\""))
    let scan = try hush(["scan"], in: box.url)
    #expect(scan.status == 0, "\(scan.stdout)")
  }

  @Test func conflictMarkersNameTheirLine() throws {
    let box = try Sandbox(git: true)
    try box.write(
      ".hush-baseline.json",
      "{\n  \"hushBaseline\": 2,\n  \"salt\": \"" + String(repeating: "ab", count: 16)
        + "\",\n  \"entries\": [\n<<<<<<< HEAD\n=======\n>>>>>>> other\n    null\n  ]\n}\n")
    let run = try hush(["scan"], in: box.url)
    #expect(run.status == 2)
    #expect(run.stderr.contains(".hush-baseline.json:5:"), "\(run.stderr)")
  }

  @Test func brokenBaselineNamesItsLine() throws {
    let box = try Sandbox(git: true)
    try box.write(".hush-baseline.json", "{\n  \"hushBaseline\": 1,\n  \"salt\": \"zz\",\n  \"entries\": [null]\n}\n")
    let run = try hush(["scan"], in: box.url)
    #expect(run.status == 2)
    #expect(run.stderr.contains(".hush-baseline.json:3"))
    let missing = try hush(["scan", "--baseline", "nope.json"], in: box.url)
    #expect(missing.status == 2)
  }
}
