/// What an agent's hook asks Hush to check, read from the agent's documented hook input.
enum AgentHookRequest: Equatable {
  /// A file the agent is about to write (or has just edited): its path and new text.
  case write(path: String, content: String)
  /// A shell command the agent is about to run.
  case shell(command: String)
  /// A prompt about to be sent.
  case prompt(String)
  /// A file changed, without saying which (Kiro's IDE hooks): the work tree's changes.
  case changedFiles
  /// Nothing Hush checks (a read, another tool).
  case nothing

  /// The request in an agent's hook input: Claude Code's and Kiro CLI's `hook_event_name` +
  /// `tool_name` + `tool_input`, Cursor's `hook_event_name` with flat fields.
  static func parse(_ json: [String: Any]) -> AgentHookRequest {
    let event = (json["hook_event_name"] as? String ?? "").lowercased()
    if let prompt = json["prompt"] as? String, event.contains("prompt") || event.isEmpty { return .prompt(prompt) }
    if let command = json["command"] as? String, event.contains("shell") { return .shell(command: command) }
    if event == "afterfileedit", let path = json["file_path"] as? String {
      return .write(path: path, content: newText(json))
    }
    guard let tool = json["tool_input"] as? [String: Any] else { return .nothing }
    if let command = tool["command"] as? String { return .shell(command: command) }
    guard let path = tool["file_path"] as? String ?? tool["path"] as? String ?? tool["notebook_path"] as? String else {
      return .nothing
    }
    return .write(path: path, content: newText(tool))
  }

  /// The text a write or edit puts in the file: Write's `content`, Edit's `new_string`,
  /// MultiEdit's and Cursor's `edits[].new_string`, Kiro's `file_text` / `new_str`.
  private static func newText(_ input: [String: Any]) -> String {
    var parts = ["content", "new_string", "file_text", "new_str", "new_source"].compactMap { input[$0] as? String }
    for edit in input["edits"] as? [[String: Any]] ?? [] {
      if let text = edit["new_string"] as? String { parts.append(text) }
    }
    return parts.joined(separator: "\n")
  }
}

/// `hush agent-hook NAME`: run by an agent's own hook, it reads the agent's hook input on
/// stdin, checks the file write, the commit or push, or the prompt, and answers the way the
/// agent reads answers; the secret is never printed.
public struct AgentHookCommand: Sendable {
  let agent: AgentKind

  /// The command for one agent (`claude`, `cursor`, `kiro`).
  public init(agent: String) throws {
    self.agent = try AgentHooks.kind(agent)
  }

  /// Checks and answers; `.block` is exit 2, which Claude Code reads as "stop".
  public func run() throws -> ExitStatus {
    let environment = ProcessInfo.processInfo.environment
    let (request, directory, event) = read(environment)
    let verdict: AgentVerdict
    do {
      verdict = try AgentGuard(directory: directory).check(request)
    } catch {
      // A hook that cannot check must not stop the agent's every step: said, not blocked.
      Console.error("hush: agent hook could not check this (\(error)); not blocked")
      return agent == .cursor ? answerCursor(AgentVerdict(), event: event) : .clean
    }
    switch agent {
    case .claude:
      guard let message = verdict.message else { return .clean }
      Console.error(message)
      return .block
    case .kiro:
      guard let message = verdict.message else { return .clean }
      Console.error(message)
      return .findings
    case .cursor: return answerCursor(verdict, event: event)
    }
  }

  /// Cursor reads JSON on stdout: `permission` for a command, `continue` for a prompt; an
  /// edit has happened already, so its finding goes to stderr (Cursor's hook output).
  private func answerCursor(_ verdict: AgentVerdict, event: String) -> ExitStatus {
    let q = JSONWriter.quoted
    let message = verdict.message ?? ""
    var members: [(String, String)] = []
    switch event {
    case "beforeSubmitPrompt":
      members = [("continue", verdict.message == nil ? "true" : "false")]
    case "beforeShellExecution", "beforeMCPExecution", "beforeReadFile":
      members = [("permission", q(verdict.message == nil ? "allow" : "deny"))]
    default:
      if verdict.message != nil { Console.error(message) }
    }
    if verdict.message != nil && !members.isEmpty {
      members += [
        ("user_message", q(message)), ("agent_message", q(message)), ("userMessage", q(message)),
        ("agentMessage", q(message)),
      ]
    }
    Console.output(JSONWriter.compact(members) + "\n")
    return .clean
  }

  /// The request, the directory to check it in, and the event's name.
  private func read(_ environment: [String: String]) -> (AgentHookRequest, String, String) {
    if agent == .kiro, let prompt = environment["USER_PROMPT"] { return (.prompt(prompt), ".", "promptSubmit") }
    guard let bytes = StandardInput.readIfGiven(),
      let json = JSONTree.object(bytes)
    else {
      return (agent == .kiro ? .changedFiles : .nothing, ".", "")
    }
    let roots = json["workspace_roots"] as? [String] ?? []
    let directory = json["cwd"] as? String ?? roots.first ?? "."
    return (AgentHookRequest.parse(json), directory, json["hook_event_name"] as? String ?? "")
  }
}

/// Reads stdin when something is written to it: an agent that passes nothing may also leave
/// stdin open, and a hook must not wait for it forever.
enum StandardInput {
  static func readIfGiven(waitMilliseconds: Int32 = 500) -> [UInt8]? {
    if isatty(0) != 0 { return nil }
    var descriptor = pollfd(fd: 0, events: Int16(POLLIN), revents: 0)
    guard poll(&descriptor, 1, waitMilliseconds) > 0 else { return nil }
    let bytes = Posix.readAll(0)
    return bytes.isEmpty ? nil : bytes
  }
}
