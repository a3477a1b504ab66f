import HushRules
import TOMLKit

/// Reads `.hush.toml` into a `HushConfig`, checking every key, type and regex.
struct ConfigParser {
  let text: String
  let file: String
  let lines: SourceLines

  static let topLevel: Set<String> = [
    "extend", "max-file-size", "min-confidence", "disable", "allowlist", "rules", "rule", "audit",
  ]
  static let allowlistKeys: Set<String> = ["paths", "secrets", "lines", "stopwords"]

  init(text: String, file: String) {
    self.text = text
    self.file = file
    lines = SourceLines(text: text)
  }

  func config() throws -> HushConfig {
    let table = try parseTOML()
    for key in table.keys.sorted() where !Self.topLevel.contains(key) {
      throw ConfigError.unknownKey(key, file: file, line: lines.line(ofKey: key, after: 0))
    }
    var config = HushConfig()
    config.file = file
    if let extend = table["extend"] {
      guard let value = extend.bool else { throw wrongType("extend", "true or false", line(ofKey: "extend")) }
      config.extendsCatalog = value
    }
    if let size = table["max-file-size"] {
      let text = size.string ?? size.int.map(String.init)
      guard let text, let bytes = try? ByteSize.parse(text) else {
        throw wrongType("max-file-size", "a size such as \"10MiB\" or a number of bytes", line(ofKey: "max-file-size"))
      }
      config.maxFileSize = bytes
    }
    if let confidence = table["min-confidence"] {
      let value = confidence.double ?? confidence.int.map(Double.init)
      guard let value, (0...1).contains(value) else {
        throw wrongType("min-confidence", "a number from 0 to 1", line(ofKey: "min-confidence"))
      }
      config.minConfidence = value
    }
    config.disabledLine = line(ofKey: "disable")
    config.disabledRules = try strings(table["disable"], key: "disable", line: config.disabledLine)
    if let allowlist = table["allowlist"] {
      let section = sectionLine("allowlist")
      guard let allowTable = allowlist.table else { throw wrongType("allowlist", "a table ([allowlist])", section) }
      config.allowlist = try allowlistSpec(allowTable, name: "allowlist", after: section)
    }
    config.overrides = try overrides(table["rules"])
    config.addedRules = try RuleCatalog.rules(in: table, file: file, lines: lines, requireExamples: false)
    for rule in config.addedRules { try compile(rule.regex, key: "rule.regex", line: ruleLine(rule)) }
    if let audit = table["audit"] {
      let section = sectionLine("audit")
      guard let auditTable = audit.table else { throw wrongType("audit", "a table ([audit])", section) }
      for key in auditTable.keys.sorted() where key != "sensitive" && key != "agent-configs" {
        throw ConfigError.unknownKey("audit.\(key)", file: file, line: lines.line(ofKey: key, after: section))
      }
      config.auditPatterns = try strings(
        auditTable["sensitive"], key: "audit.sensitive", line: lines.line(ofKey: "sensitive", after: section))
      config.agentConfigs = try strings(
        auditTable["agent-configs"], key: "audit.agent-configs",
        line: lines.line(ofKey: "agent-configs", after: section))
    }
    return config
  }

  private func parseTOML() throws(ConfigError) -> TOMLTable {
    do {
      return try SafeTOML.parse(text)
    } catch {
      throw .syntax(error.message, file: file, line: error.line, column: error.column)
    }
  }

  /// `[rules.RULE-ID]` tables: `min-entropy` and an `allowlist` of their own.
  private func overrides(_ value: (any TOMLValueConvertible)?) throws(ConfigError) -> [String: RuleOverride] {
    guard let value else { return [:] }
    let section = lines.line(ofKey: "rules", after: 0)
    guard let table = value.table else { throw wrongType("rules", "tables such as [rules.stripe-secret-key]", section) }
    var overrides: [String: RuleOverride] = [:]
    for id in table.keys.sorted() {
      let header = sectionLine("rules.\(id)", key: id, after: lines.line(ofSection: "rules"))
      guard let ruleTable = table[id]?.table else { throw wrongType("rules.\(id)", "a table", header) }
      var override = RuleOverride()
      override.line = header
      for key in ruleTable.keys.sorted() where key != "min-entropy" && key != "allowlist" {
        throw ConfigError.unknownKey("rules.\(id).\(key)", file: file, line: lines.line(ofKey: key, after: header))
      }
      if let entropy = ruleTable["min-entropy"] {
        let line = lines.line(ofKey: "min-entropy", after: header)
        guard let number = entropy.double ?? entropy.int.map(Double.init), number >= 0, number <= 8 else {
          throw wrongType("rules.\(id).min-entropy", "a number of bits per character between 0 and 8", line)
        }
        override.minEntropy = number
      }
      if let allowlist = ruleTable["allowlist"] {
        let line = lines.line(ofKey: "allowlist", after: header)
        guard let allowTable = allowlist.table else { throw wrongType("rules.\(id).allowlist", "a table", line) }
        override.allowlist = try allowlistSpec(allowTable, name: "rules.\(id).allowlist", after: header)
      }
      overrides[id] = override
    }
    return overrides
  }

  private func allowlistSpec(_ table: TOMLTable, name: String, after start: Int) throws(ConfigError) -> AllowlistSpec {
    for key in table.keys.sorted() where !Self.allowlistKeys.contains(key) {
      throw ConfigError.unknownKey("\(name).\(key)", file: file, line: lines.line(ofKey: key, after: start))
    }
    var spec = AllowlistSpec()
    let at = { (key: String) in self.lines.line(ofKey: key, after: start) }
    spec.paths = try strings(table["paths"], key: "\(name).paths", line: at("paths"))
    spec.secrets = try strings(table["secrets"], key: "\(name).secrets", line: at("secrets"))
    spec.lines = try strings(table["lines"], key: "\(name).lines", line: at("lines"))
    spec.stopwords = try strings(table["stopwords"], key: "\(name).stopwords", line: at("stopwords")).map {
      $0.lowercased()
    }
    for pattern in spec.secrets { try compile(pattern, key: "\(name).secrets", line: at("secrets")) }
    for pattern in spec.lines { try compile(pattern, key: "\(name).lines", line: at("lines")) }
    return spec
  }

  private func strings(_ value: (any TOMLValueConvertible)?, key: String, line: Int) throws(ConfigError) -> [String] {
    guard let value else { return [] }
    guard let array = value.array else { throw wrongType(key, "an array of strings", line) }
    var result: [String] = []
    for element in array {
      guard let string = element.string else { throw wrongType(key, "an array of strings", line) }
      result.append(string)
    }
    return result
  }

  private func compile(_ pattern: String, key: String, line: Int) throws(ConfigError) {
    do {
      _ = try PCRE2Regex(pattern, name: key, jit: false)
    } catch {
      throw .invalidValue(key, reason: "invalid regex: \(error)", file: file, line: line)
    }
  }

  /// The line of `[name]`, or of `key =` (after line `start`) when the table is written
  /// inline (`allowlist = 5` is reported where it is, not at line 0), or 1 when neither is
  /// found (a dotted key such as `audit.x = 1`).
  private func sectionLine(_ name: String, key: String? = nil, after start: Int = 0) -> Int {
    let header = lines.line(ofSection: name)
    return header > 0 ? header : lines.line(ofKey: key ?? name, after: start)
  }

  private func ruleLine(_ rule: Rule) -> Int { Int(rule.location.split(separator: ":").last ?? "") ?? 0 }
  private func line(ofKey key: String) -> Int { lines.line(ofKey: key, after: 0) }

  private func wrongType(_ key: String, _ expected: String, _ line: Int) -> ConfigError {
    .wrongType(key, expected: expected, file: file, line: line)
  }
}

extension SourceLines {
  /// The 1-based line of `[name]`, or 0 when absent.
  func line(ofSection name: String) -> Int {
    for (index, line) in lines.enumerated()
    where line.trimmingPrefix(while: { $0 == " " || $0 == "\t" }).hasPrefix("[\(name)]") {
      return index + 1
    }
    return 0
  }
}
