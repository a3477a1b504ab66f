import Foundation
import Testing

/// JSON Lines, SARIF 2.1.0 and --output.
@Suite struct OutputTests {
  static func twoSecrets() throws -> Sandbox {
    let fake = Fake(seed: 701)
    let box = try Sandbox()
    try box.write("app/settings file.py", "STRIPE = '" + fake.stripeKey() + "'\n")
    try box.write("deploy.env", "A=1\nKEY=" + fake.stripeKey() + "\n")
    return box
  }

  @Test func jsonLinesHoldOneFindingPerLine() throws {
    let box = try Self.twoSecrets()
    let run = try hush(["scan", "--format", "jsonl", "."], in: box.url)
    #expect(run.status == 1)
    let lines = run.stdout.split(separator: "\n")
    #expect(lines.count == 2)
    for line in lines {
      let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
      #expect(object["rule"] as? String == "stripe-secret-key")
      #expect((object["secret"] as? String)?.hasSuffix("********") == true)
    }
  }

  @Test func findingsSayWhetherAnOfflineCheckConfirmedThem() throws {
    let fake = Fake(seed: 702)
    let box = try Sandbox()
    try box.write("id_rsa.txt", fake.privateKeyPEM())
    try box.write("pay.env", "KEY=" + fake.stripeKey() + "\n")
    // A made-up body (what a tutorial shows) fails the key-structure check and is dropped.
    let madeUp = (0..<6).map { _ in fake.random(64) + "\n" }.joined()
    try box.write(
      "docs/key.md", "-----BEGIN RSA " + "PRIVATE KEY-----\n" + madeUp + "-----END RSA " + "PRIVATE KEY-----\n")
    let run = try hush(["scan", "--format", "json", "."], in: box.url)
    let byRule = Dictionary(uniqueKeysWithValues: try run.findings().map { ($0["rule"] as? String ?? "", $0) })
    #expect(byRule.keys.sorted() == ["private-key-pem", "stripe-secret-key"])
    #expect(byRule["private-key-pem"]?["validated"] as? Bool == true)
    #expect(byRule["stripe-secret-key"]?["validated"] as? Bool == false)
    let sarifRun = try hush(["scan", "--format", "sarif", "."], in: box.url)
    #expect(sarifRun.status == 1)
    let sarif = try sarifRun.json()
    let results = try #require((sarif["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]])
    let validated = results.map { (($0["properties"] as? [String: Any])?["validated"] as? Bool) }
    #expect(validated.sorted { ($0 ?? false) && !($1 ?? false) } == [true, false])
    let text = try hush(["scan", "."], in: box.url)
    #expect(text.status == 1)
    #expect(text.stdout.contains("validated: key-structure"))
  }

  @Test func jsonLinesFromStdin() throws {
    let fake = Fake(seed: 703)
    let box = try Sandbox()
    let run = try hush(["scan", "--format", "jsonl", "-"], in: box.url, input: "KEY=" + fake.stripeKey() + "\n")
    #expect(run.status == 1)
    #expect(run.stdout.split(separator: "\n").count == 1, "stdin is not streamed: its findings are written at the end")
  }

  @Test func sarifHasTheRequiredStructure() throws {
    let box = try Self.twoSecrets()
    let run = try hush(["scan", "--format", "sarif", "."], in: box.url)
    #expect(run.status == 1)
    let sarif = try run.json()
    #expect(sarif["version"] as? String == "2.1.0")
    #expect((sarif["$schema"] as? String)?.contains("sarif-2.1.0") == true)
    let runs = try #require(sarif["runs"] as? [[String: Any]])
    #expect(runs.count == 1)
    let driver = try #require((runs[0]["tool"] as? [String: Any])?["driver"] as? [String: Any])
    #expect(driver["name"] as? String == "hush")
    let rules = try #require(driver["rules"] as? [[String: Any]])
    #expect(rules.map { $0["id"] as? String } == ["stripe-secret-key"], "each rule described once")
    #expect((rules[0]["shortDescription"] as? [String: Any])?["text"] is String)
    #expect((rules[0]["help"] as? [String: Any])?["text"] is String)
    #expect(((rules[0]["properties"] as? [String: Any])?["security-severity"] as? String).flatMap(Double.init) != nil)
    let results = try #require(runs[0]["results"] as? [[String: Any]])
    #expect(results.count == 2)
    for result in results {
      #expect(result["ruleId"] as? String == "stripe-secret-key")
      #expect(result["ruleIndex"] as? Int == 0)
      #expect(["error", "warning", "note"].contains(result["level"] as? String ?? ""))
      #expect((result["message"] as? [String: Any])?["text"] is String)
      let fingerprints = try #require(result["partialFingerprints"] as? [String: String])
      #expect(fingerprints["hushSecretAtPath/v2"]?.count == 64)
      let location = try #require(
        (result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
      let artifact = try #require(location["artifactLocation"] as? [String: Any])
      #expect(["app/settings%20file.py", "deploy.env"].contains(artifact["uri"] as? String ?? ""))
      let region = try #require(location["region"] as? [String: Any])
      // `STRIPE = '` puts the key at 1:11; `A=1\nKEY=` at 2:5.
      let expected = artifact["uri"] as? String == "deploy.env" ? [2, 5] : [1, 11]
      #expect([region["startLine"] as? Int, region["startColumn"] as? Int] == expected)
    }
  }

  @Test func outputFileReceivesTheReport() throws {
    let box = try Self.twoSecrets()
    let file = box.url.appendingPathComponent("report.sarif")
    let run = try hush(["scan", "--format", "sarif", "--output", file.path, "app", "deploy.env"], in: box.url)
    #expect(run.status == 1)
    #expect(run.stdout.isEmpty)
    let written = try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any]
    #expect(written?["version"] as? String == "2.1.0")
    let missing = try hush(["scan", "--output", "/nonexistent/dir/r.json", "app"], in: box.url)
    #expect(missing.status == 2)
    #expect(missing.stderr.contains("cannot write"))
  }

  @Test func historyInSarifCarriesTheCommit() throws {
    let fake = Fake(seed: 704)
    let box = try Sandbox(git: true)
    try box.write("k.txt", "k=" + fake.stripeKey() + "\n")
    try box.commitAll("key", day: 3)
    let run = try hush(["history", "--format", "sarif"], in: box.url)
    #expect(run.status == 1)
    let result = try #require(
      ((try run.json()["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]])?.first)
    #expect((result["properties"] as? [String: Any])?["commit"] as? String == (try box.head()))
  }

  /// Text output is coloured on a terminal only, and never with NO_COLOR: run under a
  /// pseudo-terminal by script(1), whose -e passes on hush's exit status.
  @Test func colourOnlyOnATerminalAndNeverWithNoColor() throws {
    let fake = Fake(seed: 705)
    let box = try Sandbox()
    try box.write("a.env", fake.envToken() + "\n")
    let command = "'\(Binary.hush.path)' scan"
    let script = URL(fileURLWithPath: "/usr/bin/script")
    let terminal = try execute(script, ["-qec", command, "/dev/null"], in: box.url)
    #expect(terminal.status == 1)
    #expect(terminal.stdout.contains("\u{1B}[1ma.env:1:"), "\(terminal.stdout)")
    let plain = try execute(script, ["-qec", command, "/dev/null"], in: box.url, environment: ["NO_COLOR": "1"])
    #expect(plain.status == 1)
    #expect(plain.stdout.contains("a.env"), "the report is there")
    #expect(!plain.stdout.contains("\u{1B}["), "\(plain.stdout)")
    let pipe = try hush(["scan"], in: box.url)
    #expect(pipe.status == 1)
    #expect(!pipe.stdout.contains("\u{1B}[") && !pipe.stderr.contains("\u{1B}["), "no colour on a pipe")
  }

  /// JSON Lines: each line is one finding with the keys of the JSON report's findings; the
  /// summary goes to stderr, never into the stream.
  @Test func jsonLinesCarryTheReportsKeysAndTheSummaryGoesToStderr() throws {
    let box = try Self.twoSecrets()
    let lines = try hush(["scan", "--format", "jsonl", "."], in: box.url)
    let report = try hush(["scan", "--format", "json", "."], in: box.url)
    #expect(lines.status == 1 && report.status == 1)
    let streamed = try lines.stdout.split(separator: "\n").map {
      try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
    }
    let whole = try report.findings()
    #expect(streamed.count == 2)
    #expect(streamed.map { Set($0.keys) } == whole.map { Set($0.keys) })
    #expect(Set(streamed.compactMap { $0["file"] as? String }) == ["app/settings file.py", "deploy.env"])
    #expect(!lines.stdout.contains("summary"))
    #expect(lines.stderr.hasPrefix("hush: 2 secrets found (scanned 2 files"), "\(lines.stderr)")
  }

  /// A short secret is masked whole, whatever its rule, in every format.
  @Test func shortSecretsAreMaskedWhole() throws {
    let box = try Sandbox()
    let password = "Xk9#" + "mQ2vLp7"  // hush:allow (a test value)
    let userinfo = "Xk9m" + "Q2vL"
    try box.write("db.py", "DB_PASSWORD=\"" + password + "\"\n")
    try box.write("app.cfg", "url = mysql://admin:" + userinfo + "@db.internal:3306/app\n")
    let json = try hush(["scan", "--format", "json", "."], in: box.url)
    #expect(json.status == 1)
    #expect(try json.findings().map { $0["secret"] as? String } == ["********", "********"])
    let text = try hush(["scan", "."], in: box.url)
    #expect(text.status == 1)
    for run in [json, text] {
      let output = run.stdout + run.stderr
      for secret in [password, userinfo] {
        // No four characters of it in a row, anywhere.
        let characters = Array(secret)
        for start in 0...(characters.count - 4) { #expect(!output.contains(String(characters[start..<(start + 4)]))) }
      }
    }
  }

  /// `--verbose`: per-file diagnostics on stderr, never a secret value.
  @Test func verboseSaysWhatItSkippedNeverTheSecret() throws {
    let fake = Fake(seed: 706)
    let box = try Sandbox()
    let key = fake.stripeKey()
    try box.write("pay.env", "KEY=" + key + "\n")
    try box.write("blob.bin", Data([0, 1, 2] + Array(key.utf8)))
    try box.write("big.txt", String(repeating: "y", count: 4096) + "\nKEY=" + key + "\n")
    let run = try hush(["scan", "--verbose", "--max-file-size", "1K", "."], in: box.url)
    #expect(run.status == 1)
    #expect(!run.stderr.contains(key) && !run.stderr.contains(String(key.dropFirst(4))))
    #expect(run.stderr.contains("skipped 1 binary, 1 too large"), "\(run.stderr)")
    #expect(run.stderr.contains("blob.bin: not scanned: binary"), "\(run.stderr)")
    #expect(run.stderr.contains("big.txt: not scanned: larger than the maximum file size"), "\(run.stderr)")
  }
}
