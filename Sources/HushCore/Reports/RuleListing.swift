/// `hush rules list --format json`: one object per rule, without its examples.
public enum RuleListing {
  static func json(_ rules: [Rule]) -> String {
    let q = JSONWriter.quoted
    let objects = rules.map { rule in
      JSONWriter.object(
        [
          ("id", q(rule.id)),
          ("description", q(rule.description)),
          ("provider", q(rule.provider)),
          ("severity", q(rule.severity.rawValue)),
          ("keywords", "[" + rule.keywords.map(q).joined(separator: ", ") + "]"),
          ("reference", rule.reference.map(q) ?? "null"),
          ("location", q(rule.location)),
        ], indent: "  ")
    }
    return JSONWriter.array(objects) + "\n"
  }
}
