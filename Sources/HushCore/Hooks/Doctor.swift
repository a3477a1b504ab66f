/// One check of `hush doctor`: what was looked at, whether it is right, and the fix.
public struct DoctorCheck: Sendable, Equatable {
  let name: String
  let isOK: Bool
  let detail: String
  let fix: String?
}

/// Proves that the pre-commit hook protects the repository: it is there, executable, reaches
/// Hush, and a commit of a canary secret through it is blocked, all in a throw-away
/// repository whose hooks are the user's (never the user's index, work tree or objects).
public struct Doctor: Sendable {
  let installer: HookInstaller

  func run() throws -> [DoctorCheck] {
    var checks = [DoctorCheck(name: "hooks directory", isOK: true, detail: installer.hooksDirectory, fix: nil)]
    let managers = installer.managers(for: [.preCommit])
    if !managers.isEmpty {
      checks.append(contentsOf: managers.map(managerCheck))
      return checks + [try canary(throughHooks: false)]
    }
    let hook = installer.hookPath(.preCommit)
    guard let text = HookInstaller.read(hook) else {
      return checks + [
        DoctorCheck(name: "pre-commit hook", isOK: false, detail: "no hook at \(hook)", fix: "hush install")
      ]
    }
    guard access(hook, X_OK) == 0 else {
      return checks + [
        DoctorCheck(
          name: "pre-commit hook", isOK: false, detail: "\(hook) is not executable: git skips it",
          fix: "chmod +x \(Shell.quoted(hook))")
      ]
    }
    let isOurs = HookScript.isHush(text, .preCommit)
    checks.append(
      DoctorCheck(
        name: "pre-commit hook", isOK: text.contains("hush"),
        detail: isOurs ? "installed by Hush, executable" : "executable, written by someone else",
        fix: text.contains("hush") ? nil : "hush install (keeps this hook and runs it first)"))
    if text.contains("hush") { checks.append(canaryReachesHush(isOurs: isOurs)) }
    return checks + [try canary(throughHooks: true), try cleanCommitPasses()]
  }

  private func managerCheck(_ manager: HookManager) -> DoctorCheck {
    let root = installer.workTree ?? "."
    let configs = [".husky/pre-commit", "lefthook.yml", ".lefthook.yml", "lefthook.yaml", ".pre-commit-config.yaml"]
    let mentions = configs.contains { HookInstaller.read(PathName.join(root, $0))?.contains("hush") == true }
    return DoctorCheck(
      name: "\(manager.name) config", isOK: mentions,
      detail: mentions
        ? "\(manager.name) runs hooks here and its config calls hush"
        : "\(manager.name) runs hooks here and does not call hush",
      fix: mentions ? nil : manager.instructions)
  }

  private func canaryReachesHush(isOurs: Bool) -> DoctorCheck {
    let onPath = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").contains {
      access(String($0) + "/hush", X_OK) == 0
    }
    let baked = access(installer.hushPath, X_OK) == 0
    let reachable = (isOurs && baked) || onPath
    return DoctorCheck(
      name: "hush reachable", isOK: reachable,
      detail: reachable
        ? (onPath ? "hush is on PATH" : installer.hushPath)
        : "the hook cannot find hush: commits would be blocked with an error",
      fix: reachable ? nil : "make install PREFIX=$HOME/.local (and put its bin on PATH), then hush install")
  }

  /// Commits a canary secret in a throw-away repository that uses the user's hooks (or,
  /// under a hook manager, runs `hush staged` there); it must be blocked by Hush.
  private func canary(throughHooks: Bool) throws -> DoctorCheck {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    try sandbox.write("doctor-canary.txt", "STRIPE_KEY=" + Self.canaryKey() + "\n")
    let result = try sandbox.commit(hooks: throughHooks ? installer.hooksDirectory : nil, hushPath: installer.hushPath)
    let blocked = result.status != 0 && result.stderr.contains("stripe-secret-key")
    return DoctorCheck(
      name: "canary", isOK: blocked,
      detail: blocked
        ? "a commit of a canary secret in a throw-away repository was blocked by Hush"
        : "a commit of a canary secret was NOT blocked (exit \(result.status)): \(result.stderr.prefix(300))",
      fix: blocked ? nil : "hush install (or hush install --force under a hook manager), then hush doctor again")
  }

  private func cleanCommitPasses() throws -> DoctorCheck {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    try sandbox.write("readme.txt", "nothing secret here\n")
    let result = try sandbox.commit(hooks: installer.hooksDirectory, hushPath: installer.hushPath)
    return DoctorCheck(
      name: "clean commit", isOK: result.status == 0,
      detail: result.status == 0
        ? "a clean commit passes"
        : "a clean commit is blocked too (exit \(result.status)): \(result.stderr.prefix(300))",
      fix: result.status == 0
        ? nil : "check the hook kept as pre-commit\(HookInstaller.previousSuffix): it fails on its own")
  }

  /// A Stripe-shaped live key, random for every run (never a real one).
  static func canaryKey() -> String {
    let alphabet = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
    return "sk" + "_live_" + String((0..<24).map { _ in alphabet.randomElement() ?? "x" })
  }

  /// A temporary repository, removed after use.
  struct Sandbox {
    let path: String

    init() throws {
      let template = (ProcessInfo.processInfo.environment["TMPDIR"] ?? "/tmp") + "/hush-doctor-XXXXXX"
      var name = Array(template.utf8CString)
      guard name.withUnsafeMutableBufferPointer({ $0.baseAddress.map { mkdtemp($0) } ?? nil }) != nil else {
        throw OutputError.unwritable(template, reason: Posix.lastError)
      }
      path = String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
      _ = try Git(directory: path).output(["init", "-q"])
    }

    func write(_ name: String, _ text: String) throws {
      try AtomicFile.write(Array(text.utf8), to: path + "/" + name, mode: 0o644)
      _ = try Git(directory: path).output(["add", name])
    }

    /// `git commit` with `hooks` as the hooks directory; nil: a directory holding the hook
    /// Hush would install (hook managers' own scripts cannot run outside their repository).
    func commit(hooks: String?, hushPath: String) throws -> (status: Int32, stdout: [UInt8], stderr: String) {
      let directory = path + "/.git/hush-doctor-hooks"
      try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
      if let hooks {
        // Only the pre-commit chain is under test: linked in alone, so that the commit runs
        // none of the directory's other hooks (post-commit, reference-transaction …).
        let absolute = hooks.hasPrefix("/") ? hooks : PathName.join(FileManager.default.currentDirectoryPath, hooks)
        for name in ["pre-commit", "pre-commit" + HookInstaller.previousSuffix] {
          _ = symlink(PathName.join(absolute, name), PathName.join(directory, name))
        }
      } else {
        try AtomicFile.write(
          Array(HookScript.text(.preCommit, hushPath: hushPath).utf8), to: directory + "/pre-commit", mode: 0o755)
      }
      return try Git(directory: path).run([
        "-c", "core.hooksPath=\(directory)", "-c", "user.name=hush doctor", "-c", "user.email=doctor@hush.invalid",
        "-c", "commit.gpgsign=false", "commit", "-q", "-m", "hush doctor canary",
      ])
    }

    func remove() { try? FileManager.default.removeItem(atPath: path) }
  }
}
