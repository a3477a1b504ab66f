/// Runs a rule's examples and counter-examples through the whole detector (prefilter, regex,
/// entropy, placeholder, validator), with the prefilter on and off.
public enum RuleChecker {
  /// Problems with `rule`; empty when it passes.
  public static func problems(with rule: Rule) -> [String] {
    let catalog = RuleCatalog(rules: [rule])
    let filtered = Detector(catalog: catalog)
    let unfiltered = Detector(catalog: catalog, options: DetectorOptions(usePrefilter: false))
    do {
      try filtered.compileAll()
    } catch {
      return ["\(rule.location): \(error)"]
    }
    var problems: [String] = []
    // A rule scoped to some files (`paths`) is checked as if in the first of them.
    let path = samplePath(for: rule)
    for (index, example) in rule.examples.enumerated() {
      let label = "\(rule.location): \(rule.id): example \(index + 1)"
      do {
        let found = try filtered.scan(Array(example.utf8), path: path)
        let foundWithout = try unfiltered.scan(Array(example.utf8), path: path)
        if foundWithout.isEmpty {
          problems.append("\(label) does not match")
        } else if found.isEmpty {
          problems.append("\(label) matches only without the prefilter: its match holds none of the keywords")
        }
      } catch {
        problems.append("\(label): \(error)")
      }
    }
    for (index, example) in rule.counterExamples.enumerated() {
      let label = "\(rule.location): \(rule.id): counter-example \(index + 1)"
      do {
        if !(try unfiltered.scan(Array(example.utf8), path: path)).isEmpty {
          problems.append("\(label) is reported as a secret")
        }
      } catch {
        problems.append("\(label): \(error)")
      }
    }
    return problems
  }

  /// A path the rule applies to: its first `paths` glob with each `*` made a plain name.
  public static func samplePath(for rule: Rule) -> String {
    guard let glob = rule.paths.first else { return "-" }
    return glob.replacingOccurrences(of: "*", with: "dir")
  }
}
