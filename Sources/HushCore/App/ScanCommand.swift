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
    try report.refuseHTML("scan")
    if paths.count > 1 && paths.contains("-") {
      throw UsageError("'-' (stdin) cannot be combined with other paths")
    }
    var scanner = try input.scanner(near: paths.first ?? ".", localSecrets: true)
    scanner.explains = report.explain
    var report = self.report
    report.repository = Self.directory(of: paths.first ?? ".")
    if paths == ["-"] {
      let result = try scanner.scan(standardInput: Posix.readAll(0))
      return try ScanOutput.emit(result, report)
    }
    let stream = streamer(report)
    // Directories that could not be listed (unreadable, a path too long) are named and
    // counted like unreadable files: an input not scanned is never silent.
    var unlisted: [String] = []
    let lister = TargetLister(includeIgnored: allFiles) { unlisted.append($0) }
    var result = try scanner.scan(try lister.targets(for: paths), onFile: stream)
    result.warnings = unlisted + result.warnings
    result.summary.unreadable += unlisted.count
    return try ScanOutput.emit(result, report, streamed: stream != nil)
  }

  /// JSON Lines to stdout stream each file's reported findings as it is scanned; a report
  /// written to a file is written whole, at the end.
  private func streamer(_ report: ReportSettings) -> (@Sendable ([Finding]) -> Void)? {
    guard report.format == .jsonl, report.output == nil else { return nil }
    let options = report.options
    return { findings in Console.output(JSONReport.lines(findings, options: options)) }
  }
}

extension ScanCommand {
  /// The directory git runs in for `path`: itself, or the folder holding the file.
  static func directory(of path: String) -> String {
    if path == "-" { return "." }
    return FileKind(path) == .directory ? path : PathName.parent(of: path)
  }
}

/// Writes a scan result, with its diagnostics, and decides the exit status.
enum ScanOutput {
  static func emit(
    _ result: ScanResult, _ report: ReportSettings, blocked: String? = nil, streamed: Bool = false
  ) throws -> ExitStatus {
    let options = report.options
    for warning in result.warnings where !report.quiet { Console.error("hush: \(warning)") }
    if report.quiet && !result.warnings.isEmpty {
      Console.error(
        "hush: \(result.warnings.count) warning\(result.warnings.count == 1 ? "" : "s") (inputs not fully scanned); run without --quiet to see them"
      )
    }
    report.printExplanations(result.explanations)
    if let machine = report.machineReport(result.findings, options) {
      if !streamed { try report.write(machine) }
      if !report.quiet { Console.error(TextReport.summaryLine(result.summary)) }
    }
    switch report.format {
    case .jsonl, .sarif, .html: break  // written above; html was refused before scanning
    case .json: try report.write(JSONReport.render(result, options: options))
    case .text:
      try report.write(TextReport.render(result, options: options))
      if !report.quiet {
        Console.error(TextReport.summaryLine(result.summary))
        if !result.findings.isEmpty { Console.error(TextReport.allowHint) }
        if !result.findings.isEmpty, let blocked { Console.error(blocked) }
      }
    }
    if blocked != nil, let refusal = unscannedRefusal(result) {
      Console.error(refusal)
      return .findings
    }
    return result.findings.isEmpty ? .clean : .findings
  }

  /// Why a hook fails although nothing was found: a part of what the change adds was not
  /// scanned (a regex stopped at its match limit, a blob over the size limit), so the hook
  /// cannot say it is clean. Nil when everything was scanned. Printed even with --quiet.
  static func unscannedRefusal(_ result: ScanResult) -> String? {
    guard !result.incomplete.isEmpty else { return nil }
    let paths = Set(result.incomplete.map(\.path)).sorted().map(Printable.text)
    return
      "hush: blocked: \(paths.count) file\(paths.count == 1 ? "" : "s") not fully scanned (\(paths.joined(separator: ", "))), so this change cannot be called clean. Raise --max-file-size for a blob over it, or accept the risk for a path with [allowlist] paths in .hush.toml (exit 1)."
  }
}
