import Foundation

/// How a command reports, as plain values: what the CLI's options map to, and what the
/// pre-commit fast path builds without an argument parser. Defaults match the options'.
public struct ReportSettings: Sendable {
  var format: ReportFormat = .text
  var output: String?
  var showSecrets = false
  var quiet = false
  var verbose = false
  var explain = false
  /// Where the repository whose first commit keys the reports' fingerprints is found.
  var repository = "."

  /// The settings of a command given no reporting option.
  public init() {}

  /// Settings from the options' values.
  public init(format: ReportFormat, output: String?, showSecrets: Bool, quiet: Bool, verbose: Bool, explain: Bool) {
    self.format = format
    self.output = output
    self.showSecrets = showSecrets
    self.quiet = quiet
    self.verbose = verbose
    self.explain = explain
  }

  /// The explanations on stderr: all of them with `--explain`; with `--verbose`, the files
  /// that were not scanned (never a secret either way).
  func printExplanations(_ explanations: [Explanation]) {
    if explain {
      for explanation in explanations { Console.error("explain: \(explanation)") }
      if explanations.isEmpty { Console.error("explain: nothing was dropped") }
    } else if verbose {
      for explanation in explanations where explanation.reason.isAboutFile { Console.error("hush: \(explanation)") }
    }
  }

  var options: ReportOptions {
    var options = ReportOptions(showSecrets: showSecrets, color: output == nil && Console.wantsColor)
    // Text shows no fingerprint: the hook's fast path starts no git process for one.
    if format != .text {
      options.fingerprinter = Fingerprinter(repositoryRoot: Git(directory: repository).firstRootCommit())
    }
    return options
  }

  /// Writes the report to `--output` (atomically) or stdout.
  func write(_ text: String) throws {
    guard let output else { return Console.output(text) }
    try AtomicFile.write(Array(text.utf8), to: output, mode: 0o644)
  }

  /// `--format html` is the post-leak page of `hush history`: other commands refuse it (exit
  /// 2) before scanning, rather than write something else.
  func refuseHTML(_ command: String) throws {
    guard format == .html else { return }
    throw UsageError(
      "--format html is for hush history (a post-leak report); \(command) writes text, json, jsonl or sarif")
  }

  /// The findings in a machine format (JSONL, SARIF), or nil for the formats each command
  /// renders itself.
  func machineReport(_ findings: [Finding], _ options: ReportOptions) -> String? {
    switch format {
    case .jsonl: JSONReport.lines(findings, options: options)
    case .sarif: SARIFReport.render(findings, options: options, version: HushVersion.current)
    case .text, .json, .html: nil
    }
  }
}

/// Where a command's rules, config and baseline come from: the option values of every
/// command that reads content.
public struct ScannerSetup: Sendable {
  var maxFileSize: String?
  var config: String?
  var baseline: String?
  /// `--min-confidence`: wins over the config's `min-confidence` and the command's default.
  var minConfidence: Double?

  /// The options' values; nil means the default.
  public init(maxFileSize: String? = nil, config: String? = nil, baseline: String? = nil, minConfidence: Double? = nil)
  {
    self.maxFileSize = maxFileSize
    self.config = config
    self.baseline = baseline
    self.minConfidence = minConfidence
  }

  /// The baseline in `file` (from `baselineFile(default:)`), ready to filter with.
  func loadBaseline(_ file: String) throws -> Baseline {
    guard let data = FileManager.default.contents(atPath: file) else {
      throw InputError.unreadable(file, reason: "no such baseline file")
    }
    var baseline = try Baseline.parse(data, file: file)
    baseline.useMemo(environment: ProcessInfo.processInfo.environment)
    return baseline
  }

  /// The baseline file in use, if any: `--baseline`, or the repository's default file
  /// (`BaselineFile.defaultPath`, nil outside a work tree) when it exists.
  private func baselineFile(default defaultPath: String?) -> String? {
    let file = baseline ?? defaultPath
    guard let file, baseline != nil || FileManager.default.fileExists(atPath: file) else { return nil }
    return file
  }

  /// A scanner with the bundled rules, the config found near `path` and its filter chain
  /// (allowlists; the baseline with `baselined`); with `localSecrets`, also the values of
  /// the work tree's local secret files.
  /// `operatingPoint` is the model's threshold the command defaults to: `scan` (recall first)
  /// or `staged` (precision first, for hooks).
  func scanner(
    near path: String, localSecrets: Bool = false, baselined: Bool = true, operatingPoint: String = "scan"
  ) throws -> Scanner {
    let configuration = try loadConfig(near: path)
    let maxSize = try maxFileSize.map(ByteSize.parse) ?? configuration.maxFileSize ?? 10 << 20
    let catalog = try configuration.catalog(base: RuleCatalog.bundled)
    let floor =
      (minConfidence ?? configuration.minConfidence).map(ConfidenceFloor.value) ?? .operatingPoint(operatingPoint)
    let options = DetectorOptions(minConfidence: floor, model: try Self.modelFromEnvironment())
    var scanner = Scanner(
      detector: Detector(catalog: catalog, options: options), config: configuration, maxFileSize: maxSize)
    scanner.filters.allowlists = try Allowlists(config: configuration)
    let defaultBaseline = BaselineFile.defaultPath(near: path)
    let baselineFile = baselineFile(default: defaultBaseline)
    if baselined, let baselineFile { scanner.filters.baseline = try loadBaseline(baselineFile) }
    if baselined, let defaultBaseline {
      scanner.filters.gitleaksIgnore = BaselineFile.gitleaksIgnore(besideBaseline: defaultBaseline)
    }
    scanner.ownFiles = OwnFiles([configuration.file, baselineFile].compactMap { $0 }.filter { !$0.isEmpty })
    if localSecrets { scanner.localSecrets = LocalSecretFiles.load(near: path) }
    return scanner
  }

  /// The model of `$HUSH_MODEL`, for evaluation only (scoring the binary with a model trained
  /// without the files it is measured on: training/README.md); nil: the embedded one.
  static func modelFromEnvironment() throws -> ScoringModel? {
    guard let file = ProcessInfo.processInfo.environment["HUSH_MODEL"], !file.isEmpty else { return nil }
    guard let data = FileManager.default.contents(atPath: file) else {
      throw InputError.unreadable(file, reason: "no such model file ($HUSH_MODEL)")
    }
    do {
      return try ScoringModel(json: Array(data))
    } catch {
      throw InputError.unreadable(file, reason: "\(error) ($HUSH_MODEL)")
    }
  }

  /// `--config`, else `$HUSH_CONFIG`, else `.hush.toml` at the repository root.
  func loadConfig(near path: String) throws -> HushConfig {
    let fromEnvironment = ProcessInfo.processInfo.environment["HUSH_CONFIG"].flatMap { $0.isEmpty ? nil : $0 }
    return try ConfigLocator.load(explicit: config ?? fromEnvironment, near: path)
  }
}

/// Hush's version, as `--version` and SARIF reports state it.
public enum HushVersion {
  /// The released version this build is.
  public static let current = "0.1.0"
}
