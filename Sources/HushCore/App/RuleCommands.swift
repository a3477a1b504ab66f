/// `hush rules list`: the rules Hush runs.
public struct RulesListCommand: Sendable {
  /// `text` (aligned columns) or `json`.
  public enum Format: String, Sendable, CaseIterable { case text, json }
  var format: Format

  /// The command in `format`.
  public init(format: Format) { self.format = format }

  /// Prints the built-in rules.
  public func run() -> ExitStatus {
    let rules = RuleCatalog.bundled.rules
    switch format {
    case .text:
      let width = rules.map(\.id.count).max() ?? 0
      for rule in rules {
        let id = rule.id.padded(to: width)
        let severity = rule.severity.rawValue.padded(to: 8)
        Console.output("\(id)  \(severity)  \(rule.description)\n")
      }
    case .json:
      Console.output(RuleListing.json(rules))
    }
    return .clean
  }
}

/// `hush rules check`: every rule's examples must match and its counter-examples must not.
public struct RulesCheckCommand: Sendable {
  var files: [String]

  /// The command for rule files (none: the built-in catalog).
  public init(files: [String]) { self.files = files }

  /// Checks the rules and says whether any has a problem.
  public func run() throws -> ExitStatus {
    let rules = try files.isEmpty ? RuleCatalog.bundled.rules : RuleFiles.load(files)
    // The built-in catalog marks every example's secret (the build enforces it); users' rule
    // files may leave them unmarked.
    let problems = rules.flatMap { RuleChecker.problems(with: $0, requireMarkedSecrets: files.isEmpty) }
    for problem in problems { Console.error(problem) }
    let examples = rules.reduce(0) { $0 + $1.examples.count + $1.counterExamples.count }
    Console.error("hush: \(rules.count) rules, \(examples) examples, \(problems.count) problems")
    return problems.isEmpty ? .clean : .findings
  }
}

/// Rule files named on the command line, parsed like the built-in catalog.
enum RuleFiles {
  static func load(_ paths: [String]) throws -> [Rule] {
    var texts: [(name: String, text: String)] = []
    for path in paths {
      guard let data = FileManager.default.contents(atPath: path) else {
        throw InputError.noSuchPath(path)
      }
      texts.append((path, String(decoding: data, as: UTF8.self)))
    }
    let rules = try RuleCatalog.parse(files: texts).rules
    let builtIn = Set(RuleCatalog.bundled.rules.map(\.id))
    if let clash = rules.first(where: { builtIn.contains($0.id) }) {
      let (file, line) = clash.sourceLocation
      throw RuleError.duplicateID(clash.id, file: file, line: line, firstSeen: "in the built-in catalog")
    }
    return rules
  }
}
