import Foundation
import Testing

/// `.hush.toml`: every key has an effect, every mistake names its line.
@Suite struct ConfigTests {
  @Test func everyKeyHasItsEffect() throws {
    let fake = Fake(seed: 301)
    let box = try Sandbox(git: true)
    let config = #"""
      extend = true
      max-file-size = "2KiB"
      disable = ["cand-assign", "shell-env-secret"]

      [allowlist]
      paths = ["vendor/*"]
      secrets = ['^sk_live_ALLOWED']
      lines = ['sandbox-fixture']
      stopwords = ["zzdemo"]

      [rules.stripe-secret-key]
      min-entropy = 3.0
      allowlist = { paths = ["docs/*"] }

      [[rule]]
      id = "acme-internal-token"
      description = "ACME internal API token"
      provider = "acme"
      severity = "high"
      keywords = ["acme_"]
      regex = '''\b(acme_[0-9a-f]{32})\b'''
      rotate = "Revoke it in the ACME console."
      examples = ['t = acme_3f9a1c7e5b2d4f6a8c0e1b3d5f7a9c2e']

      """#
    try box.write(".hush.toml", config)
    let reported = fake.stripeKey()
    try box.write("app/billing.py", "KEY = '" + reported + "'\n")
    try box.write("app/allowed.py", "KEY = 'sk_live_ALLOWED" + fake.random(16) + "'\n")
    try box.write("app/fixture.py", "KEY = '" + fake.stripeKey() + "'  # sandbox-fixture\n")
    try box.write("app/stop.py", "KEY = 'sk_live_zzDemo" + fake.random(18) + "'\n")
    try box.write("docs/guide.md", "KEY = '" + fake.stripeKey() + "'\n")
    try box.write("vendor/lib.py", "KEY = '" + fake.stripeKey() + "'\n")
    try box.write("app/token.env", fake.envToken() + "\n")
    try box.write(
      "app/acme.txt", "t = acme_" + fake.random(32, from: Array("0123456789abcdef")) + "\n")
    try box.write("app/big.txt", String(repeating: "x", count: 3000) + "\nKEY='" + fake.stripeKey() + "'\n")
    let run = try hush(["scan", "--format", "json", "--show-secrets"], in: box.url)
    let found = try run.findings().map { "\($0["file"] ?? ""):\($0["rule"] ?? "")" }.sorted()
    #expect(found == ["app/acme.txt:acme-internal-token", "app/billing.py:stripe-secret-key"], "\(run.stderr)")
    let skipped = try #require(try run.summary()["skipped"] as? [String: Any])
    #expect(skipped["tooLarge"] as? Int == 1)
    #expect(skipped["allowlisted"] as? Int == 1)
    #expect(try hush(["config", "check"], in: box.url).status == 0)

    try box.write(
      ".hush.toml",
      "extend = false\n"
        + config.replacingOccurrences(of: "extend = true\n", with: "").replacingOccurrences(
          of: "disable = [\"cand-assign\", \"shell-env-secret\"]\n", with: ""
        ).replacingOccurrences(
          of: "[rules.stripe-secret-key]\nmin-entropy = 3.0\nallowlist = { paths = [\"docs/*\"] }\n", with: ""))
    let only = try hush(["scan", "--format", "json"], in: box.url)
    #expect(only.status == 1)
    #expect(try only.findings().compactMap { $0["rule"] as? String } == ["acme-internal-token"], "\(only.stderr)")
  }

  @Test(arguments: [
    ("colour = true\n", ".hush.toml:1: unknown key 'colour'"),
    ("extend = \"yes\"\n", ".hush.toml:1: 'extend' must be true or false"),
    ("# c\nmax-file-size = \"huge\"\n", ".hush.toml:2: 'max-file-size' must be"),
    ("\nmin-confidence = 1.5\n", ".hush.toml:2: 'min-confidence' must be a number from 0 to 1"),
    ("min-confidence = \"high\"\n", ".hush.toml:1: 'min-confidence' must be a number from 0 to 1"),
    ("disable = [\"no-such-rule\"]\n", ".hush.toml:1: no rule has the id 'no-such-rule'"),
    ("\n[rules.no-such-rule]\nmin-entropy = 3\n", ".hush.toml:2: no rule has the id 'no-such-rule'"),
    ("[rules.jwt]\nmin-entropy = 12\n", ".hush.toml:2: 'rules.jwt.min-entropy' must be"),
    ("[allowlist]\nsecrets = ['(unclosed']\n", ".hush.toml:2: 'allowlist.secrets': invalid regex"),
    ("[allowlist]\nlines = \"x\"\n", ".hush.toml:2: 'allowlist.lines' must be an array of strings"),
    ("[rules.jwt]\nallowlist = { colour = [] }\n", "unknown key 'rules.jwt.allowlist.colour'"),
    ("[[rule]]\nid = \"x-y\"\n", ".hush.toml:1:"),
    ("extend = \n", ".hush.toml:1:"),
  ])
  func mistakesNameTheirLine(_ text: String, _ message: String) throws {
    let box = try Sandbox(git: true)
    try box.write(".hush.toml", text)
    let run = try hush(["scan"], in: box.url)
    #expect(run.status == 2)
    #expect(run.stderr.contains(message), "\(run.stderr)")
    #expect(try hush(["config", "check"], in: box.url).status == 2)
  }

  @Test func initWritesAStarterThatChecksAndNeverOverwrites() throws {
    let box = try Sandbox(git: true)
    try box.write("src/a.txt", "a\n")
    let first = try hush(["config", "init"], in: box.url.appendingPathComponent("src"))
    #expect(first.status == 0, "\(first.stderr)")
    let written = try String(contentsOf: box.url.appendingPathComponent(".hush.toml"), encoding: .utf8)
    #expect(written.contains("[allowlist]") && written.contains("# [[rule]]"))
    #expect(try hush(["config", "check"], in: box.url).status == 0)
    try box.write(".hush.toml", "# mine\n")
    let second = try hush(["config", "init"], in: box.url)
    #expect(second.status == 2)
    #expect(try String(contentsOf: box.url.appendingPathComponent(".hush.toml"), encoding: .utf8) == "# mine\n")
  }

  /// `config check` runs the examples of the rules a config adds: a failing one exits 1.
  @Test func checkRunsTheExamplesOfAddedRules() throws {
    let box = try Sandbox(git: true)
    let rule = #"""
      [[rule]]
      id = "acme-internal-token"
      description = "ACME internal API token"
      provider = "acme"
      severity = "high"
      keywords = ["acme_"]
      regex = '''\b(acme_[0-9a-f]{32})\b'''
      rotate = "Revoke it in the ACME console."

      """#
    try box.write(".hush.toml", rule + "examples = ['t = acme_3f9a1c7e5b2d4f6a8c0e1b3d5f7a9c2e']\n")
    let good = try hush(["config", "check"], in: box.url)
    #expect(good.status == 0, "\(good.stderr)")
    try box.write(".hush.toml", rule + "examples = ['t = acme_too_short']\n")
    let failing = try hush(["config", "check"], in: box.url)
    #expect(failing.status == 1, "\(failing.stdout)\(failing.stderr)")
    #expect((failing.stdout + failing.stderr).contains("acme-internal-token"))
  }

  @Test func environmentNamesTheConfig() throws {
    let fake = Fake(seed: 302)
    let box = try Sandbox(git: true)
    let elsewhere = try Sandbox()
    try elsewhere.write("team.toml", "[allowlist]\npaths = [\"*.env\"]\n")
    try box.write("a.env", fake.envToken() + "\n")
    #expect(try hush(["scan"], in: box.url).status == 1)
    let configured = try hush(
      ["scan"], in: box.url, environment: ["HUSH_CONFIG": elsewhere.url.appendingPathComponent("team.toml").path])
    #expect(configured.status == 0, "\(configured.stderr)")
  }
}

/// Credential files are recognised by format where they live, not everywhere.
@Suite struct CredentialFileTests {
  @Test func formatsAreFoundAtTheirPathsOnly() throws {
    let fake = Fake(seed: 303)
    let box = try Sandbox()
    let password = fake.random(14)
    let netrc = "machine api.example.org login deploy password " + password + "\n"
    try box.write("home/.netrc", netrc)
    try box.write("notes/netrc-example.txt", netrc)
    try box.write("web/.htpasswd", "admin:$apr1$" + fake.random(8) + "$" + fake.random(22) + "\n")
    try box.write("app/settings.py", "SECRET_KEY = '" + fake.random(50) + "'\n")
    let run = try hush(["scan", "--format", "json", "."], in: box.url)
    #expect(run.status == 1)
    let found = Set(try run.findings().map { "\($0["file"] ?? ""):\($0["rule"] ?? "")" })
    #expect(
      found == ["home/.netrc:netrc-password", "web/.htpasswd:password-hash-file", "app/settings.py:django-secret-key"])
    #expect(!run.stdout.contains(password))
  }
}
