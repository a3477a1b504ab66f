import Foundation
import Testing

/// `hush install --agent`, `uninstall --agent` and `agent-hook`, fed recorded hook inputs of
/// each agent's documented shape.
@Suite struct AgentHookInstallTests {
  static func json(_ box: Sandbox, _ path: String) throws -> [String: Any] {
    let data = try Data(contentsOf: box.url.appendingPathComponent(path))
    return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
  }

  static func bytes(_ box: Sandbox, _ path: String) -> Data? {
    FileManager.default.contents(atPath: box.url.appendingPathComponent(path).path)
  }

  @Test func claudeHooksMergeIntoTheUsersSettingsAndUninstallIsByteExact() throws {
    let box = try Sandbox(git: true)
    let original = "{\n    \"permissions\": { \"allow\": [\"Bash(npm test)\"] },\n    \"env\": {\"LOG\": \"1\"}\n}"
    try box.write(".claude/settings.json", original)
    let install = try hush(["install", "--agent", "claude"], in: box.url)
    #expect(install.status == 0, "\(install.stderr)")
    let settings = try Self.json(box, ".claude/settings.json")
    #expect((settings["env"] as? [String: Any])?["LOG"] as? String == "1", "the user's keys are kept")
    #expect(settings["permissions"] != nil)
    let hooks = try #require(settings["hooks"] as? [String: Any])
    let pre = try #require(hooks["PreToolUse"] as? [[String: Any]])
    #expect(pre.compactMap { $0["matcher"] as? String } == ["Write|Edit|MultiEdit", "Bash"])
    let command = ((pre.first?["hooks"] as? [[String: Any]])?.first?["command"] as? String) ?? ""
    #expect(command.hasSuffix("agent-hook claude"))
    #expect(hooks["UserPromptSubmit"] != nil)

    let installed = Self.bytes(box, ".claude/settings.json")
    let again = try hush(["install", "--agent", "claude"], in: box.url)
    #expect(again.stderr.contains("already there"))
    #expect(Self.bytes(box, ".claude/settings.json") == installed, "a second install changes nothing")

    let uninstall = try hush(["uninstall", "--agent", "claude"], in: box.url)
    #expect(uninstall.status == 0)
    #expect(Self.bytes(box, ".claude/settings.json") == Data(original.utf8), "byte for byte")
  }

  @Test func aFileEditedSinceInstallLosesOnlyHushsHooks() throws {
    let box = try Sandbox(git: true)
    #expect(try hush(["install", "--agent", "claude"], in: box.url).status == 0)
    var settings = try Self.json(box, ".claude/settings.json")
    settings["model"] = "opus"
    var hooks = try #require(settings["hooks"] as? [String: Any])
    hooks["Stop"] = [["hooks": [["type": "command", "command": "say done"]]]]
    settings["hooks"] = hooks
    try box.write(".claude/settings.json", try JSONSerialization.data(withJSONObject: settings))
    #expect(try hush(["uninstall", "--agent", "claude"], in: box.url).status == 0)
    let after = try Self.json(box, ".claude/settings.json")
    #expect(after["model"] as? String == "opus")
    #expect((after["hooks"] as? [String: Any])?.keys.sorted() == ["Stop"])
  }

  @Test func claudeSettingsWrittenAnewAreRemovedOnUninstall() throws {
    let box = try Sandbox(git: true)
    #expect(try hush(["install", "--agent", "claude"], in: box.url).status == 0)
    #expect(Self.bytes(box, ".claude/settings.json") != nil)
    #expect(try hush(["uninstall", "--agent", "claude"], in: box.url).status == 0)
    #expect(Self.bytes(box, ".claude/settings.json") == nil)
    #expect(!FileManager.default.fileExists(atPath: box.url.appendingPathComponent(".claude").path), "nor its folder")
  }

  @Test func cursorHooksMergeBesideTheUsersHooks() throws {
    let box = try Sandbox(git: true)
    let original = #"{"version": 1, "hooks": {"afterFileEdit": [{"command": "./format.sh"}]}}"#
    try box.write(".cursor/hooks.json", original)
    #expect(try hush(["install", "--agent", "cursor"], in: box.url).status == 0)
    let file = try Self.json(box, ".cursor/hooks.json")
    let hooks = try #require(file["hooks"] as? [String: [[String: Any]]])
    #expect(hooks["afterFileEdit"]?.count == 2 && hooks["afterFileEdit"]?.first?["command"] as? String == "./format.sh")
    #expect(hooks["beforeShellExecution"]?.count == 1 && hooks["beforeSubmitPrompt"]?.count == 1)
    #expect(try hush(["uninstall", "--agent", "cursor"], in: box.url).status == 0)
    #expect(Self.bytes(box, ".cursor/hooks.json") == Data(original.utf8))
  }

  @Test func kiroHookFilesRunTheCommandOnEditsAndPrompts() throws {
    let box = try Sandbox(git: true)
    #expect(try hush(["install", "--agent", "kiro"], in: box.url).status == 0)
    let edit = try Self.json(box, ".kiro/hooks/hush-secret-scan.kiro.hook")
    #expect((edit["when"] as? [String: Any])?["type"] as? String == "fileEdited")
    #expect((edit["then"] as? [String: Any])?["type"] as? String == "runCommand")
    #expect(((edit["then"] as? [String: Any])?["command"] as? String)?.hasSuffix("agent-hook kiro") == true)
    let prompt = try Self.json(box, ".kiro/hooks/hush-prompt-guard.kiro.hook")
    #expect((prompt["when"] as? [String: Any])?["type"] as? String == "promptSubmit")
    #expect(try hush(["uninstall", "--agent", "kiro"], in: box.url).status == 0)
    #expect(Self.bytes(box, ".kiro/hooks/hush-secret-scan.kiro.hook") == nil)
    #expect(Self.bytes(box, ".kiro/hooks/hush-prompt-guard.kiro.hook") == nil)
    #expect(!FileManager.default.fileExists(atPath: box.url.appendingPathComponent(".kiro").path))
  }

  @Test func anUnknownAgentIsAUsageError() throws {
    let box = try Sandbox(git: true)
    let run = try hush(["install", "--agent", "notepad"], in: box.url)
    #expect(run.status == 2)
    #expect(run.stderr.contains("claude, cursor, kiro"))
  }
}

/// `hush agent-hook`: recorded inputs of each agent's documented shape, answered each agent's way.
@Suite struct AgentHookRunTests {
  static func object(_ members: [String: Any]) throws -> String {
    String(decoding: try JSONSerialization.data(withJSONObject: members), as: UTF8.self)
  }

  /// Claude Code's PreToolUse input for a tool call.
  static func claudeTool(_ tool: String, _ input: [String: Any], cwd: URL) throws -> String {
    try object([
      "session_id": "s1", "transcript_path": "/tmp/t.jsonl", "cwd": cwd.path, "hook_event_name": "PreToolUse",
      "tool_name": tool, "tool_input": input,
    ])
  }

  @Test func claudeWriteOfASecretIsBlockedWithExit2AndTheFix() throws {
    let key = Fake(seed: 1610).stripeKey()
    let box = try Sandbox(git: true)
    try box.write(".gitignore", ".env\n")
    let content = "export const stripe = \"\(key)\";\n"
    let write = try Self.claudeTool(
      "Write", ["file_path": box.url.appendingPathComponent("src/pay.ts").path, "content": content], cwd: box.url)
    let run = try hush(["agent-hook", "claude"], in: box.url, input: write)
    #expect(run.status == 2)
    #expect(run.stderr.contains("src/pay.ts:1:") && run.stderr.contains("Fix:"))
    #expect(!run.stderr.contains(key) && !run.stdout.contains(key))

    let env = try Self.claudeTool(
      "Write", ["file_path": box.url.appendingPathComponent(".env").path, "content": "STRIPE_KEY=\(key)\n"],
      cwd: box.url)
    #expect(try hush(["agent-hook", "claude"], in: box.url, input: env).status == 0, "an ignored .env is its place")

    let edit = try Self.claudeTool(
      "Edit", ["file_path": "src/pay.ts", "old_string": "a", "new_string": "process.env.STRIPE_KEY"], cwd: box.url)
    #expect(try hush(["agent-hook", "claude"], in: box.url, input: edit).status == 0)
    let multi = try Self.claudeTool(
      "MultiEdit", ["file_path": "src/pay.ts", "edits": [["old_string": "a", "new_string": content]]], cwd: box.url)
    #expect(try hush(["agent-hook", "claude"], in: box.url, input: multi).status == 2)
  }

  @Test func writingAnUnignoredEnvFileWithASecretSaysToIgnoreItFirst() throws {
    let key = Fake(seed: 1611).stripeKey()
    let box = try Sandbox(git: true)
    let env = try Self.claudeTool("Write", ["file_path": ".env", "content": "STRIPE_KEY=\(key)\n"], cwd: box.url)
    let run = try hush(["agent-hook", "claude"], in: box.url, input: env)
    #expect(run.status == 2)
    #expect(run.stderr.contains("add `.env` to .gitignore first"))
  }

  @Test func claudeCommitAndPushAreCheckedLikeGitsHooks() throws {
    let key = Fake(seed: 1612).stripeKey()
    let box = try Sandbox(git: true)
    try box.write("README.md", "hello\n")
    try box.git(["add", "README.md"])
    let commit = try Self.claudeTool("Bash", ["command": "git commit -m 'docs'"], cwd: box.url)
    #expect(try hush(["agent-hook", "claude"], in: box.url, input: commit).status == 0)
    try box.git(["commit", "-q", "-m", "docs"])

    try box.write("pay.py", "STRIPE = '\(key)'\n")
    try box.git(["add", "pay.py"])
    let blocked = try hush(["agent-hook", "claude"], in: box.url, input: commit)
    #expect(blocked.status == 2)
    #expect(blocked.stderr.contains("pay.py:1:") && blocked.stderr.contains("git add them again"))
    #expect(!blocked.stderr.contains(key))

    let status = try Self.claudeTool("Bash", ["command": "git status && ls"], cwd: box.url)
    #expect(try hush(["agent-hook", "claude"], in: box.url, input: status).status == 0)

    try box.git(["commit", "-q", "-m", "pay"])
    let push = try Self.claudeTool("Bash", ["command": "git -C . push origin main"], cwd: box.url)
    let pushed = try hush(["agent-hook", "claude"], in: box.url, input: push)
    #expect(pushed.status == 2, "\(pushed.stderr)")
    #expect(pushed.stderr.contains("then push"))
  }

  @Test func addAndCommitInOneCommandScansTheWorkTree() throws {
    let key = Fake(seed: 1613).stripeKey()
    let box = try Sandbox(git: true)
    try box.write("pay.py", "STRIPE = '\(key)'\n")
    let command = try Self.claudeTool("Bash", ["command": "git add -A && git commit -m pay"], cwd: box.url)
    #expect(try hush(["agent-hook", "claude"], in: box.url, input: command).status == 2)
  }

  @Test func claudePromptWithASecretIsStopped() throws {
    let key = Fake(seed: 1614).stripeKey()
    let box = try Sandbox(git: true)
    let prompt = try Self.object([
      "session_id": "s1", "hook_event_name": "UserPromptSubmit", "cwd": box.url.path,
      "prompt": "use this key: \(key) to call the API",
    ])
    let run = try hush(["agent-hook", "claude"], in: box.url, input: prompt)
    #expect(run.status == 2)
    #expect(run.stderr.contains("prompt was not sent") && !run.stderr.contains(key))
    let clean = try Self.object(["hook_event_name": "UserPromptSubmit", "cwd": box.url.path, "prompt": "fix the bug"])
    #expect(try hush(["agent-hook", "claude"], in: box.url, input: clean).status == 0)
  }

  @Test func cursorAnswersWithItsJSONDecisions() throws {
    let key = Fake(seed: 1615).stripeKey()
    let box = try Sandbox(git: true)
    try box.write("pay.py", "STRIPE = '\(key)'\n")
    try box.git(["add", "pay.py"])
    let common: [String: Any] = [
      "conversation_id": "c1", "generation_id": "g1", "workspace_roots": [box.url.path],
    ]
    let shell = try Self.object(
      common.merging(["hook_event_name": "beforeShellExecution", "command": "git commit -m x", "cwd": box.url.path]) {
        $1
      })
    let denied = try hush(["agent-hook", "cursor"], in: box.url, input: shell)
    #expect(denied.status == 0)
    let answer = try #require(try JSONSerialization.jsonObject(with: Data(denied.stdout.utf8)) as? [String: Any])
    #expect(answer["permission"] as? String == "deny")
    #expect((answer["agent_message"] as? String)?.contains("pay.py") == true)
    #expect(!denied.stdout.contains(key))

    let ls = try Self.object(common.merging(["hook_event_name": "beforeShellExecution", "command": "ls"]) { $1 })
    let allowed = try hush(["agent-hook", "cursor"], in: box.url, input: ls)
    #expect(allowed.stdout.contains("\"permission\":\"allow\"") || allowed.stdout.contains("\"permission\": \"allow\""))

    let prompt = try Self.object(
      common.merging(["hook_event_name": "beforeSubmitPrompt", "prompt": "key \(key)", "attachments": []]) { $1 })
    let stopped = try hush(["agent-hook", "cursor"], in: box.url, input: prompt)
    let decision = try #require(try JSONSerialization.jsonObject(with: Data(stopped.stdout.utf8)) as? [String: Any])
    #expect(decision["continue"] as? Bool == false)

    let edit = try Self.object(
      common.merging([
        "hook_event_name": "afterFileEdit", "file_path": box.url.appendingPathComponent("a.py").path,
        "edits": [["old_string": "", "new_string": "K = '\(key)'"]],
      ]) { $1 })
    let edited = try hush(["agent-hook", "cursor"], in: box.url, input: edit)
    #expect(edited.status == 0 && edited.stderr.contains("a.py:1:"), "the edit is reported: \(edited.stderr)")
  }

  @Test func kiroPromptAndEditedFilesExitNonZeroWithTheReason() throws {
    let key = Fake(seed: 1616).stripeKey()
    let box = try Sandbox(git: true)
    let prompt = try hush(["agent-hook", "kiro"], in: box.url, environment: ["USER_PROMPT": "here: \(key)"])
    #expect(prompt.status == 1)
    #expect(prompt.stderr.contains("prompt was not sent"))
    #expect(try hush(["agent-hook", "kiro"], in: box.url).status == 0, "no change, nothing found")
    try box.write("src/app.js", "const k = '\(key)';\n")
    let edited = try hush(["agent-hook", "kiro"], in: box.url)
    #expect(edited.status == 1)
    #expect(edited.stderr.contains("src/app.js:1:") && !edited.stderr.contains(key))
  }
}
