import ArgumentParser
import Foundation
import HushCore

struct ConfigCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "config", abstract: "Check or create a .hush.toml.", subcommands: [Check.self, Init.self])

  struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "check",
      abstract: "Validate a config: keys, types, regexes, rule ids, and the examples of the rules it adds.")

    @Argument(help: "The config file (default: $HUSH_CONFIG, else .hush.toml at the repository root).")
    var file: String?

    func run() throws {
      let config = try ScannerSetup(config: file).loadConfig(near: ".")
      guard !config.file.isEmpty else {
        Terminal.error("hush: no config found (.hush.toml at the repository root, or $HUSH_CONFIG): the defaults apply")
        return
      }
      let catalog = try config.catalog(base: RuleCatalog.bundled)
      _ = try Allowlists(config: config)
      try Detector(catalog: RuleCatalog(rules: config.addedRules)).compileAll()
      let problems = config.addedRules.flatMap(RuleChecker.problems(with:))
      for problem in problems { Terminal.error(problem) }
      Terminal.error(
        "hush: \(config.file): \(catalog.rules.count) rules to run (\(config.addedRules.count) added, \(config.disabledRules.count) disabled), \(problems.count) problems"
      )
      if !problems.isEmpty { throw ExitCode(1) }
    }
  }

  struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "init",
      abstract: "Write a commented starter .hush.toml at the repository root (never over an existing one).")

    @Argument(help: "Where to write it (default: .hush.toml at the repository root).")
    var file: String?

    func run() throws {
      let root = Git(directory: ".").workTree()?.root ?? "."
      let target = file ?? PathName.join(root, ConfigLocator.fileName)
      try AtomicFile.create(Array(StarterConfig.text.utf8), at: target, mode: 0o644)
      Terminal.error("hush: wrote \(target); hush config check validates it")
    }
  }
}
