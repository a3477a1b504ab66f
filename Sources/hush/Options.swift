import ArgumentParser
import HushCore

/// Options shared by every command that reports findings.
struct ReportArguments: ParsableArguments {
  @Option(
    help:
      "Output format: text, json, jsonl (one finding per line), sarif (SARIF 2.1.0), or html (history only: a page to hand on)."
  )
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

  @Option(
    help: ArgumentHelp(
      "Report a candidate of the generic rules only from this confidence (0 to 1; default: the config's, else the model's threshold: recall-first for scan and history, precision-first for staged and pre-push).",
      valueName: "p"))
  var minConfidence: Double?

  func validate() throws {
    if let minConfidence, !(0...1).contains(minConfidence) {
      throw ValidationError("--min-confidence must be a number from 0 to 1")
    }
  }

  var settings: ScannerSetup {
    ScannerSetup(maxFileSize: maxFileSize, config: config, baseline: baseline, minConfidence: minConfidence)
  }
}

extension ReportFormat: ExpressibleByArgument {}
extension RulesListCommand.Format: ExpressibleByArgument {}
