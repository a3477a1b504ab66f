/// Checks that a rule's keywords cover every match of its regex (`KeywordCoverage`), runs its
/// examples and counter-examples through the whole detector (prefilter, regex, entropy,
/// placeholder, validator) with the prefilter on and off, and checks that the rule reports
/// exactly the secrets each example marks with `⟦…⟧`.
public enum RuleChecker {
  /// Problems with `rule`; empty when it passes. An example that marks no secret is only
  /// checked for a match: users' rules may predate the markers (the built-in catalog cannot
  /// have one, `catalog-embed` refuses it).
  public static func problems(with rule: Rule) -> [String] {
    problems(with: rule, requireMarkedSecrets: false)
  }

  /// Problems with `rule`; with `requireMarkedSecrets`, an example that marks no secret is one.
  public static func problems(with rule: Rule, requireMarkedSecrets: Bool) -> [String] {
    let catalog = RuleCatalog(rules: [rule])
    let filtered = Detector(catalog: catalog)
    let unfiltered = Detector(catalog: catalog, options: DetectorOptions(usePrefilter: false))
    do {
      try filtered.compileAll()
    } catch {
      return ["\(rule.location): \(error)"]
    }
    // Examples show that the prefilter passes them; the analysis shows it passes every match.
    var problems = KeywordCoverage.problems(with: rule)
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
        } else if let problem = spanProblem(
          reported: foundWithout.map(\.secretRange), marked: marked(rule, index),
          isRequired: requireMarkedSecrets)
        {
          problems.append("\(label) \(problem)")
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

  private static func marked(_ rule: Rule, _ index: Int) -> [Range<Int>] {
    index < rule.exampleSecrets.count ? rule.exampleSecrets[index] : []
  }

  /// How the secrets the rule reports differ from the marked ones, as byte ranges of the
  /// example (never the secret itself); nil when they are the same.
  static func spanProblem(reported: [Range<Int>], marked: [Range<Int>], isRequired: Bool) -> String? {
    if marked.isEmpty {
      return isRequired ? "marks no secret: put ⟦ ⟧ around the secret the rule must report" : nil
    }
    let reported = reported.sorted { $0.lowerBound < $1.lowerBound }
    guard reported != marked else { return nil }
    let describe = { (ranges: [Range<Int>]) in
      ranges.map { "bytes \($0.lowerBound)..<\($0.upperBound)" }.joined(separator: ", ")
    }
    return "reports \(describe(reported)) but marks \(describe(marked))"
  }

  /// A path the rule applies to: its first `paths` glob with each `*` made a plain name.
  public static func samplePath(for rule: Rule) -> String {
    guard let glob = rule.paths.first else { return "-" }
    return glob.replacing("*", with: "dir")
  }
}
