import TOMLKit

/// The rules Hush runs: parsed and validated from TOML (`patterns/*.toml`, compiled into the
/// binary, and rules a user adds).
public struct RuleCatalog: Sendable {
  /// The rules, in file order.
  public let rules: [Rule]
  /// Their keyword table when it was built already (the bundled catalog's, at build time);
  /// nil: the detector builds it.
  public let keywordTable: KeywordTable?

  /// A catalog of `rules`, with their keyword table if it is known.
  public init(rules: [Rule], keywordTable: KeywordTable? = nil) {
    self.rules = rules
    self.keywordTable = keywordTable
  }

  /// Parses rule files; ids must be unique across all of them.
  public static func parse(files: [(name: String, text: String)], requireExamples: Bool = true)
    throws(RuleError) -> RuleCatalog
  {
    var rules: [Rule] = []
    var firstSeen: [String: String] = [:]
    for file in files {
      for rule in try parse(file: file.name, text: file.text, requireExamples: requireExamples) {
        if let first = firstSeen[rule.id] {
          let (name, line) = rule.sourceLocation
          throw .duplicateID(rule.id, file: name, line: line, firstSeen: first)
        }
        firstSeen[rule.id] = rule.location
        rules.append(rule)
      }
    }
    return RuleCatalog(rules: rules)
  }

  /// Parses the `[[rule]]` tables of one TOML document.
  public static func parse(file: String, text: String, requireExamples: Bool = true)
    throws(RuleError) -> [Rule]
  {
    let table: TOMLTable
    do {
      table = try SafeTOML.parse(text)
    } catch {
      throw .syntax(error.message, file: file, line: error.line, column: error.column)
    }
    let headers = SourceLines(text: text)
    for key in table.keys where key != "rule" {
      throw .unknownField(key, file: file, line: headers.line(ofKey: key, after: 0))
    }
    return try rules(in: table, file: file, lines: headers, requireExamples: requireExamples)
  }

  /// The `[[rule]]` tables of a parsed document (a rule file, or a `.hush.toml` that adds
  /// rules); other keys are the caller's.
  public static func rules(in table: TOMLTable, file: String, lines headers: SourceLines, requireExamples: Bool)
    throws(RuleError) -> [Rule]
  {
    guard let entries = table["rule"] else { return [] }
    guard let array = entries.array else {
      throw .wrongType("rule", expected: "an array of tables ([[rule]])", file: file, line: 1)
    }
    var rules: [Rule] = []
    for (index, entry) in array.enumerated() {
      let line = headers.ruleHeaderLine(index)
      guard let ruleTable = entry.table else {
        throw .wrongType("rule", expected: "a table ([[rule]])", file: file, line: line)
      }
      let fields = RuleFields(
        table: ruleTable, file: file, headerLine: line, lines: headers,
        requireExamples: requireExamples)
      rules.append(try fields.rule())
    }
    return rules
  }
}

/// Line numbers of rule headers and keys, which TOMLKit does not report.
public struct SourceLines: Sendable {
  /// The text's lines, in order.
  public let lines: [Substring]
  let ruleHeaders: [Int]

  /// The lines of `text`, and where its `[[rule]]` tables start.
  public init(text: String) {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    self.lines = lines
    ruleHeaders = lines.indices.filter {
      lines[$0].trimmingPrefix(while: { $0 == " " || $0 == "\t" }).hasPrefix("[[rule]]")
    }.map { $0 + 1 }
  }

  func ruleHeaderLine(_ index: Int) -> Int {
    index < ruleHeaders.count ? ruleHeaders[index] : 1
  }

  /// The 1-based line where `key =` is set after line `start`, or `start` when not found.
  public func line(ofKey key: String, after start: Int) -> Int {
    for index in max(0, start)..<lines.count {
      let trimmed = lines[index].trimmingPrefix(while: { $0 == " " || $0 == "\t" })
      guard trimmed.hasPrefix(key) else { continue }
      let rest = trimmed.dropFirst(key.count).trimmingPrefix(while: { $0 == " " })
      if rest.hasPrefix("=") { return index + 1 }
    }
    return max(start, 1)
  }

  /// The 1-based line at or after line `start` that contains `text`, or `start` when none does.
  public func line(containing text: String, after start: Int) -> Int {
    for index in max(0, start - 1)..<lines.count where lines[index].contains(text) {
      return index + 1
    }
    return max(start, 1)
  }
}
