@_exported import HushRules

extension RuleCatalog {
  /// The catalog compiled into the binary from `patterns/` (validated at build time).
  public static let bundled = RuleCatalog(rules: embeddedRules)
}
