import ArgumentParser
import Foundation
import HushCore

/// How a command reports, as plain values: what commands read, and what the pre-commit fast
/// path (`Hush.parserFreeRun`) builds without ArgumentParser. Defaults match the options'.
struct ReportSettings {
  var format: ReportFormat = .text
  var output: String?
  var showSecrets = false
  var quiet = false
  var verbose = false
  var explain = false
}

/// Options shared by every command that reports findings.
struct ReportArguments: ParsableArguments {
  @Option(help: "Output format: text, json, jsonl (one finding per line) or sarif (SARIF 2.1.0).")
  var format: ReportFormat = .text

  @Option(
    name: .shortAndLong,
    help: ArgumentHelp("Write the report to this file (atomically) instead of stdout.", valueName: "file"))
  var output: String?

  @Flag(help: "Print secrets in full instead of redacted. Never use this in CI logs.")
  var showSecrets = false

  @Flag(name: .shortAndLong, help: "Print nothing on stderr unless something went wrong.")
  var quiet = false

  @Flag(name: .shortAndLong, help: "Print per-file diagnostics on stderr (never secret values).")
  var verbose = false

  @Flag(help: "Say on stderr why each match or file that is not reported was dropped (never the secret).")
  var explain = false

  var settings: ReportSettings {
    ReportSettings(
      format: format, output: output, showSecrets: showSecrets, quiet: quiet, verbose: verbose, explain: explain)
  }
}

extension ReportSettings {
  /// The explanations, on stderr, when asked for.
  func printExplanations(_ lines: [String]) {
    guard explain else { return }
    for line in lines { Terminal.error("explain: \(line)") }
    if lines.isEmpty { Terminal.error("explain: nothing was dropped") }
  }

  var options: ReportOptions { ReportOptions(showSecrets: showSecrets, color: output == nil && Terminal.wantsColor) }

  /// Writes the report to `--output` (atomically) or stdout.
  func write(_ text: String) throws {
    guard let output else { return Terminal.output(text) }
    try AtomicFile.write(Array(text.utf8), to: output, mode: 0o644)
  }

  /// The findings in a machine format (JSONL, SARIF), or nil for the formats each command
  /// renders itself.
  func machineReport(_ findings: [Finding], _ options: ReportOptions) -> String? {
    switch format {
    case .jsonl: JSONReport.lines(findings, options: options)
    case .sarif: SARIFReport.render(findings, options: options, version: Hush.version)
    case .text, .json: nil
    }
  }
}

extension ReportFormat: ExpressibleByArgument {}

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

  @OptionGroup var reportArguments: ReportArguments
  var report: ReportSettings { reportArguments.settings }

  @Flag(help: "Scan every file under a directory, including files git ignores.")
  var allFiles = false

  @OptionGroup var inputArguments: InputArguments
  var input: ScannerSetup { inputArguments.settings }

  /// JSON Lines to stdout stream each file's findings as it is scanned (baselined ones left
  /// out); a report written to a file is written whole, at the end.
  private func streamer(_ baseline: Baseline?) -> (@Sendable ([Finding]) -> Void)? {
    guard report.format == .jsonl, report.output == nil else { return nil }
    let options = report.options
    return { findings in
      Terminal.output(JSONReport.lines(baseline?.newFindings(findings) ?? findings, options: options))
    }
  }

  func run() throws {
    let baseline = try input.loadBaseline(near: paths.first ?? ".")
    var scanner = try input.scanner(near: paths.first ?? ".", localSecrets: true)
    scanner.explains = report.explain
    let stream = paths == ["-"] ? nil : streamer(baseline)
    var result: ScanResult
    if paths == ["-"] {
      result = try scanner.scan(standardInput: [UInt8](FileHandle.standardInput.readDataToEndOfFile()))
    } else {
      guard !paths.contains("-") else {
        throw ValidationError("'-' (stdin) cannot be combined with other paths")
      }
      let lister = TargetLister(includeIgnored: allFiles) { warning in
        if report.verbose { Terminal.error("hush: \(warning)") }
      }
      result = try scanner.scan(try lister.targets(for: paths), onFile: stream)
    }
    result.apply(baseline)
    try Output.emit(result, report, streamed: stream != nil)
  }
}

/// Writes a scan result and decides the exit status.
enum Output {
  static func emit(_ result: ScanResult, _ report: ReportSettings, blocked: String? = nil, streamed: Bool = false)
    throws
  {
    let options = report.options
    for warning in result.warnings where !report.quiet { Terminal.error("hush: \(warning)") }
    report.printExplanations(result.explanations)
    if let machine = report.machineReport(result.findings, options) {
      if !streamed { try report.write(machine) }
      if !report.quiet { Terminal.error(TextReport.summaryLine(result.summary)) }
    }
    switch report.format {
    case .jsonl, .sarif: break
    case .json: try report.write(JSONReport.render(result, options: options))
    case .text:
      try report.write(TextReport.render(result, options: options))
      if !report.quiet {
        Terminal.error(TextReport.summaryLine(result.summary))
        if !result.findings.isEmpty { Terminal.error(TextReport.allowHint) }
        if !result.findings.isEmpty, let blocked { Terminal.error(blocked) }
      }
    }
    if !result.findings.isEmpty { throw ExitCode(1) }
  }
}
