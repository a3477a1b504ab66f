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
    // Text shows no fingerprint; the other formats look the repository's key up only for
    // their first finding: a clean run starts no git process for it.
    if format != .text {
      let repository = repository
      options.fingerprinter = Fingerprinter(rootCommit: { Git(directory: repository).firstRootCommit() })
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
    let maxSize = try maxFileSize.map(ByteSize.parse) ?? configuration.maxFileSize ?? Scanner.defaultMaxFileSize
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
    guard let file = Platform.environment("HUSH_MODEL"), !file.isEmpty else { return nil }
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
    let fromEnvironment = Platform.environment("HUSH_CONFIG").flatMap { $0.isEmpty ? nil : $0 }
    return try ConfigLocator.load(explicit: config ?? fromEnvironment, near: path)
  }
}

/// Hush's version, as `--version` and SARIF reports state it: the release tag the build was
/// made from (`gitDescribe`, stamped by Plugins/VersionStamp), else the version below.
public enum HushVersion {
  /// The version of this source when no release tag says otherwise (no git, no tag).
  static let source = "0.2.0"

  /// The released version this build is (`0.2.0` for a build at or after tag `v0.2.0`).
  public static let current = version(described: gitDescribe)

  /// What `hush --version` prints: `hush 0.2.0 (v0.2.0-3-gabc1234)`.
  public static let full = "hush \(current) (\(commit(described: gitDescribe)))"

  /// The version a `git describe --tags --always --dirty` output names: its tag's, without
  /// the `v`, when the tag is a version (`v0.2.0-rc.1-3-gabc1234-dirty` → `0.2.0-rc.1`); else
  /// the source's.
  static func version(described text: String) -> String {
    var tag = Substring(text)
    if tag.hasSuffix("-dirty") { tag = tag.dropLast("-dirty".count) }
    let parts = tag.split(separator: "-", omittingEmptySubsequences: false)
    if parts.count >= 3, parts[parts.count - 2].allSatisfy(\.isNumber), parts[parts.count - 1].hasPrefix("g") {
      tag = tag.dropLast(parts[parts.count - 2].count + parts[parts.count - 1].count + 2)
    }
    if tag.hasPrefix("v") { tag = tag.dropFirst() }
    let numbers = tag.prefix { $0 != "-" && $0 != "+" }.split(separator: ".", omittingEmptySubsequences: false)
    let isVersion = numbers.count >= 2 && numbers.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isNumber) }
    return isVersion ? String(tag) : source
  }

  /// The commit part of `--version`: what git described, or "unknown commit" without git.
  static func commit(described text: String) -> String { text.isEmpty ? "unknown commit" : text }
}
