import ArgumentParser
import Foundation
import HushCore

struct PrePush: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "pre-push",
    abstract: "Scan the commits being pushed (run by the pre-push hook, fed git's lines on stdin).",
    discussion: """
      Reads '<local ref> <local id> <remote ref> <remote id>' lines on stdin and scans the \
      blobs added by commits that no remote has yet (git log <local> --not --remotes). \
      Branch deletions push nothing and are skipped. Exit 1 blocks the push.
      """)

  @Argument(
    help: ArgumentHelp("The remote's name and URL, as git passes them to the hook (unused).", valueName: "remote"))
  var remote: [String] = []

  @OptionGroup var reportArguments: ReportArguments
  var report: ReportSettings { reportArguments.settings }
  @OptionGroup var inputArguments: InputArguments
  var input: ScannerSetup { inputArguments.settings }

  func run() throws {
    let updates = try PushUpdates.parse(String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self))
    let git = Git(directory: ".")
    let revisions = PushUpdates.revisions(for: updates) { git.hasCommit($0) }
    guard !revisions.isEmpty else {
      if !report.quiet { Terminal.error("hush: nothing to scan (no commits pushed)") }
      return
    }
    var options = HistoryOptions(revisions: revisions)
    options.merges = .combined
    options.countsCarriers = false
    var scanner = try input.scanner(near: ".")
    scanner.explains = report.explain
    var result = try HistoryScan(scanner: scanner).run(in: ".", options: options)
    result.scan.apply(try input.loadBaseline(near: "."))
    report.printExplanations(result.scan.explanations)
    let reportOptions = report.options
    switch report.format {
    case .jsonl, .sarif: try report.write(report.machineReport(result.scan.findings, reportOptions) ?? "")
    case .json:
      let remediation = Remediation(
        findings: result.scan.findings, fingerprinter: reportOptions.fingerprinter,
        now: Int(Date().timeIntervalSince1970), purgeFile: nil)
      try report.write(HistoryReport.json(result, remediation: remediation, options: reportOptions))
    case .text: try report.write(TextReport.render(result.scan, options: reportOptions))
    }
    if report.format != .json && !report.quiet { Terminal.error(HistoryReport.summaryLine(result)) }
    guard !result.scan.findings.isEmpty else { return }
    if !report.quiet {
      Terminal.error(TextReport.allowHint)
      Terminal.error(
        "hush: push blocked. Remove the secret from the commits that add it (git commit --amend for the last one, git rebase -i <commit>^ for older ones), rotate it if it was shared, then push again."
      )
    }
    throw ExitCode(1)
  }
}
