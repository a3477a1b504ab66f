import Foundation
import Testing

/// Every command's SARIF validated against the OASIS SARIF 2.1.0 schema (Tests/SARIF, with its
/// licence) by Python's jsonschema, pinned in Tests/SARIF/requirements.txt (`make test` installs it).
@Suite struct SARIFSchemaTests {
  static let validator = Binary.packageRoot.appendingPathComponent("Tests/SARIF/validate.py").path

  /// Runs the validator on `logs` (written to files in `box`): its exit status and its errors.
  static func validate(_ logs: [String: String], in box: Sandbox) throws -> Run {
    var paths: [String] = []
    for (name, log) in logs.sorted(by: { $0.key < $1.key }) {
      try box.write("sarif/\(name).sarif", log)
      paths.append(box.url.appendingPathComponent("sarif/\(name).sarif").path)
    }
    return try execute(URL(fileURLWithPath: "/usr/bin/env"), ["python3", validator] + paths, in: box.url)
  }

  /// A repository with a secret in history, one staged, a tracked `.env` and an agent config
  /// holding a literal token: every command has findings to report.
  static func leakyRepository() throws -> Sandbox {
    let fake = Fake(seed: 2101)
    let box = try Sandbox(git: true)
    try box.write("app.py", "KEY = '\(fake.stripeKey())'\n")
    try box.write(".env", fake.envToken() + "\n")
    try box.write(".cursor/mcp.json", Fake.mcpConfig(token: fake.opaqueToken()))
    try box.commitAll("leak", day: 1)
    try box.write("staged.py", "KEY = '\(fake.stripeKey())'\n")
    try box.git(["add", "staged.py"])
    return box
  }

  @Test func scanStagedHistoryAndAuditWriteSchemaValidSARIF() throws {
    let box = try Self.leakyRepository()
    var logs: [String: String] = [:]
    for command in [["scan", "."], ["staged"], ["history"], ["audit"]] {
      let run = try hush(command + ["--format", "sarif"], in: box.url)
      #expect(run.status == 1, "\(command[0]) finds something to report: \(run.stderr)")
      #expect(run.stdout.contains("\"results\""), "\(command[0]) wrote SARIF")
      logs[command[0]] = run.stdout
    }
    let clean = try Sandbox(git: true)
    try clean.write("README.md", "nothing here\n")
    let cleanScan = try hush(["scan", ".", "--format", "sarif"], in: clean.url)
    #expect(cleanScan.status == 0)
    logs["scan-clean"] = cleanScan.stdout
    let validation = try Self.validate(logs, in: box)
    #expect(validation.status == 0, "schema errors: \(validation.stderr)")
  }

  /// The validator is not a rubber stamp: a result without its required message is rejected.
  @Test func theValidatorRejectsALogTheSchemaForbids() throws {
    let box = try Sandbox(git: false)
    let broken = """
      {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "hush"}},
       "results": [{"ruleId": "x", "level": "severe"}]}]}
      """
    let validation = try Self.validate(["broken": broken], in: box)
    #expect(validation.status == 1)
    #expect(validation.stderr.contains("message"), "names the missing property: \(validation.stderr)")
  }
}
