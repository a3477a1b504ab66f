import Foundation
import Testing

/// `hush mcp` driven by a real MCP client: the Python `mcp` package (`make test` installs the
/// pinned version), through Tests/MCP/check_mcp.py.
@Suite struct MCPTests {
  @Test func aRealClientListsAndCallsEveryToolAndNeverSeesTheSecret() throws {
    let key = Fake(seed: 1620).stripeKey()
    let box = try Sandbox(git: true)
    try box.write(".gitignore", ".env\n")
    try box.write("config.py", "STRIPE = '\(key)'\n")
    try box.write("staged.py", "KEY = '\(key)'\n")
    try box.git(["add", "staged.py"])
    try box.write(".kiro/settings/mcp.json", "{}\n")
    let script = Binary.packageRoot.appendingPathComponent("Tests/MCP/check_mcp.py").path
    let run = try execute(
      URL(fileURLWithPath: "/usr/bin/env"), ["python3", script, Binary.hush.path, box.url.path, key], in: box.url)
    #expect(run.status == 0, "the Python mcp client (pip install -r Tests/MCP/requirements.txt): \(run.stderr)")
    guard run.status == 0 else { return }
    let answers = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    #expect(answers["server"] as? String == "hush")
    #expect(answers["tools"] as? [String] == ["audit", "scan_file", "scan_staged", "scan_text"])
    func text(_ tool: String) -> String { (answers[tool] as? [String: Any])?["text"] as? String ?? "" }
    #expect(text("scan_text").contains("app.py:1:") && text("scan_text").contains("Fix:"))
    #expect(text("scan_text_clean") == "no secrets found")
    #expect(text("scan_file").contains("config.py:1:"))
    #expect(text("scan_staged").contains("staged.py:1:"))
    #expect(text("audit").contains(".kiro/settings/mcp.json"))
    #expect(!run.stdout.contains(key), "no tool result holds the secret")
  }
}
