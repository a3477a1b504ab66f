import ArgumentParser
import Foundation
import HushCore

struct Install: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "install",
    abstract: "Install the pre-commit hook (and with --pre-push the pre-push hook).",
    discussion: """
      Finds the hooks directory as git does (core.hooksPath, worktrees). An existing hook is \
      never overwritten: it is kept beside Hush's (as <hook>.hush-previous, bytes and mode \
      unchanged), runs first with the same arguments and input, and its failure still stops \
      the commit. When Husky, lefthook, the pre-commit framework or a core.hooksPath kept in \
      the repository owns the hooks, Hush prints the line to add to their config instead \
      (exit 1), unless --force. Running install again changes nothing.
      """)

  @Flag(help: "Also install the pre-push hook.")
  var prePush = false

  @Flag(help: "Show the change as a diff and write nothing.")
  var dryRun = false

  @Flag(help: "Install into the hooks directory even when a hook manager owns it.")
  var force = false

  func run() throws {
    let kinds: [HookKind] = prePush ? [.preCommit, .prePush] : [.preCommit]
    let installer = try HookInstaller(repository: ".", hushPath: HushBinary.path)
    let managers = installer.managers(for: kinds)
    if !managers.isEmpty && !force {
      for manager in managers { Terminal.output(manager.instructions + "\n") }
      Terminal.error(
        "hush: hooks here are managed by \(managers.map(\.name).joined(separator: ", ")): add Hush to its config as shown (or install anyway with --force)"
      )
      throw ExitCode(1)
    }
    if dryRun {
      Terminal.output(HookReport.diff(try installer.installPlan(kinds)))
      return
    }
    let plan = try installer.install(kinds)
    for line in HookReport.lines(plan) { Terminal.error("hush: \(line)") }
    if plan.contains(where: HookReport.isConflict) { throw ExitCode(1) }
  }
}

struct Uninstall: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "uninstall",
    abstract: "Remove Hush's hooks and put back the hooks that were there before.")

  func run() throws {
    let installer = try HookInstaller(repository: ".", hushPath: HushBinary.path)
    let plan = try installer.uninstall(HookKind.allCases)
    let lines = HookReport.lines(plan)
    for line in lines.isEmpty ? ["no Hush hook installed in \(installer.hooksDirectory)"] : lines {
      Terminal.error("hush: \(line)")
    }
  }
}

/// Human-readable accounts of hook changes.
enum HookReport {
  static func lines(_ plan: [HookChange]) -> [String] {
    plan.map { change in
      switch change {
      case .write(let path, _, let previous): previous == nil ? "installed \(path)" : "updated \(path)"
      case .keepPrevious(let from, let to): "kept the existing \(from) as \(to); it runs first, then Hush"
      case .restore(let from, let to): "removed Hush's hook and put back \(to) (from \(from))"
      case .remove(let path): "removed \(path)"
      case .unchanged(let path, let reason): "\(path): \(reason)"
      }
    }
  }

  static func isConflict(_ change: HookChange) -> Bool {
    if case .unchanged(_, let reason) = change { return reason != "already installed" }
    return false
  }

  /// The plan as a unified diff of whole files.
  static func diff(_ plan: [HookChange]) -> String {
    plan.map { change in
      switch change {
      case .write(let path, let content, let previous):
        let old = previous.map { lines($0, "-") } ?? ""
        return "--- \(previous == nil ? "/dev/null" : path)\n+++ \(path)\n\(old)\(lines(content, "+"))"
      case .keepPrevious(let from, let to), .restore(let from, let to): return "rename from \(from)\nrename to \(to)\n"
      case .remove(let path): return "deleted file \(path)\n"
      case .unchanged(let path, let reason): return "# \(path): \(reason)\n"
      }
    }.joined()
  }

  private static func lines(_ text: String, _ sign: String) -> String {
    text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map { sign + $0 + "\n" }.joined()
  }
}

/// This executable's absolute path, which hooks try before PATH.
enum HushBinary {
  static var path: String {
    if let resolved = realpath("/proc/self/exe", nil) {
      defer { free(resolved) }
      return String(cString: resolved)
    }
    return CommandLine.arguments.first ?? "hush"
  }
}

struct Doctor: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "doctor",
    abstract: "Check that the pre-commit hook really protects this repository.",
    discussion: """
      Finds the hooks directory, checks the hook is installed, executable and reaches hush, \
      then commits a canary secret in a throw-away repository that uses your hooks and shows \
      that the commit is blocked (and that a clean commit passes). Your index, work tree and \
      objects are never touched. Exit 1 when something is wrong, with the fix.
      """)

  func run() throws {
    let installer = try HookInstaller(repository: ".", hushPath: HushBinary.path)
    let checks = try HushCore.Doctor(installer: installer).run()
    for check in checks {
      Terminal.output("\(check.isOK ? "ok" : "PROBLEM") \(check.name): \(check.detail)\n")
      if let fix = check.fix { Terminal.output("   fix: \(fix.replacingOccurrences(of: "\n", with: "\n   "))\n") }
    }
    if checks.contains(where: { !$0.isOK }) { throw ExitCode(1) }
    Terminal.error("hush: the pre-commit hook blocks secrets here")
  }
}
