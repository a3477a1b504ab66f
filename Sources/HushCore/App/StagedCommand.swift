/// `hush staged`, as the pre-commit hook runs it.
public struct StagedCommand: Sendable {
  var report: ReportSettings
  var input: ScannerSetup

  /// The command with its options; `StagedCommand()` is the hook's exact invocation.
  public init(report: ReportSettings = ReportSettings(), input: ScannerSetup = ScannerSetup()) {
    self.report = report
    self.input = input
  }

  /// Scans what is staged and says whether the commit must be blocked.
  public func run() throws -> ExitStatus {
    try report.refuseHTML("staged")
    // git runs while the rules and config load.
    let processes = try StagedScan.Processes(directory: ".")
    var scanner = try input.scanner(near: ".", localSecrets: true, operatingPoint: "staged")
    scanner.explains = report.explain
    let result = try StagedScan(scanner: scanner).run(processes)
    return try ScanOutput.emit(
      result, report,
      blocked:
        "hush: commit blocked. Remove the secret from the staged file (git add it again), or bypass once with git commit --no-verify."
    )
  }
}
