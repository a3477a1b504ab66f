import ArgumentParser
import Foundation
import HushCore

@main
struct Hush: ParsableCommand {
  static let version = "0.1.0"

  static let configuration = CommandConfiguration(
    commandName: "hush",
    abstract: "Find secrets before they are committed, and the ones that already were.",
    discussion: "Exit status: 0 nothing found, 1 secrets found, 2 usage or runtime error.",
    version: version,
    subcommands: [
      Scan.self, Staged.self, History.self, PrePush.self, Install.self, Uninstall.self, Doctor.self, Audit.self,
      BaselineCommand.self, ConfigCommand.self, Rules.self,
    ],
    defaultSubcommand: Scan.self
  )

  /// 0 = clean, 1 = findings, 2 = could not scan (ArgumentParser would use 64).
  static func main() {
    do {
      let arguments = Array(CommandLine.arguments.dropFirst())
      if let run = parserFreeRun(arguments) { return try run() }
      var command = try parseCommand(arguments)
      try command.run()
    } catch let code as ExitCode {
      Foundation.exit(code.rawValue)
    } catch  where exitCode(for: error).isSuccess {
      exit(withError: error)
    } catch let error as HushError {
      Terminal.error("hush: \(error)")
      Foundation.exit(2)
    } catch {
      // Usage errors: ArgumentParser's message with the usage line.
      Terminal.error(fullMessage(for: error))
      Foundation.exit(2)
    }
  }

  /// `hush staged` exactly, as the pre-commit hook runs it, with every option at its default:
  /// ArgumentParser's reflection over the options would be a third of the hook's work.
  static func parserFreeRun(_ arguments: [String]) -> (() throws -> Void)? {
    guard arguments == [Staged._commandName] else { return nil }
    return { try Staged.run(report: ReportSettings(), input: ScannerSetup()) }
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

/// Diagnostics go to stderr, always.
enum Terminal {
  static func error(_ message: String) {
    write(message + "\n", to: FileHandle.standardError)
  }

  static func output(_ text: String) {
    write(text, to: FileHandle.standardOutput)
  }

  /// Git's pipes ignore SIGPIPE while they run; a reader of our output that went away
  /// (`hush history | head`) must end Hush quietly, as it ends any Unix tool, not trap.
  private static func write(_ text: String, to handle: FileHandle) {
    signal(SIGPIPE, SIG_DFL)
    try? handle.write(contentsOf: Data(text.utf8))
  }

  /// Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org).
  static var wantsColor: Bool {
    let noColor = ProcessInfo.processInfo.environment["NO_COLOR"].map { !$0.isEmpty } ?? false
    return !noColor && isatty(STDOUT_FILENO) == 1
  }
}
