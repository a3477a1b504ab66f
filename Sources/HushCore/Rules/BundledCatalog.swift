@_exported import HushRules

extension RuleCatalog {
  /// The catalog compiled into the binary from `patterns/` (validated at build time), with
  /// the keyword table catalog-embed built for it (built here only if that text were damaged).
  public static let bundled = RuleCatalog(
    rules: embeddedRules,
    keywordTable: KeywordTable(serialized: embeddedKeywordTable, ruleCount: embeddedRules.count)
      ?? KeywordTable(rules: embeddedRules))
}
