import Foundation

/// `hush scan`: files, directories, or stdin (`-`).
public struct ScanCommand: Sendable {
  var paths: [String]
  var allFiles: Bool
  var report: ReportSettings
  var input: ScannerSetup

  /// The command with its arguments.
  public init(paths: [String], allFiles: Bool, report: ReportSettings, input: ScannerSetup) {
    self.paths = paths
    self.allFiles = allFiles
    self.report = report
    self.input = input
  }

  /// Scans, reports, and says whether anything was found.
  public func run() throws -> ExitStatus {
    if paths.count > 1 && paths.contains("-") {
      throw UsageError("'-' (stdin) cannot be combined with other paths")
    }
    var scanner = try input.scanner(near: paths.first ?? ".", localSecrets: true)
    scanner.explains = report.explain
    if paths == ["-"] {
      let result = try scanner.scan(standardInput: [UInt8](FileHandle.standardInput.readDataToEndOfFile()))
      return try ScanOutput.emit(result, report)
    }
    let stream = streamer()
    let lister = TargetLister(includeIgnored: allFiles) { warning in
      if report.verbose { Console.error("hush: \(warning)") }
    }
    let result = try scanner.scan(try lister.targets(for: paths), onFile: stream)
    return try ScanOutput.emit(result, report, streamed: stream != nil)
  }

  /// JSON Lines to stdout stream each file's reported findings as it is scanned; a report
  /// written to a file is written whole, at the end.
  private func streamer() -> (@Sendable ([Finding]) -> Void)? {
    guard report.format == .jsonl, report.output == nil else { return nil }
    let options = report.options
    return { findings in Console.output(JSONReport.lines(findings, options: options)) }
  }
}

/// Writes a scan result, with its diagnostics, and decides the exit status.
enum ScanOutput {
  static func emit(
    _ result: ScanResult, _ report: ReportSettings, blocked: String? = nil, streamed: Bool = false
  ) throws -> ExitStatus {
    let options = report.options
    for warning in result.warnings where !report.quiet { Console.error("hush: \(warning)") }
    report.printExplanations(result.explanations)
    if let machine = report.machineReport(result.findings, options) {
      if !streamed { try report.write(machine) }
      if !report.quiet { Console.error(TextReport.summaryLine(result.summary)) }
    }
    switch report.format {
    case .jsonl, .sarif: break
    case .json: try report.write(JSONReport.render(result, options: options))
    case .text:
      try report.write(TextReport.render(result, options: options))
      if !report.quiet {
        Console.error(TextReport.summaryLine(result.summary))
        if !result.findings.isEmpty { Console.error(TextReport.allowHint) }
        if !result.findings.isEmpty, let blocked { Console.error(blocked) }
      }
    }
    return result.findings.isEmpty ? .clean : .findings
  }
}
