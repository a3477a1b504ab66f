@_exported import HushRules

extension RuleCatalog {
  /// The catalog compiled into the binary from `patterns/` (validated at build time), with
  /// the keyword table catalog-embed built for it (built here only if its parts were damaged).
  public static let bundled = RuleCatalog(
    rules: embeddedRules,
    keywordTable: embeddedKeywordTable ?? KeywordTable(rules: embeddedRules))
}
