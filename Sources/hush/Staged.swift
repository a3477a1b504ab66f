import ArgumentParser
import Foundation
import HushCore

/// Options of every command that reads content: where the config is, how large a file may be.
struct InputArguments: ParsableArguments {
  @Option(
    help: ArgumentHelp(
      "Skip files larger than this (bytes, or with K, M, G units; default: the config's, else 10MiB).",
      valueName: "size"))
  var maxFileSize: String?

  @Option(
    help: ArgumentHelp(
      "Config file (default: $HUSH_CONFIG, else .hush.toml at the repository root).", valueName: "file"))
  var config: String?

  @Option(
    help: ArgumentHelp(
      "Report only findings this baseline does not know (default: .hush-baseline.json at the repository root, when present).",
      valueName: "file"))
  var baseline: String?

  var settings: ScannerSetup { ScannerSetup(maxFileSize: maxFileSize, config: config, baseline: baseline) }
}

/// How commands build their scanner and find their baseline, from the option values (commands
/// that do not take the whole `InputArguments` group build one of these from their own options).
struct ScannerSetup {
  var maxFileSize: String?
  var config: String?
  var baseline: String?

  /// The baseline to filter with: `--baseline`, or the repository's default file if any.
  func loadBaseline(near path: String) throws -> Baseline? {
    let file = baseline ?? BaselineFile.defaultPath(near: path)
    guard let file, baseline != nil || FileManager.default.fileExists(atPath: file) else { return nil }
    guard let data = FileManager.default.contents(atPath: file) else {
      throw InputError.unreadable(file, reason: "no such baseline file")
    }
    return try Baseline.parse(data, file: file)
  }

  /// A scanner with the bundled rules and the config found near `path`; with
  /// `localSecrets`, also the values of the work tree's local secret files.
  func scanner(near path: String, localSecrets: Bool = false) throws -> HushCore.Scanner {
    let configuration = try loadConfig(near: path)
    let maxSize = try maxFileSize.map(ByteSize.parse) ?? configuration.maxFileSize ?? 10 << 20
    let catalog = try configuration.catalog(base: RuleCatalog.bundled)
    var scanner = Scanner(detector: Detector(catalog: catalog), config: configuration, maxFileSize: maxSize)
    scanner.allowlists = try Allowlists(config: configuration)
    if localSecrets { scanner.localSecrets = LocalSecrets.load(near: path) }
    return scanner
  }

  /// `--config`, else `$HUSH_CONFIG`, else `.hush.toml` at the repository root.
  func loadConfig(near path: String) throws -> HushConfig {
    let fromEnvironment = ProcessInfo.processInfo.environment["HUSH_CONFIG"].flatMap { $0.isEmpty ? nil : $0 }
    return try ConfigLocator.load(explicit: config ?? fromEnvironment, near: path)
  }
}

struct Staged: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "staged",
    abstract: "Scan what is staged for commit (run by the pre-commit hook).",
    discussion: """
      Scans the index version of every added, copied or modified file (never the work tree), \
      whole, and reports the secrets on lines the commit adds, plus sensitive files being \
      added (.env, private keys, key stores, credentials files). Works before the first commit.
      """)

  @OptionGroup var reportArguments: ReportArguments
  var report: ReportSettings { reportArguments.settings }
  @OptionGroup var inputArguments: InputArguments
  var input: ScannerSetup { inputArguments.settings }

  func run() throws { try Self.run(report: report, input: input) }

  static func run(report: ReportSettings, input: ScannerSetup) throws {
    // git runs while the rules and config load.
    let processes = try StagedScan.Processes(directory: ".")
    var scanner = try input.scanner(near: ".", localSecrets: true)
    scanner.explains = report.explain
    var result = try StagedScan(scanner: scanner).run(processes)
    result.apply(try input.loadBaseline(near: "."))
    try Output.emit(
      result, report,
      blocked:
        "hush: commit blocked. Remove the secret from the staged file (git add it again), or bypass once with git commit --no-verify."
    )
  }
}
