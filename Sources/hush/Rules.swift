import ArgumentParser
import Foundation
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
      abstract: "Run every rule's examples (must be found) and counter-examples (must not).",
      discussion: """
        With FILE arguments, checks the [[rule]] tables of those files (rule files or a \
        .hush.toml) instead of the built-in catalog; their ids must not clash with it.
        """)

    @Argument(help: "Rule files to check instead of the built-in catalog.")
    var files: [String] = []

    func run() throws {
      let rules = try files.isEmpty ? RuleCatalog.bundled.rules : RuleFiles.load(files)
      let problems = rules.flatMap(RuleChecker.problems(with:))
      for problem in problems { Terminal.error(problem) }
      let examples = rules.reduce(0) { $0 + $1.examples.count + $1.counterExamples.count }
      Terminal.error("hush: \(rules.count) rules, \(examples) examples, \(problems.count) problems")
      if !problems.isEmpty { throw ExitCode(1) }
    }
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
