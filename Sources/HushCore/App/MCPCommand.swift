/// `hush mcp`: a local Model Context Protocol server over stdio (newline-delimited JSON-RPC
/// 2.0), so that any MCP-capable agent can check text, a file, the staged changes or the
/// repository's `.gitignore` before it writes or sends something. Results are redacted: a
/// rule, a place and a fix, never the secret. Hand-written rather than the Swift SDK, which
/// brings SwiftNIO and more for a server that needs four methods over a pipe.
public struct MCPCommand: Sendable {
  /// The protocol revisions this server speaks; a client asking for another gets the newest.
  static let versions = ["2024-11-05", "2025-03-26", "2025-06-18"]

  /// The command (it takes no options).
  public init() {}

  /// Serves until stdin closes.
  public func run() throws -> ExitStatus {
    while let line = readLine(strippingNewline: true) {
      guard !line.trimmingBlanks().isEmpty else { continue }
      if let reply = handle(line) { Console.output(reply + "\n") }
    }
    return .clean
  }

  /// The reply to one message, or nil for a notification.
  func handle(_ line: String) -> String? {
    guard let message = JSONTree.object(line.utf8) else {
      return reply(id: JSONTree.null, error: (-32700, "parse error"))
    }
    let method = message["method"] as? String ?? ""
    guard let id = message["id"] else { return nil }
    let params = message["params"] as? [String: Any] ?? [:]
    switch method {
    case "initialize":
      let asked = params["protocolVersion"] as? String ?? ""
      return reply(
        id: id,
        result: [
          "protocolVersion": Self.versions.contains(asked) ? asked : Self.versions[Self.versions.count - 1],
          "capabilities": ["tools": ["listChanged": false]],
          "serverInfo": ["name": "hush", "version": HushVersion.current],
          "instructions":
            "Call scan_text or scan_file before writing content that may hold a credential, scan_staged before committing, audit to check .gitignore. Results never contain the secret.",
        ])
    case "ping": return reply(id: id, result: [:])
    case "tools/list": return reply(id: id, result: ["tools": MCPTools.definitions])
    case "tools/call":
      let name = params["name"] as? String ?? ""
      let arguments = params["arguments"] as? [String: Any] ?? [:]
      guard MCPTools.names.contains(name) else { return reply(id: id, error: (-32602, "unknown tool '\(name)'")) }
      let (text, isError) = MCPTools.call(name, arguments)
      return reply(id: id, result: ["content": [["type": "text", "text": text]], "isError": isError])
    default: return reply(id: id, error: (-32601, "method not found: \(method)"))
    }
  }

  private func reply(id: Any, result: [String: Any]) -> String {
    serialize(["jsonrpc": "2.0", "id": id, "result": result])
  }

  private func reply(id: Any, error: (code: Int, message: String)) -> String {
    serialize(["jsonrpc": "2.0", "id": id, "error": ["code": error.code, "message": error.message]])
  }

  private func serialize(_ object: [String: Any]) -> String {
    JSONWriter.serialize(object)
  }
}

/// The tools `hush mcp` offers, and what each call answers.
enum MCPTools {
  static let names: Set<String> = ["scan_text", "scan_file", "scan_staged", "audit"]

  static var definitions: [[String: Any]] {
    [
      tool(
        "scan_text",
        "Scan text (content about to be written or sent) for secrets. Answers rule, line and fix; never the secret.",
        properties: [
          "text": ["type": "string", "description": "The text to scan."],
          "path": [
            "type": "string", "description": "The file it is meant for, if any (path-scoped rules, agent configs).",
          ],
        ], required: ["text"]),
      tool(
        "scan_file", "Scan a file on disk for secrets.",
        properties: [
          "path": ["type": "string", "description": "The file, absolute or relative to the server's directory."]
        ],
        required: ["path"]),
      tool(
        "scan_staged", "Scan what is staged for commit in a git repository, as the pre-commit hook does.",
        properties: [
          "directory": ["type": "string", "description": "A directory inside the repository (default: the server's)."]
        ],
        required: []),
      tool(
        "audit",
        "Check that the files holding secrets (.env, keys, agent configs) are ignored by git and none is tracked.",
        properties: [
          "directory": ["type": "string", "description": "A directory inside the repository (default: the server's)."]
        ],
        required: []),
    ]
  }

  private static func tool(_ name: String, _ description: String, properties: [String: Any], required: [String])
    -> [String: Any]
  {
    [
      "name": name, "description": description,
      "inputSchema": ["type": "object", "properties": properties, "required": required],
    ]
  }

  /// The text answer of a call, and whether it failed (findings are not a failure).
  static func call(_ name: String, _ arguments: [String: Any]) -> (String, Bool) {
    do {
      let directory = arguments["directory"] as? String ?? "."
      switch name {
      case "scan_text":
        guard let text = arguments["text"] as? String else { return ("scan_text needs a 'text' string", true) }
        let path = arguments["path"] as? String ?? "-"
        let scanner = try ScannerSetup().scanner(near: ".", localSecrets: true)
        return (render(try scanner.scan(standardInput: Array(text.utf8), path: path).findings), false)
      case "scan_file":
        guard let path = arguments["path"] as? String else { return ("scan_file needs a 'path' string", true) }
        guard FileKind(path) == .other else { return ("\(path): no such file", true) }
        let scanner = try ScannerSetup().scanner(near: path, localSecrets: true)
        let target = ScanTarget(diskPath: path, displayPath: path, relativePath: path, isExplicit: true)
        return (render(try scanner.scan([target]).findings), false)
      case "scan_staged":
        let processes = try StagedScan.Processes(directory: directory)
        let scanner = try ScannerSetup().scanner(near: directory, localSecrets: true)
        return (render(try StagedScan(scanner: scanner).run(processes).findings), false)
      default:
        let config = try ScannerSetup().loadConfig(near: directory)
        let detector = Detector(catalog: try config.catalog(base: RuleCatalog.bundled))
        let result = try GitignoreAudit(directory: directory, config: config, detector: detector).run(fix: false)
        let text = AuditReport.text(result, options: ReportOptions(showSecrets: false, color: false))
        return (text.isEmpty ? "clean: sensitive files are ignored and none is tracked" : text, false)
      }
    } catch {
      return ("hush: \(error)", true)
    }
  }

  /// One line per finding, redacted, with its fix; or "no secrets found".
  static func render(_ findings: [Finding]) -> String {
    guard !findings.isEmpty else { return "no secrets found" }
    let lines = findings.map { finding in
      "\(Printable.text(finding.stablePath)):\(finding.line):\(finding.column) \(finding.rule.id) (\(finding.redacted)): \(finding.rule.description). Fix: \(finding.rule.rotate)"
    }
    return "\(findings.count) secret\(findings.count == 1 ? "" : "s") found:\n" + lines.joined(separator: "\n")
  }
}
