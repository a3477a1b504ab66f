/// `hush audit`: are the files that hold secrets ignored, and is none tracked?
public struct AuditCommand: Sendable {
  var path: String
  var fix: Bool
  var report: ReportSettings
  var input: ScannerSetup

  /// The command with its arguments.
  public init(path: String, fix: Bool, report: ReportSettings, input: ScannerSetup) {
    self.path = path
    self.fix = fix
    self.report = report
    self.input = input
  }

  /// Audits (and with `fix`, fixes) and says whether anything still needs the user.
  public func run() throws -> ExitStatus {
    let configuration = try input.loadConfig(near: path)
    let result = try GitignoreAudit(directory: path, config: configuration).run(fix: fix)
    let options = report.options
    switch report.format {
    case .jsonl: try report.write(AuditReport.jsonLines(result, options: options))
    case .sarif: try report.write(AuditReport.sarif(result, options: options, version: HushVersion.current))
    case .json: try report.write(AuditReport.json(result, options: options))
    case .text:
      try report.write(AuditReport.text(result, options: options))
      if !report.quiet && !result.needsFixing {
        Console.error("hush: audit clean: sensitive files are ignored and none is tracked")
      }
    }
    return result.needsFixing ? .findings : .clean
  }
}
