/// `hush config check`: validates a config as a scan would load it, and then some.
public struct ConfigCheckCommand: Sendable {
  var file: String?

  /// The command for `file` (nil: the config a scan here would use).
  public init(file: String?) { self.file = file }

  /// Checks keys, types, regexes, rule ids and the added rules' examples.
  public func run() throws -> ExitStatus {
    let config = try ScannerSetup(config: file).loadConfig(near: ".")
    guard !config.file.isEmpty else {
      Console.error("hush: no config found (.hush.toml at the repository root, or $HUSH_CONFIG): the defaults apply")
      return .clean
    }
    let catalog = try config.catalog(base: RuleCatalog.bundled)
    _ = try Allowlists(config: config)
    try Detector(catalog: RuleCatalog(rules: config.addedRules)).compileAll()
    let problems = config.addedRules.flatMap(RuleChecker.problems(with:))
    for problem in problems { Console.error(problem) }
    Console.error(
      "hush: \(config.file): \(catalog.rules.count) rules to run (\(config.addedRules.count) added, \(config.disabledRules.count) disabled), \(problems.count) problems"
    )
    return problems.isEmpty ? .clean : .findings
  }
}

/// `hush config init`: a commented starter `.hush.toml`, never over an existing one.
public struct ConfigInitCommand: Sendable {
  var file: String?

  /// The command writing `file` (nil: `.hush.toml` at the repository root).
  public init(file: String?) { self.file = file }

  /// Writes the starter config.
  public func run() throws -> ExitStatus {
    let root = Git(directory: ".").workTree()?.root ?? "."
    let target = file ?? PathName.join(root, ConfigLocator.fileName)
    try AtomicFile.create(Array(StarterConfig.text.utf8), at: target, mode: 0o644)
    Console.error("hush: wrote \(target); hush config check validates it")
    return .clean
  }
}
