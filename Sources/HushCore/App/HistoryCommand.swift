/// `hush history`: every unique blob of the selected history once, each secret attributed.
public struct HistoryCommand: Sendable {
  var revisions: [String]
  var branch: String?
  var since: String?
  var writePurgeFile: String?
  var report: ReportSettings
  var input: ScannerSetup

  /// The command with its arguments.
  public init(
    revisions: [String], branch: String?, since: String?, writePurgeFile: String?, report: ReportSettings,
    input: ScannerSetup
  ) {
    self.revisions = revisions
    self.branch = branch
    self.since = since
    self.writePurgeFile = writePurgeFile
    self.report = report
    self.input = input
  }

  /// Arguments that cannot go together.
  public func validate() throws {
    if branch != nil && !revisions.isEmpty { throw UsageError("use either --branch or a revision range, not both") }
    if revisions.contains(where: { $0.hasPrefix("-") }) { throw UsageError("revisions cannot start with '-'") }
    // The page is made to be handed on (mailed, attached to a ticket): it never holds a secret.
    if report.format == .html && report.showSecrets {
      throw UsageError(
        "--show-secrets is refused with --format html: the report is made to be handed on; use --format text or json to see the secrets"
      )
    }
  }

  /// Scans, reports with the remediation plan, writes the purge file when asked.
  public func run() throws -> ExitStatus {
    try validate()
    if let writePurgeFile { try PlaintextGuard.refuseInsideWorkTree(writePurgeFile, repository: ".") }
    var options = HistoryOptions(revisions: branch.map { [$0] } ?? revisions, since: since)
    options.countsCarriers = true
    let showsProgress = !report.quiet && Console.stderrIsTerminal
    var scanner = try input.scanner(near: ".")
    scanner.explains = report.explain
    let result = try HistoryScan(scanner: scanner).run(
      in: ".", options: options, progress: showsProgress ? Progress.line : nil)
    report.printExplanations(result.scan.explanations)
    if showsProgress { Progress.clear() }
    let reportOptions = report.options
    let now = Int(Date().timeIntervalSince1970)
    let remediation = Remediation(
      findings: result.scan.findings, fingerprinter: reportOptions.fingerprinter, now: now, purgeFile: writePurgeFile)
    if let writePurgeFile, !remediation.secrets.isEmpty {
      try AtomicFile.write(remediation.replacements, to: writePurgeFile, mode: 0o600)
    }
    let scope = HistoryScope(repository: Self.repositoryName(), revisions: options.revisions, since: since, now: now)
    try emit(result, remediation, scope, reportOptions)
    return result.scan.findings.isEmpty ? .clean : .findings
  }

  /// The work tree's folder name (a bare repository's own), never the whole local path: the
  /// HTML report is handed on.
  static func repositoryName() -> String {
    let root = Git(directory: ".").workTree()?.root ?? FileManager.default.currentDirectoryPath
    return URL(fileURLWithPath: root).lastPathComponent
  }

  private func emit(
    _ result: HistoryResult, _ remediation: Remediation, _ scope: HistoryScope, _ options: ReportOptions
  ) throws {
    if !report.quiet { HistoryOutput.warn(result) }
    switch report.format {
    case .jsonl, .sarif: try report.write(report.machineReport(result.scan.findings, options) ?? "")
    case .json: try report.write(HistoryReport.json(result, remediation: remediation, options: options))
    case .text: try report.write(HistoryReport.text(result, remediation: remediation, options: options))
    case .html:
      try report.write(HTMLReport.render(result, remediation: remediation, scope: scope, version: HushVersion.current))
    }
    if report.format != .json && !report.quiet { Console.error(HistoryReport.summaryLine(result)) }
    if let writePurgeFile, !remediation.secrets.isEmpty, !report.quiet {
      Console.error(
        "hush: wrote the purge file \(writePurgeFile) (plaintext secrets, mode 0600): delete it after the purge")
    }
  }
}

/// The diagnostics of a history scan.
enum HistoryOutput {
  static func warn(_ result: HistoryResult) {
    for warning in result.scan.warnings { Console.error("hush: \(warning)") }
    if result.commits == 0 { Console.error("hush: no commits to scan") }
    if result.isShallow {
      Console.error(
        "hush: this is a shallow clone: history before its oldest commits is not scanned, and secrets in them are attributed to them (git fetch --unshallow to scan everything)"
      )
    }
  }
}

/// The progress line of long scans: on a terminal only, rewritten in place.
enum Progress {
  @Sendable static func line(_ progress: ScanProgress) {
    let seconds =
      Double(progress.elapsed.components.seconds) + Double(progress.elapsed.components.attoseconds) / 1e18
    let megabytes = Double(progress.bytes) / 1_000_000
    let rate = seconds > 0 ? Int(megabytes / seconds) : 0
    Console.errorText(
      "\rhush: \(progress.done)/\(progress.total) blobs, \(Int(megabytes)) MB, \(rate) MB/s\u{1B}[K")
  }

  static func clear() { Console.errorText("\r\u{1B}[K") }
}
