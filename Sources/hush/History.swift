import ArgumentParser
import Foundation
import HushCore

struct History: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "history",
    abstract: "Scan the git history: every unique blob once, each secret attributed to its commit.",
    discussion: """
      Reads every blob the selected commits introduce once, through one git cat-file --batch, \
      scans them on all cores, and attributes each secret to the commit, author, date and path \
      that introduced it. The text report ends with a remediation plan: what to rotate, for \
      how long it was exposed, and how to purge it with git filter-repo.
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

  @OptionGroup var reportArguments: ReportArguments
  var report: ReportSettings { reportArguments.settings }
  @OptionGroup var inputArguments: InputArguments
  var input: ScannerSetup { inputArguments.settings }

  func validate() throws {
    if branch != nil && !revisions.isEmpty {
      throw ValidationError("use either --branch or a revision range, not both")
    }
    if revisions.contains(where: { $0.hasPrefix("-") }) {
      throw ValidationError("revisions cannot start with '-'")
    }
  }

  func run() throws {
    if let writePurgeFile { try AtomicFile.refuseInsideWorkTree(writePurgeFile, repository: ".") }
    var options = HistoryOptions(revisions: branch.map { [$0] } ?? revisions, since: since)
    options.countsCarriers = true
    let showsProgress = !report.quiet && isatty(STDERR_FILENO) == 1
    var scanner = try input.scanner(near: ".")
    scanner.explains = report.explain
    var result = try HistoryScan(scanner: scanner).run(
      in: ".", options: options, progress: showsProgress ? Progress.line : nil)
    result.scan.apply(try input.loadBaseline(near: "."))
    report.printExplanations(result.scan.explanations)
    if showsProgress { Progress.clear() }
    let reportOptions = report.options
    let remediation = Remediation(
      findings: result.scan.findings, fingerprinter: reportOptions.fingerprinter,
      now: Int(Date().timeIntervalSince1970), purgeFile: writePurgeFile)
    if let writePurgeFile, !remediation.secrets.isEmpty {
      try AtomicFile.write(remediation.replacements, to: writePurgeFile, mode: 0o600)
    }
    try emit(result, remediation, reportOptions)
    if !result.scan.findings.isEmpty { throw ExitCode(1) }
  }

  private func emit(_ result: HistoryResult, _ remediation: Remediation, _ options: ReportOptions) throws {
    if !report.quiet {
      for warning in result.scan.warnings { Terminal.error("hush: \(warning)") }
      if result.commits == 0 { Terminal.error("hush: no commits to scan") }
      if result.isShallow {
        Terminal.error(
          "hush: this is a shallow clone: history before its oldest commits is not scanned, and secrets in them are attributed to them (git fetch --unshallow to scan everything)"
        )
      }
    }
    switch report.format {
    case .jsonl, .sarif: try report.write(report.machineReport(result.scan.findings, options) ?? "")
    case .json: try report.write(HistoryReport.json(result, remediation: remediation, options: options))
    case .text: try report.write(HistoryReport.text(result, remediation: remediation, options: options))
    }
    if report.format != .json && !report.quiet { Terminal.error(HistoryReport.summaryLine(result)) }
    if let writePurgeFile, !remediation.secrets.isEmpty, !report.quiet {
      Terminal.error(
        "hush: wrote the purge file \(writePurgeFile) (plaintext secrets, mode 0600): delete it after the purge")
    }
  }
}

/// The progress line of long scans: on a terminal only, rewritten in place.
enum Progress {
  @Sendable static func line(_ progress: ScanProgress) {
    let seconds = Double(progress.elapsed.components.seconds) + Double(progress.elapsed.components.attoseconds) / 1e18
    let megabytes = Double(progress.bytes) / 1_000_000
    let rate = seconds > 0 ? Int(megabytes / seconds) : 0
    try? FileHandle.standardError.write(
      contentsOf: Data(
        "\rhush: \(progress.done)/\(progress.total) blobs, \(Int(megabytes)) MB, \(rate) MB/s\u{1B}[K".utf8))
  }

  static func clear() { try? FileHandle.standardError.write(contentsOf: Data("\r\u{1B}[K".utf8)) }
}
