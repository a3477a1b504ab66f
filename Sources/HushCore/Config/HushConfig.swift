import TOMLKit

/// A `.hush.toml` that cannot be used; the message starts with `file:line:`.
public enum ConfigError: HushError, Equatable {
  case syntax(String, file: String, line: Int, column: Int)
  case unknownKey(String, file: String, line: Int)
  case wrongType(String, expected: String, file: String, line: Int)
  case invalidValue(String, reason: String, file: String, line: Int)
  case unknownRule(String, file: String, line: Int)
  case unreadable(String, reason: String)

  /// The message, starting with `file:line:`.
  public var description: String {
    switch self {
    case .syntax(let message, let file, let line, let column):
      "\(file):\(line):\(column): invalid TOML: \(message)"
    case .unknownKey(let key, let file, let line):
      "\(file):\(line): unknown key '\(key)'"
    case .wrongType(let key, let expected, let file, let line):
      "\(file):\(line): '\(key)' must be \(expected)"
    case .invalidValue(let key, let reason, let file, let line):
      "\(file):\(line): '\(key)': \(reason)"
    case .unknownRule(let id, let file, let line):
      "\(file):\(line): no rule has the id '\(id)' (hush rules list shows them)"
    case .unreadable(let file, let reason):
      "\(file): cannot read config: \(reason)"
    }
  }
}

/// What a finding may be allowed by: path globs, regexes on the secret or on its line, and
/// stopwords (a secret containing one, case-insensitively, is not reported).
public struct AllowlistSpec: Sendable, Equatable {
  var paths: [String] = []
  var secrets: [String] = []
  var lines: [String] = []
  var stopwords: [String] = []
  init() {}

  var isEmpty: Bool { paths.isEmpty && secrets.isEmpty && lines.isEmpty && stopwords.isEmpty }
}

/// Changes a team makes to one built-in rule (`[rules.RULE-ID]`).
public struct RuleOverride: Sendable, Equatable {
  var minEntropy: Double?
  var allowlist = AllowlistSpec()
  /// Where it was set, for errors about the id.
  public var line = 0
}

/// Team settings from `.hush.toml`. Every key is checked: unknown keys, wrong types and
/// invalid regexes are errors naming `file:line`, so a config never silently does nothing.
public struct HushConfig: Sendable, Equatable {
  /// The file it was read from (empty for the defaults).
  public var file = ""
  /// False drops the built-in catalog: only the config's own rules run.
  public var extendsCatalog = true
  var maxFileSize: Int?
  /// `min-confidence`: the confidence a candidate of the generic grammar must reach.
  var minConfidence: Double?
  /// Built-in rules turned off, with the line of the `disable` key.
  public var disabledRules: [String] = []
  var disabledLine = 0
  var overrides: [String: RuleOverride] = [:]
  var allowlist = AllowlistSpec()
  /// Rules the config adds (same schema as `patterns/`).
  public var addedRules: [Rule] = []
  /// More `.gitignore` lines `hush audit` requires (`[audit] sensitive = [...]`).
  public var auditPatterns: [String] = []
  /// More agent config globs, read in the syntax their name implies (`[audit] agent-configs`).
  public var agentConfigs: [String] = []

  init(allowlistedPaths: [String] = [], auditPatterns: [String] = []) {
    allowlist.paths = allowlistedPaths
    self.auditPatterns = auditPatterns
  }

  /// Globs of repository-relative paths never scanned.
  public var allowlistedPaths: [String] { allowlist.paths }

  /// Whether `relativePath` is excluded from scanning.
  public func isAllowlisted(_ relativePath: String) -> Bool {
    Glob.matchesAny(allowlist.paths, path: relativePath)
  }

  /// The rules to run: the built-in catalog (unless `extend = false`) without the disabled
  /// ones, with overrides applied, plus the config's own rules.
  public func catalog(base: RuleCatalog) throws(ConfigError) -> RuleCatalog {
    let known = Set(base.rules.map(\.id))
    for id in disabledRules where !known.contains(id) { throw .unknownRule(id, file: file, line: disabledLine) }
    for (id, override) in overrides where !known.contains(id) && !addedRules.contains(where: { $0.id == id }) {
      throw .unknownRule(id, file: file, line: override.line)
    }
    var rules = extendsCatalog ? base.rules.filter { !disabledRules.contains($0.id) } : []
    for added in addedRules {
      if rules.contains(where: { $0.id == added.id }) {
        throw .invalidValue(
          "rule.id", reason: "'\(added.id)' is a built-in rule id: choose another, or disable the built-in one",
          file: file, line: Int(added.location.split(separator: ":").last ?? "") ?? 0)
      }
      rules.append(added)
    }
    rules = rules.map { rule in
      guard let minimum = overrides[rule.id]?.minEntropy else { return rule }
      var changed = rule
      changed.minEntropy = minimum
      return changed
    }
    // Entropy overrides leave every keyword where it was: the base's table still holds.
    let sameKeywords = extendsCatalog && disabledRules.isEmpty && addedRules.isEmpty
    return RuleCatalog(rules: rules, keywordTable: sameKeywords ? base.keywordTable : nil)
  }

  /// Parses the text of a `.hush.toml`; errors start with `file:line:`.
  public static func parse(_ text: String, file: String) throws -> HushConfig {
    try ConfigParser(text: text, file: file).config()
  }
}
