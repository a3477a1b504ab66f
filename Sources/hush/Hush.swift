import ArgumentParser
import HushCore

@main
struct Hush: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "hush",
    abstract: "Find secrets before they are committed, and the ones that already were.",
    discussion: "Exit status: 0 nothing found, 1 secrets found, 2 usage or runtime error.",
    version: HushVersion.full,
    subcommands: [
      Scan.self, Staged.self, History.self, PrePush.self, Install.self, Uninstall.self, Doctor.self, Audit.self,
      BaselineSubcommand.self, ConfigCommand.self, Rules.self, AgentHook.self, MCP.self,
    ],
    defaultSubcommand: Scan.self
  )

  /// 0 = clean, 1 = findings, 2 = could not scan (ArgumentParser would use 64).
  static func main() {
    do {
      let arguments = Array(CommandLine.arguments.dropFirst())
      // `hush staged` exactly, as the pre-commit hook runs it: the same entry point as the
      // parsed command, without ArgumentParser's reflection over the options (a third of the
      // hook's work).
      if arguments == [Staged._commandName] { return try finish(StagedCommand().run()) }
      // ArgumentParser answers `help <unknown>` with the root help and status 0: a typo in a
      // script would pass unnoticed.
      if arguments.first == "help", let topic = arguments.dropFirst().first,
        !configuration.subcommands.contains(where: { $0._commandName == topic })
      {
        let hint = Suggestion.closest(to: topic, among: commandNames).map { ": did you mean '\($0)'?" }
        throw ValidationError("unknown command '\(topic)'\(hint ?? " (hush --help lists them)")")
      }
      // `hush histroy` would otherwise scan a path named "histroy" (scan is the default).
      if let first = arguments.first, let message = Suggestion.unknownCommand(first, commands: commandNames) {
        throw ValidationError(message)
      }
      var command = try parseCommand(arguments)
      try command.run()
    } catch let code as ExitCode {
      HushCore.exit(code.rawValue)
    } catch  where exitCode(for: error).isSuccess {
      exit(withError: error)
    } catch let error as HushError {
      Console.error("hush: \(error)")
      HushCore.exit(2)
    } catch let error as UsageError {
      Console.error(fullMessage(for: ValidationError(error.description)))
      HushCore.exit(2)
    } catch {
      // Usage errors: ArgumentParser's message with the usage line, and the option meant.
      Console.error(fullMessage(for: error))
      if let hint = optionHint(for: error) { Console.error(hint) }
      HushCore.exit(2)
    }
  }

  static var commandNames: [String] { configuration.subcommands.map { $0._commandName } + ["help"] }

  /// "did you mean '--format'?" for an option the command does not have.
  private static func optionHint(for error: Error) -> String? {
    let arguments = Array(CommandLine.arguments.dropFirst())
    var command: ParsableCommand.Type = Hush.self
    for argument in arguments {
      guard let sub = command.configuration.subcommands.first(where: { $0._commandName == argument }) else { break }
      command = sub
    }
    if command == Hush.self { command = Scan.self }
    return Suggestion.option(in: message(for: error), help: helpMessage(for: command))
  }

  /// The hooks start Hush on every commit and push, and ArgumentParser's walk over the whole
  /// command tree costs about as much as scanning a typical commit. A leaf subcommand's own
  /// arguments are parsed directly; help, version and anything the direct parse rejects take
  /// the full parser, so that every message stays the one users see from `hush`.
  static func parseCommand(_ arguments: [String]) throws -> ParsableCommand {
    if let name = arguments.first,
      let leaf = configuration.subcommands.first(where: { $0._commandName == name }),
      leaf.configuration.subcommands.isEmpty,
      !arguments.contains(where: asksForMetaOutput),
      let command = try? leaf.parse(Array(arguments.dropFirst()))
    {
      return command
    }
    return try parseAsRoot(arguments)
  }

  private static func asksForMetaOutput(_ argument: String) -> Bool {
    ["help", "-h", "--help", "-help", "--version", "--generate-completion-script", "--experimental-dump-help"]
      .contains(argument)
  }
}

/// Ends the process with a command's status: 0 returns normally, 1 exits with it.
func finish(_ status: ExitStatus) throws {
  if status != .clean { throw ExitCode(status.rawValue) }
}
