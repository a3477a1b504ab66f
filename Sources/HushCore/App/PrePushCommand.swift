/// `hush pre-push`, as the pre-push hook runs it: git's lines on stdin.
public struct PrePushCommand: Sendable {
  var report: ReportSettings
  var input: ScannerSetup

  /// The command with its options.
  public init(report: ReportSettings, input: ScannerSetup) {
    self.report = report
    self.input = input
  }

  /// Scans the commits being pushed and says whether the push must be blocked.
  public func run() throws -> ExitStatus {
    try report.refuseHTML("pre-push")
    let updates = try PushUpdates.parse(String(decoding: Posix.readAll(0), as: UTF8.self))
    let git = Git(directory: ".")
    let revisions = PushUpdates.revisions(for: updates) { git.hasCommit($0) }
    guard !revisions.isEmpty else {
      if !report.quiet { Console.error("hush: nothing to scan (no commits pushed)") }
      return .clean
    }
    var options = HistoryOptions(revisions: revisions)
    options.merges = .combined
    options.countsCarriers = false
    var scanner = try input.scanner(near: ".", operatingPoint: "staged")
    scanner.explains = report.explain
    let result = try HistoryScan(scanner: scanner).run(in: ".", options: options)
    report.printExplanations(result.scan.explanations)
    for warning in result.scan.warnings where !report.quiet { Console.error("hush: \(warning)") }
    try emit(result)
    if let refusal = ScanOutput.unscannedRefusal(result.scan) {
      Console.error(refusal)
      return .findings
    }
    guard !result.scan.findings.isEmpty else { return .clean }
    if !report.quiet {
      Console.error(TextReport.allowHint)
      Console.error(
        "hush: push blocked. Remove the secret from the commits that add it (git commit --amend for the last one, git rebase -i <commit>^ for older ones), rotate it if it was shared, then push again."
      )
    }
    return .findings
  }

  private func emit(_ result: HistoryResult) throws {
    let options = report.options
    switch report.format {
    case .html: break  // refused before scanning
    case .jsonl, .sarif: try report.write(report.machineReport(result.scan.findings, options) ?? "")
    case .json:
      let remediation = Remediation(
        findings: result.scan.findings, fingerprinter: options.fingerprinter,
        now: Int(Date().timeIntervalSince1970), purgeFile: nil)
      try report.write(HistoryReport.json(result, remediation: remediation, options: options))
    case .text: try report.write(TextReport.render(result.scan, options: options))
    }
    if report.format != .json && !report.quiet { Console.error(HistoryReport.summaryLine(result)) }
  }
}
