/// `hush audit`: are the files that hold secrets ignored, and is none tracked?
public struct AuditCommand: Sendable {
  var path: String
  var fix: Bool
  var report: ReportSettings
  var input: ScannerSetup
  var agents: Bool

  /// The command with its arguments; `agents` audits the user-level agent configs instead.
  public init(path: String, fix: Bool, report: ReportSettings, input: ScannerSetup, agents: Bool = false) {
    self.path = path
    self.fix = fix
    self.report = report
    self.input = input
    self.agents = agents
  }

  /// Audits (and with `fix`, fixes) and says whether anything still needs the user.
  public func run() throws -> ExitStatus {
    try report.refuseHTML("audit")
    let configuration = try input.loadConfig(near: path)
    let detector = Detector(catalog: try configuration.catalog(base: RuleCatalog.bundled))
    let result: AuditResult
    if agents {
      guard let home = ProcessInfo.processInfo.environment["HOME"], !home.isEmpty else {
        throw UsageError("audit --agents: HOME is not set, so the user-level agent configs cannot be found")
      }
      if fix {
        throw UsageError(
          "audit --agents reports only: move each value as its fix says (--fix is for a repository's .gitignore)")
      }
      let audit = AgentHomeAudit(home: home, detector: detector)
      if report.verbose {
        for config in audit.configs() { Console.error("hush: checking ~/\(config.path) (\(config.file.agent))") }
      }
      result = audit.run()
    } else {
      result = try GitignoreAudit(directory: path, config: configuration, detector: detector).run(fix: fix)
    }
    let options = report.options
    switch report.format {
    case .html: break  // refused before auditing
    case .jsonl: try report.write(AuditReport.jsonLines(result, options: options))
    case .sarif: try report.write(AuditReport.sarif(result, options: options, version: HushVersion.current))
    case .json: try report.write(AuditReport.json(result, options: options))
    case .text:
      try report.write(AuditReport.text(result, options: options))
      if !report.quiet && !result.needsFixing {
        Console.error(
          agents
            ? "hush: audit clean: no literal secret in the agent configs under your home directory"
            : "hush: audit clean: sensitive files are ignored and none is tracked")
      }
    }
    return result.needsFixing ? .findings : .clean
  }
}
