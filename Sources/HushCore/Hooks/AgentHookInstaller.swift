/// An AI agent whose own hooks can run Hush.
public enum AgentKind: String, Sendable, CaseIterable {
  /// Claude Code: `.claude/settings.json` `hooks` (PreToolUse, UserPromptSubmit).
  case claude
  /// Cursor: `.cursor/hooks.json` (beforeShellExecution, beforeSubmitPrompt, afterFileEdit).
  case cursor
  /// Kiro: `.kiro/hooks/*.kiro.hook` files (fileEdited and promptSubmit → runCommand).
  case kiro
}

/// Writes an agent's hook configuration so that the agent runs `hush agent-hook NAME`, and
/// takes it out again. A settings file the user already has is merged into, never replaced:
/// its bytes are kept (in the git directory) so that `uninstall` puts them back exactly when
/// nothing changed since; when the user edited it since, only Hush's entries are removed.
public struct AgentHookInstaller: Sendable {
  let root: String
  let stateDirectory: String
  /// The command the agent runs, without the agent's name.
  public let command: String

  /// For the work tree holding `directory`; `hushPath` is named in the hooks unless `hush` on
  /// PATH is the same program (then `hush`, so a shared settings file works for everyone).
  public init(repository directory: String, hushPath: String) throws(GitError) {
    let git = Git(directory: directory)
    guard let tree = git.workTree() else { throw git.repositoryProblem() ?? .notARepository(directory) }
    root = tree.root
    let located = try Git(directory: tree.root).run(["rev-parse", "--git-path", "hush-agent-hooks"])
    let path = String(decoding: located.stdout, as: UTF8.self).trimmingNewlines()
    stateDirectory = path.hasPrefix("/") ? path : PathName.join(tree.root, path)
    command = (Self.onPath("hush") == Self.resolved(hushPath) ? "hush" : Shell.quoted(hushPath)) + " agent-hook"
  }

  /// Installs the agent's hooks; each line says what changed.
  public func install(_ agent: AgentKind) throws -> [String] {
    try locked {
      try files(agent).map { file in try file.install(root: root, state: state(file)) }
    }
  }

  /// Removes what `install` added; each line says what changed.
  public func uninstall(_ agent: AgentKind) throws -> [String] {
    try locked {
      // Last installed first, so that the folders the first one created are empty by then.
      try files(agent).reversed().map { file in try file.uninstall(root: root, state: state(file)) }
    }
  }

  /// The files an agent's hooks live in.
  func files(_ agent: AgentKind) -> [AgentHookFile] {
    let run = command + " " + agent.rawValue
    switch agent {
    case .claude: return [.claudeSettings(run)]
    case .cursor: return [.cursorHooks(run)]
    case .kiro: return [.kiroFileHook(run), .kiroPromptHook(run)]
    }
  }

  private func state(_ file: AgentHookFile) -> String {
    PathName.join(stateDirectory, file.path.replacing("/", with: "%"))
  }

  /// Runs `body` holding an exclusive lock on the state directory (one install at a time).
  private func locked<T>(_ body: () throws -> T) throws -> T {
    try FileManager.default.createDirectory(atPath: stateDirectory, withIntermediateDirectories: true)
    let fd = open(stateDirectory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard fd >= 0 else { throw OutputError.unwritable(stateDirectory, reason: Posix.lastError) }
    defer { close(fd) }
    while flock(fd, LOCK_EX) != 0 {
      guard errno == EINTR else { throw OutputError.unwritable(stateDirectory, reason: Posix.lastError) }
    }
    return try body()
  }

  private static func onPath(_ name: String) -> String? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
    for folder in path.split(separator: ":") {
      let candidate = PathName.join(String(folder), name)
      if access(candidate, X_OK) == 0 { return resolved(candidate) }
    }
    return nil
  }

  private static func resolved(_ path: String) -> String? {
    guard let resolved = realpath(path, nil) else { return nil }
    defer { free(resolved) }
    return String(cString: resolved)
  }
}

/// One file of an agent's hook configuration: how Hush's entries are merged into it, found
/// in it and taken out of it.
struct AgentHookFile: Sendable {
  let path: String
  /// The JSON Hush adds to an existing object (or writes as the whole file).
  let add: @Sendable ([String: Any]) -> [String: Any]
  /// The object without Hush's entries.
  let remove: @Sendable ([String: Any]) -> [String: Any]
  /// Whether Hush's entries are in it.
  let contains: @Sendable ([String: Any]) -> Bool

  /// Merges Hush's entries, keeping the previous bytes in `state` for a byte-exact uninstall.
  func install(root: String, state: String) throws -> String {
    let file = PathName.join(root, path)
    let existing = FileManager.default.contents(atPath: file).map { [UInt8]($0) }
    let object = try existing.map { try Self.object($0, path: path) } ?? [:]
    if contains(object) { return "\(path): Hush's hooks are already there" }
    let bytes = try Self.serialize(add(object))
    // The folders install creates, deepest first, for uninstall to take away again.
    var created: [String] = []
    var folder = PathName.parent(of: file)
    while folder.count > root.count, !FileManager.default.fileExists(atPath: folder) {
      created.append(folder)
      folder = PathName.parent(of: folder)
    }
    try FileManager.default.createDirectory(
      atPath: PathName.parent(of: file), withIntermediateDirectories: true)
    if !created.isEmpty {
      try AtomicFile.write(Array(created.joined(separator: "\n").utf8), to: state + ".dirs", mode: 0o600)
    }
    try AtomicFile.write(existing ?? [], to: state + ".previous", mode: 0o600)
    if existing == nil { try AtomicFile.write([], to: state + ".absent", mode: 0o600) }
    try AtomicFile.write(bytes, to: state + ".installed", mode: 0o600)
    try AtomicFile.write(bytes, to: file, mode: Self.mode(of: file) ?? 0o644)
    return existing == nil ? "\(path): written" : "\(path): Hush's hooks merged in (your other settings kept)"
  }

  /// Puts the previous bytes back when the file is as Hush left it, else removes only Hush's
  /// entries.
  func uninstall(root: String, state: String) throws -> String {
    let file = PathName.join(root, path)
    defer { for suffix in [".previous", ".absent", ".installed", ".dirs"] { unlink(state + suffix) } }
    guard let current = FileManager.default.contents(atPath: file).map({ [UInt8]($0) }) else {
      return "\(path): not there; nothing to remove"
    }
    let installed = FileManager.default.contents(atPath: state + ".installed").map { [UInt8]($0) }
    if installed == current, let previous = FileManager.default.contents(atPath: state + ".previous") {
      if FileManager.default.fileExists(atPath: state + ".absent") {
        unlink(file)
        // rmdir takes only an empty folder: one the user filled since stays.
        let created = FileManager.default.contents(atPath: state + ".dirs").map { String(decoding: $0, as: UTF8.self) }
        for folder in created?.split(separator: "\n") ?? [] { rmdir(String(folder)) }
        return "\(path): removed"
      }
      try AtomicFile.write([UInt8](previous), to: file, mode: Self.mode(of: file) ?? 0o644)
      return "\(path): restored byte for byte"
    }
    let object = try Self.object(current, path: path)
    guard contains(object) else { return "\(path): holds no Hush hook; left alone" }
    let remaining = remove(object)
    if remaining.isEmpty {
      unlink(file)
      return "\(path): removed (it held only Hush's hooks)"
    }
    try AtomicFile.write(try Self.serialize(remaining), to: file, mode: Self.mode(of: file) ?? 0o644)
    return "\(path): Hush's hooks removed (the file changed since install, so the rest is rewritten as JSON)"
  }

  static func object(_ bytes: [UInt8], path: String) throws -> [String: Any] {
    if bytes.allSatisfy({ $0 == 32 || $0 == 10 || $0 == 13 || $0 == 9 }) { return [:] }
    guard let object = JSONTree.object(bytes) else {
      throw AgentHookError.unreadable(path)
    }
    return object
  }

  static func serialize(_ object: [String: Any]) throws -> [UInt8] {
    Array(JSONWriter.serialize(object, pretty: true).utf8) + [10]
  }

  static func mode(of path: String) -> mode_t? {
    var info = stat()
    return stat(path, &info) == 0 ? info.st_mode & 0o7777 : nil
  }
}

/// A hook configuration Hush will not rewrite.
public enum AgentHookError: HushError, Equatable {
  case unreadable(String)

  /// The message, naming the file and what to do.
  public var description: String {
    switch self {
    case .unreadable(let path):
      "\(path): not a JSON object (comments?), so Hush will not rewrite it: add the hooks by hand as the README's \"AI agents\" section shows, or fix the file and run this again"
    }
  }
}
