import ArgumentParser
import HushCore

struct Scan: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "scan",
    abstract: "Scan files, directories, or stdin (-) for secrets.",
    discussion: """
      Inside a git work tree a directory means the files git would consider (tracked, plus \
      untracked files that are not ignored); --all-files scans every file. Files named \
      explicitly are always scanned. Binary files and files over --max-file-size are skipped \
      and counted.
      """)

  @Argument(help: "Files or directories to scan, or - for stdin.")
  var paths: [String] = ["."]

  @OptionGroup var report: ReportArguments

  @Flag(help: "Scan every file under a directory, including files git ignores.")
  var allFiles = false

  @OptionGroup var input: InputArguments

  func run() throws {
    try finish(
      ScanCommand(paths: paths, allFiles: allFiles, report: report.settings, input: input.settings).run())
  }
}

struct Staged: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "staged",
    abstract: "Scan what is staged for commit (run by the pre-commit hook).",
    discussion: """
      Scans the index version of every added, copied or modified file (never the work tree), \
      whole, and reports the secrets on lines the commit adds, plus sensitive files being \
      added (.env, private keys, key stores, credentials files). Works before the first commit.
      """)

  @OptionGroup var report: ReportArguments
  @OptionGroup var input: InputArguments

  func run() throws { try finish(StagedCommand(report: report.settings, input: input.settings).run()) }
}

struct History: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "history",
    abstract: "Scan the git history: every unique blob once, each secret attributed to its commit.",
    discussion: """
      Reads every blob the selected commits introduce once, through one git cat-file --batch, \
      scans them on all cores, and attributes each secret to the commit, author, date and path \
      that introduced it. The text report ends with a remediation plan: what to rotate, for \
      how long it was exposed, and how to purge it with git filter-repo. --format html -o \
      report.html writes the same as one self-contained page to hand on: each secret's \
      timeline and the remediation checklist, secrets redacted.
      """)

  @Argument(help: ArgumentHelp("Revisions or ranges to scan (default: every ref).", valueName: "rev-range"))
  var revisions: [String] = []

  @Option(help: ArgumentHelp("Scan only this branch's history.", valueName: "branch"))
  var branch: String?

  @Option(help: ArgumentHelp("Only commits after this date (as git log --since).", valueName: "date"))
  var since: String?

  @Option(
    help: ArgumentHelp(
      "Write git filter-repo's --replace-text file here (mode 0600, outside the work tree). The only output that holds plaintext secrets.",
      valueName: "file"))
  var writePurgeFile: String?

  @OptionGroup var report: ReportArguments
  @OptionGroup var input: InputArguments

  private var command: HistoryCommand {
    HistoryCommand(
      revisions: revisions, branch: branch, since: since, writePurgeFile: writePurgeFile, report: report.settings,
      input: input.settings)
  }

  func validate() throws {
    do { try command.validate() } catch let error as UsageError { throw ValidationError(error.description) }
  }

  func run() throws { try finish(command.run()) }
}

struct PrePush: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "pre-push",
    abstract: "Scan the commits being pushed (run by the pre-push hook, fed git's lines on stdin).",
    discussion: """
      Reads '<local ref> <local id> <remote ref> <remote id>' lines on stdin and scans the \
      blobs added by commits that no remote has yet (git log <local> --not --remotes). \
      Branch deletions push nothing and are skipped. Exit 1 blocks the push.
      """)

  @Argument(
    help: ArgumentHelp("The remote's name and URL, as git passes them to the hook (unused).", valueName: "remote"))
  var remote: [String] = []

  @OptionGroup var report: ReportArguments
  @OptionGroup var input: InputArguments

  func run() throws { try finish(PrePushCommand(report: report.settings, input: input.settings).run()) }
}

struct BaselineSubcommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "baseline",
    abstract: "Record today's findings as known, so that later scans report only new ones.",
    discussion: """
      Scans PATH like hush scan and writes each finding's rule, path and a keyed fingerprint \
      of its secret (never the secret) to the baseline, by default .hush-baseline.json at the \
      repository root, which scan, staged, history and pre-push then read. --update rescans \
      and rewrites it with the same salt, dropping entries that no longer occur. The \
      repository's .gitattributes gets '.hush-baseline.json merge=union' so that branches \
      that each add entries merge cleanly. --import FILE migrates from detect-secrets or \
      gitleaks: only the findings an entry of FILE matches (same path, and the same secret or \
      line) are recorded, and unmatched entries are listed.
      """)

  @Argument(help: "What to scan (default: the current directory).")
  var path = "."

  @Option(name: .shortAndLong, help: ArgumentHelp("Baseline file to write.", valueName: "file"))
  var output: String?

  @Flag(help: "Refresh an existing baseline, keeping its salt.")
  var update = false

  @Option(
    name: .customLong("import"),
    help: ArgumentHelp(
      "Record only today's findings that a detect-secrets .secrets.baseline or a gitleaks JSON report accepts.",
      valueName: "file"))
  var importing: String?

  @Option(help: ArgumentHelp("Skip files larger than this (bytes, or with K, M, G units).", valueName: "size"))
  var maxFileSize: String?

  @Option(help: ArgumentHelp("Config file (default: .hush.toml at the repository root).", valueName: "file"))
  var config: String?

  func run() throws {
    let input = ScannerSetup(maxFileSize: maxFileSize, config: config)
    try finish(
      BaselineCommand(path: path, output: output, update: update, importing: importing, input: input).run())
  }
}

struct Audit: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "audit",
    abstract: "Check that files holding secrets are ignored and none is tracked.",
    discussion: """
      Checks the work tree against a catalog of sensitive files (.env, private keys, key \
      stores, cloud and registry credentials, Terraform state; more in .hush.toml [audit] \
      sensitive): tracked ones (with the git rm --cached fix), ones git would add, ones \
      ignored only by your personal excludes, and .gitignore lines that are missing. AI-agent \
      configs (.mcp.json, .cursor/mcp.json, .claude/settings.json, .codex/config.toml, \
      .continue/*.yaml, opencode.json and more, each in its own syntax) with literal tokens \
      are findings, and must be ignored; local-only ones (.kiro/settings/mcp.json, \
      .claude/settings.local.json) always. --fix appends the missing lines to .gitignore. \
      --agents checks the user-level agent configs under $HOME instead, each token with its \
      fix. Exit 1 when something needs fixing.
      """)

  @Argument(help: "A directory inside the repository (default: the current one).")
  var path = "."

  @Flag(help: "Append the missing lines to .gitignore (atomically, keeping its content).")
  var fix = false

  @Flag(help: "Audit the user-level AI-agent configs under $HOME (Claude Code, Cursor, Codex, …) instead.")
  var agents = false

  @OptionGroup var report: ReportArguments

  @Option(help: ArgumentHelp("Config file (default: .hush.toml at the repository root).", valueName: "file"))
  var config: String?

  func run() throws {
    let command = AuditCommand(
      path: path, fix: fix, report: report.settings, input: ScannerSetup(config: config), agents: agents)
    try finish(command.run())
  }
}
