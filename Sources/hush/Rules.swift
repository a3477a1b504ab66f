import ArgumentParser
import HushCore

struct Rules: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "rules",
    abstract: "List the rules, or check every rule against its examples.",
    subcommands: [List.self, Check.self])

  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "list", abstract: "List the rules Hush runs.")

    enum Format: String, ExpressibleByArgument { case text, json }

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    func run() throws {
      let rules = RuleCatalog.bundled.rules
      switch format {
      case .text:
        let width = rules.map(\.id.count).max() ?? 0
        for rule in rules {
          let id = rule.id.padding(toLength: width, withPad: " ", startingAt: 0)
          let severity = rule.severity.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0)
          Terminal.output("\(id)  \(severity)  \(rule.description)\n")
        }
      case .json:
        Terminal.output(RuleListing.json(rules))
      }
    }
  }

  struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "check",
      abstract: "Run every rule's examples (must be found) and counter-examples (must not).")

    func run() throws {
      let rules = RuleCatalog.bundled.rules
      let problems = rules.flatMap(RuleChecker.problems(with:))
      for problem in problems { Terminal.error(problem) }
      let examples = rules.reduce(0) { $0 + $1.examples.count + $1.counterExamples.count }
      Terminal.error("hush: \(rules.count) rules, \(examples) examples, \(problems.count) problems")
      if !problems.isEmpty { throw ExitCode(1) }
    }
  }
}
