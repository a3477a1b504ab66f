/// One kind of AI-agent config file: where it lives, in which syntax, and how that agent
/// references a value kept outside the file.
public struct AgentConfigFile: Sendable, Equatable {
  /// The file's syntax, which decides the parser.
  public enum Syntax: String, Sendable {
    /// JSON, read tolerantly: `//` and `/* */` comments and trailing commas allowed (JSONC).
    case json
    /// TOML (Codex).
    case toml
    /// YAML (Continue, Goose).
    case yaml

    /// The syntax a file name implies (`.toml`, `.yaml`/`.yml`, else JSON).
    public static func of(_ path: String) -> Syntax {
      if path.hasSuffix(".toml") { return .toml }
      if path.hasSuffix(".yaml") || path.hasSuffix(".yml") { return .yaml }
      return .json
    }
  }

  /// The agent that reads it, as the user knows it.
  public let agent: String
  /// Globs of the file: repository-relative for a project file, `$HOME`-relative for a user file.
  public let globs: [String]
  /// Its syntax.
  public let syntax: Syntax
  /// Local-only: never shared, so it belongs in `.gitignore` whatever it holds.
  public let isLocalOnly: Bool
  /// Every repository's `.gitignore` should name it, whether or not the file exists yet
  /// (the local MCP configs the security guide names).
  public let isRequiredInGitignore: Bool
  /// How this agent refers to a value in the environment, shown in every fix.
  public let reference: String

  init(
    _ agent: String, _ globs: [String], _ syntax: Syntax, localOnly: Bool = false, required: Bool = false,
    reference: String
  ) {
    self.agent = agent
    self.globs = globs
    self.syntax = syntax
    self.isLocalOnly = localOnly
    self.isRequiredInGitignore = required
    self.reference = reference
  }

  /// Whether `path` is this file.
  public func matches(_ path: String) -> Bool { Glob.matchesAny(globs, path: path) }

  /// The fix of a literal secret under `key` in this file.
  public func fix(key: String) -> String {
    let name = key.isEmpty ? "API_TOKEN" : key
    return
      "Rotate it, export it from your shell profile or OS keychain (e.g. `security find-generic-password`, `secret-tool lookup`) as \(name), and reference it in \(agent)'s config as \(reference.replacing( "NAME", with: name))."
  }
}

/// The AI-agent config files Hush knows, as data: each agent's project-level and user-level
/// files (from the agents' own documentation), their syntax and reference form. Teams add
/// theirs in `.hush.toml` (`[audit] agent-configs = [...]`).
///
/// Sources: Claude Code (settings, MCP and hooks docs: `.mcp.json`, `.claude/settings*.json`,
/// `~/.claude.json`, `${VAR}` expansion), Cursor (`.cursor/mcp.json`, `${env:NAME}`), Kiro
/// (`.kiro/settings/mcp.json`), VS Code (`.vscode/mcp.json` `servers`, `${env:NAME}`,
/// `${input:ID}`), Windsurf (`~/.codeium/windsurf/mcp_config.json`), Gemini CLI
/// (`.gemini/settings.json` `mcpServers`, `$VAR`), Codex (`~/.codex/config.toml`
/// `[mcp_servers.NAME]`, `env_vars`), Continue (`config.yaml`, `.continue/mcpServers/*.yaml`,
/// `${{ secrets.NAME }}`), Cline (`cline_mcp_settings.json`), Zed (`settings.json`
/// `context_servers`), opencode (`opencode.json` `mcp`, `{env:NAME}`), Amazon Q
/// (`.amazonq/mcp.json`, `~/.aws/amazonq/mcp.json`), JetBrains Junie (`.junie/mcp/mcp.json`),
/// Goose (`~/.config/goose/config.yaml` `extensions`), Claude Desktop
/// (`claude_desktop_config.json`).
public enum AgentConfigs {
  /// Files kept in a project, repository-relative.
  public static let project: [AgentConfigFile] = [
    .init("Claude Code", [".mcp.json", "*/.mcp.json"], .json, reference: "\"${NAME}\""),
    .init("Claude Code", [".claude/settings.json", "*/.claude/settings.json"], .json, reference: "an exported NAME"),
    .init(
      "Claude Code", [".claude/settings.local.json", "*/.claude/settings.local.json"], .json, localOnly: true,
      required: true, reference: "an exported NAME"),
    .init("Cursor", [".cursor/mcp.json", "*/.cursor/mcp.json"], .json, reference: "\"${env:NAME}\""),
    .init(
      "Kiro", [".kiro/settings/mcp.json", "*/.kiro/settings/mcp.json"], .json, localOnly: true, required: true,
      reference: "\"${NAME}\""),
    .init(
      "VS Code", [".vscode/mcp.json", "*/.vscode/mcp.json", ".vscode/settings.json", "*/.vscode/settings.json"], .json,
      reference: "\"${env:NAME}\" or an \"${input:NAME}\" prompt"),
    .init("Windsurf", ["mcp_config.json", ".windsurf/mcp_config.json"], .json, reference: "\"${env:NAME}\""),
    .init("Gemini CLI", [".gemini/settings.json", "*/.gemini/settings.json"], .json, reference: "\"$NAME\""),
    .init("Codex", [".codex/config.toml", "*/.codex/config.toml"], .toml, reference: "env_vars = [\"NAME\"]"),
    .init(
      "Continue",
      [
        ".continue/config.yaml", ".continue/config.yml", ".continue/config.json", ".continue/*/*.yaml",
        ".continue/*/*.yml", ".continue/*/*.json", "*/.continue/config.yaml", "*/.continue/*/*.yaml",
      ], .yaml, reference: "\"${{ secrets.NAME }}\""),
    .init("Cline", ["cline_mcp_settings.json"], .json, localOnly: true, reference: "an exported NAME"),
    .init("Zed", [".zed/settings.json", "*/.zed/settings.json"], .json, reference: "an exported NAME"),
    .init(
      "opencode", ["opencode.json", "opencode.jsonc", ".opencode/opencode.json", ".opencode/opencode.jsonc"], .json,
      reference: "\"{env:NAME}\""),
    .init(
      "Amazon Q", [".amazonq/mcp.json", "*/.amazonq/mcp.json", ".amazonq/default.json", ".amazonq/agents/*.json"],
      .json, reference: "an exported NAME"),
    .init("JetBrains Junie", [".junie/mcp/mcp.json", "*/.junie/mcp/mcp.json"], .json, reference: "an exported NAME"),
    .init(
      "Claude Desktop", ["claude_desktop_config.json"], .json, localOnly: true, reference: "an exported NAME"),
    .init("an MCP client", ["mcp.json"], .json, reference: "\"${NAME}\""),
  ]

  /// Files kept in the home directory, `$HOME`-relative (Linux and macOS places).
  public static let user: [AgentConfigFile] = [
    .init(
      "Claude Code", [".claude.json", ".claude/settings.json", ".claude/settings.local.json"], .json,
      reference: "\"${NAME}\""),
    .init("Cursor", [".cursor/mcp.json"], .json, reference: "\"${env:NAME}\""),
    .init("Kiro", [".kiro/settings/mcp.json"], .json, reference: "\"${NAME}\""),
    .init(
      "VS Code",
      [
        ".config/Code/User/settings.json", ".config/Code/User/mcp.json",
        "Library/Application Support/Code/User/settings.json", "Library/Application Support/Code/User/mcp.json",
      ], .json, reference: "\"${env:NAME}\" or an \"${input:NAME}\" prompt"),
    .init("Windsurf", [".codeium/windsurf/mcp_config.json"], .json, reference: "\"${env:NAME}\""),
    .init("Gemini CLI", [".gemini/settings.json"], .json, reference: "\"$NAME\""),
    .init("Codex", [".codex/config.toml"], .toml, reference: "env_vars = [\"NAME\"]"),
    .init(
      "Continue", [".continue/config.yaml", ".continue/config.json", ".continue/mcpServers/*.yaml"], .yaml,
      reference: "\"${{ secrets.NAME }}\""),
    .init(
      "Cline",
      [
        ".config/Code/User/globalStorage/saoudrizwan.claude-dev/settings/cline_mcp_settings.json",
        "Library/Application Support/Code/User/globalStorage/saoudrizwan.claude-dev/settings/cline_mcp_settings.json",
      ], .json, reference: "an exported NAME"),
    .init("Zed", [".config/zed/settings.json"], .json, reference: "an exported NAME"),
    .init(
      "opencode", [".config/opencode/opencode.json", ".config/opencode/opencode.jsonc"], .json,
      reference: "\"{env:NAME}\""),
    .init("Amazon Q", [".aws/amazonq/mcp.json", ".aws/amazonq/agents/*.json"], .json, reference: "an exported NAME"),
    .init("JetBrains Junie", [".junie/mcp/mcp.json"], .json, reference: "an exported NAME"),
    .init("Goose", [".config/goose/config.yaml"], .yaml, reference: "env_keys: [NAME] (its keyring holds the value)"),
    .init(
      "Claude Desktop",
      [".config/Claude/claude_desktop_config.json", "Library/Application Support/Claude/claude_desktop_config.json"],
      .json, reference: "an exported NAME"),
  ]

  /// The project file `path` (repository-relative) is, among the catalog and `extra` globs
  /// from `.hush.toml`. Templates (`mcp.json.example`) never are.
  public static func file(for path: String, extra: [String] = []) -> AgentConfigFile? {
    // Every scanned file asks: most names rule the catalog out before any glob runs.
    let candidates = projectBaseNames.contains(baseName(path)) ? project : projectPatterned
    if let known = candidates.first(where: { $0.matches(path) }) {
      return SensitiveFiles.isTemplate(path) ? nil : known.withSyntax(of: path)
    }
    guard !extra.isEmpty, !SensitiveFiles.isTemplate(path) else { return nil }
    guard Glob.matchesAny(extra, path: path) else { return nil }
    return AgentConfigFile("an agent (.hush.toml)", extra, .of(path), reference: "an exported NAME")
  }
}

extension AgentConfigs {
  /// The base names of the project files, where a glob names one.
  static let projectBaseNames = Set(project.flatMap(\.globs).map(baseName).filter { !$0.contains("*") })
  /// The entries whose base name is itself a pattern (`.continue/*/*.yaml`), in catalog order.
  static let projectPatterned = project.filter { $0.globs.contains { baseName($0).contains("*") } }

  /// The part after the last `/`, by bytes (no grapheme breaking on the scan's hot path).
  static func baseName(_ path: String) -> String {
    guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return path }
    return String(path[path.utf8.index(after: slash)...])
  }
}

extension AgentConfigFile {
  /// Continue keeps both YAML and JSON files: the name decides.
  func withSyntax(of path: String) -> AgentConfigFile {
    AgentConfigFile(
      agent, globs, .of(path), localOnly: isLocalOnly, required: isRequiredInGitignore, reference: reference)
  }
}
