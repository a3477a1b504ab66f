import ArgumentParser
import HushCore

struct Audit: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "audit",
    abstract: "Check that files holding secrets are ignored and none is tracked.",
    discussion: """
      Checks the work tree against a catalog of sensitive files (.env, private keys, key \
      stores, cloud and registry credentials, Terraform state; more in .hush.toml [audit] \
      sensitive): tracked ones (with the git rm --cached fix), ones git would add, ones \
      ignored only by your personal excludes, and .gitignore lines that are missing. Agent \
      configs (mcp.json and the like) with literal tokens are findings. --fix appends the \
      missing lines to .gitignore. Exit 1 when something needs fixing.
      """)

  @Argument(help: "A directory inside the repository (default: the current one).")
  var path = "."

  @Flag(help: "Append the missing lines to .gitignore (atomically, keeping its content).")
  var fix = false

  @OptionGroup var reportArguments: ReportArguments
  var report: ReportSettings { reportArguments.settings }

  @Option(help: ArgumentHelp("Config file (default: .hush.toml at the repository root).", valueName: "file"))
  var config: String?

  func run() throws {
    let configuration = try ScannerSetup(config: config).loadConfig(near: path)
    let result = try GitignoreAudit(directory: path, config: configuration).run(fix: fix)
    let options = report.options
    switch report.format {
    case .jsonl, .sarif: try report.write(report.machineReport(result.findings, options) ?? "")
    case .json: try report.write(AuditReport.json(result, options: options))
    case .text:
      try report.write(AuditReport.text(result, options: options))
      if !report.quiet && !result.needsFixing {
        Terminal.error("hush: audit clean: sensitive files are ignored and none is tracked")
      }
    }
    if result.needsFixing { throw ExitCode(1) }
  }
}
