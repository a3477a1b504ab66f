/// `hush install`: wires the hooks without losing any.
public struct InstallCommand: Sendable {
  var prePush: Bool
  var dryRun: Bool
  var force: Bool
  var agent: String?

  /// The command with its flags; `agent` installs that agent's hooks instead of git's.
  public init(prePush: Bool, dryRun: Bool, force: Bool, agent: String? = nil) {
    self.prePush = prePush
    self.dryRun = dryRun
    self.force = force
    self.agent = agent
  }

  /// Installs (or shows the diff) and says whether something stood in the way.
  public func run() throws -> ExitStatus {
    if let agent {
      if dryRun || prePush { throw UsageError("--agent takes neither --dry-run nor --pre-push") }
      let installer = try AgentHookInstaller(repository: ".", hushPath: Platform.executablePath)
      for line in try installer.install(try AgentHooks.kind(agent)) { Console.error("hush: \(line)") }
      return .clean
    }
    let kinds: [HookKind] = prePush ? [.preCommit, .prePush] : [.preCommit]
    let installer = try HookInstaller(repository: ".", hushPath: Platform.executablePath)
    let managers = installer.managers(for: kinds)
    if !managers.isEmpty && !force {
      for manager in managers { Console.output(manager.instructions + "\n") }
      Console.error(
        "hush: hooks here are managed by \(managers.map(\.name).joined(separator: ", ")): add Hush to its config as shown (or install anyway with --force)"
      )
      return .findings
    }
    if dryRun {
      Console.output(HookReport.diff(try installer.installPlan(kinds)))
      return .clean
    }
    let plan = try installer.install(kinds)
    for line in HookReport.lines(plan) { Console.error("hush: \(line)") }
    return plan.contains(where: HookReport.isConflict) ? .findings : .clean
  }
}

/// `hush uninstall`: removes Hush's hooks and puts back what was there.
public struct UninstallCommand: Sendable {
  var agent: String?

  /// The command; `agent` removes that agent's hooks instead of git's.
  public init(agent: String? = nil) { self.agent = agent }

  /// Uninstalls every kind of hook Hush installs.
  public func run() throws -> ExitStatus {
    if let agent {
      let installer = try AgentHookInstaller(repository: ".", hushPath: Platform.executablePath)
      for line in try installer.uninstall(try AgentHooks.kind(agent)) { Console.error("hush: \(line)") }
      return .clean
    }
    let installer = try HookInstaller(repository: ".", hushPath: Platform.executablePath)
    let plan = try installer.uninstall(HookKind.allCases)
    let lines = HookReport.lines(plan)
    for line in lines.isEmpty ? ["no Hush hook installed in \(installer.hooksDirectory)"] : lines {
      Console.error("hush: \(line)")
    }
    return .clean
  }
}

/// `hush doctor`: does the pre-commit hook really block a secret here?
public struct DoctorCommand: Sendable {
  /// The command (it takes no options).
  public init() {}

  /// Runs the checks and prints each with its fix.
  public func run() throws -> ExitStatus {
    let installer = try HookInstaller(repository: ".", hushPath: Platform.executablePath)
    let checks = try Doctor(installer: installer).run()
    for check in checks {
      Console.output("\(check.isOK ? "ok" : "PROBLEM") \(check.name): \(check.detail)\n")
      if let fix = check.fix { Console.output("   fix: \(fix.replacing( "\n", with: "\n   "))\n") }
    }
    if checks.contains(where: { !$0.isOK }) { return .findings }
    Console.error("hush: the pre-commit hook blocks secrets here")
    return .clean
  }
}

/// The agents `--agent` names.
enum AgentHooks {
  static func kind(_ name: String) throws -> AgentKind {
    guard let kind = AgentKind(rawValue: name) else {
      throw UsageError("unknown agent '\(name)': one of \(AgentKind.allCases.map(\.rawValue).joined(separator: ", "))")
    }
    return kind
  }
}
