import ArgumentParser
import HushCore

struct Install: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "install",
    abstract: "Install the pre-commit hook (and with --pre-push the pre-push hook).",
    discussion: """
      Finds the hooks directory as git does (core.hooksPath, worktrees). An existing hook is \
      never overwritten: it is kept beside Hush's (as <hook>.hush-previous, bytes and mode \
      unchanged), runs first with the same arguments and input, and its failure still stops \
      the commit. When Husky, lefthook, the pre-commit framework or a core.hooksPath kept in \
      the repository owns the hooks, Hush prints the line to add to their config instead \
      (exit 1), unless --force. Running install again changes nothing.
      """)

  @Flag(help: "Also install the pre-push hook.")
  var prePush = false

  @Flag(help: "Show the change as a diff and write nothing.")
  var dryRun = false

  @Flag(help: "Install into the hooks directory even when a hook manager owns it.")
  var force = false

  @Option(
    help: ArgumentHelp(
      "Install an AI agent's own hooks instead: claude (.claude/settings.json), cursor (.cursor/hooks.json) or kiro (.kiro/hooks/).",
      valueName: "name"))
  var agent: String?

  func run() throws {
    try finish(InstallCommand(prePush: prePush, dryRun: dryRun, force: force, agent: agent).run())
  }
}

struct Uninstall: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "uninstall",
    abstract: "Remove Hush's hooks and put back the hooks that were there before.")

  @Option(
    help: ArgumentHelp(
      "Remove what install --agent added to that agent's settings (byte for byte when unchanged since).",
      valueName: "name"))
  var agent: String?

  func run() throws { try finish(UninstallCommand(agent: agent).run()) }
}

struct AgentHook: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "agent-hook",
    abstract: "Run by an AI agent's hook: check a file write, a commit or push, or a prompt (JSON on stdin).",
    discussion: """
      Reads the agent's documented hook input on stdin. A file about to be written is scanned \
      as that file (files git ignores, such as .env, are where secrets belong); a shell \
      command that runs git commit or git push is checked as the pre-commit and pre-push \
      hooks would; a prompt is scanned before it is sent. Answers as the agent expects: \
      claude exits 2 with the reason on stderr, cursor prints its JSON decision, kiro exits 1 \
      with the reason on stderr. The secret is never printed. hush install --agent NAME \
      wires it.
      """)

  @Argument(help: ArgumentHelp("The agent: claude, cursor or kiro.", valueName: "name"))
  var agent: String

  func run() throws { try finish(AgentHookCommand(agent: agent).run()) }
}

struct Doctor: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "doctor",
    abstract: "Check that the pre-commit hook really protects this repository.",
    discussion: """
      Finds the hooks directory, checks the hook is installed, executable and reaches hush, \
      then commits a canary secret in a throw-away repository that uses your hooks and shows \
      that the commit is blocked (and that a clean commit passes). Your index, work tree and \
      objects are never touched. Exit 1 when something is wrong, with the fix.
      """)

  func run() throws { try finish(DoctorCommand().run()) }
}

struct ConfigCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "config", abstract: "Check or create a .hush.toml.", subcommands: [Check.self, Init.self])

  struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "check",
      abstract: "Validate a config: keys, types, regexes, rule ids, and the examples of the rules it adds.")

    @Argument(help: "The config file (default: $HUSH_CONFIG, else .hush.toml at the repository root).")
    var file: String?

    func run() throws { try finish(ConfigCheckCommand(file: file).run()) }
  }

  struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "init",
      abstract: "Write a commented starter .hush.toml at the repository root (never over an existing one).")

    @Argument(help: "Where to write it (default: .hush.toml at the repository root).")
    var file: String?

    func run() throws { try finish(ConfigInitCommand(file: file).run()) }
  }
}

struct Rules: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "rules",
    abstract: "List the rules, or check every rule against its examples.",
    subcommands: [List.self, Check.self])

  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "list", abstract: "List the rules Hush runs.")

    @Option(help: "Output format: text or json.")
    var format: RulesListCommand.Format = .text

    func run() throws { try finish(RulesListCommand(format: format).run()) }
  }

  struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "check",
      abstract: "Run every rule's examples (must be found) and counter-examples (must not).",
      discussion: """
        With FILE arguments, checks the [[rule]] tables of those files (rule files or a \
        .hush.toml) instead of the built-in catalog; their ids must not clash with it.
        """)

    @Argument(help: "Rule files to check instead of the built-in catalog.")
    var files: [String] = []

    func run() throws { try finish(RulesCheckCommand(files: files).run()) }
  }
}

struct MCP: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "mcp",
    abstract: "Serve Hush's scanner to AI agents over MCP (stdio): scan_text, scan_file, scan_staged, audit.",
    discussion: """
      A local Model Context Protocol server on stdin/stdout (JSON-RPC, one message a line), \
      for any MCP-capable agent: add {"command": "hush", "args": ["mcp"]} to its MCP \
      servers. Tool results name the rule, file, line and fix; the secret is always redacted.
      """)

  func run() throws { try finish(MCPCommand().run()) }
}
