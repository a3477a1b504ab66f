/// What went wrong running git.
public enum GitError: HushError, Equatable {
  case notInstalled
  case failed(command: String, status: Int32, message: String)
  case notARepository(String)
  case corruptObject(String, message: String)
  case nothingRead(files: Int)

  /// The message: the git command and what git said.
  public var description: String {
    switch self {
    case .notInstalled:
      "git was not found on PATH: install git, or scan with --all-files outside a repository"
    case .failed(let command, let status, let message):
      "git \(command) failed (exit \(status)): \(message)"
    case .notARepository(let directory):
      "\(directory): not a git repository (or any of its parents)"
    case .nothingRead(let files):
      "\(files) staged file\(files == 1 ? "" : "s") with added lines, but nothing could be read from the index: refusing to pass a scan that saw nothing"
    case .corruptObject(let object, let message):
      "git object \(object) cannot be read (corrupt or missing)\(message.isEmpty ? "" : ": " + message)"
    }
  }
}

/// The only door to git: runs its plumbing commands in one directory.
public struct Git: Sendable {
  let directory: String

  /// The work tree that holds `directory`: its root and `directory`'s path under it (empty
  /// or ending in `/`). Nil outside a work tree. Found as git finds it, by the nearest
  /// ancestor holding `.git` (a directory, or a file in worktrees and submodules), without
  /// starting a process: this runs on every scan, including one-file pre-commit scans.
  public func workTree() -> (root: String, prefix: String)? {
    guard let resolved = realpath(directory, nil) else { return nil }
    defer { free(resolved) }
    var current = String(cString: resolved)
    var prefix: [Substring] = []
    while true {
      if FileKind(current + "/.git") != nil {
        let path = prefix.reversed().joined(separator: "/")
        return (current, path.isEmpty ? "" : path + "/")
      }
      guard current != "/", let slash = current.lastIndex(of: "/") else { return nil }
      prefix.append(current[current.index(after: slash)...])
      current = slash == current.startIndex ? "/" : String(current[..<slash])
    }
  }

  /// Files git would consider under `directory`: tracked plus untracked-but-not-ignored,
  /// relative to `directory`, each once; and git's warnings (directories it could not read),
  /// one per line.
  public func listFiles() throws -> (files: [String], warnings: [String]) {
    let output = try run(["ls-files", "-z", "--cached", "--others", "--exclude-standard", "--deduplicate"])
    guard output.status == 0 else {
      throw GitError.failed(command: "ls-files", status: output.status, message: output.stderr)
    }
    let warnings = output.stderr.split(separator: "\n").map { "git: " + Printable.text(String($0)) }
    return (output.stdout.split(separator: 0).map { PathBytes.decode($0) }, warnings)
  }

  /// Whether the repository is a shallow clone. Throws when `directory` is not in a
  /// repository (bare repositories count).
  public func isShallow() throws(GitError) -> Bool {
    let result = try run(["rev-parse", "--is-shallow-repository"])
    guard result.status == 0 else { throw refusal(result.stderr) }
    return String(decoding: result.stdout, as: UTF8.self).hasPrefix("true")
  }

  /// Why git refuses to work in `directory`, in git's words when it says more than "not a
  /// repository" (a repository owned by another user, a broken config); nil when it works.
  public func repositoryProblem() -> GitError? {
    guard let result = try? run(["rev-parse", "--git-dir"]) else { return nil }
    return result.status == 0 ? nil : refusal(result.stderr)
  }

  private func refusal(_ message: String) -> GitError {
    message.contains("not a git repository") || message.isEmpty
      ? .notARepository(directory) : .failed(command: "rev-parse", status: 128, message: message)
  }

  /// Whether `id` names a commit in this repository.
  public func hasCommit(_ id: String) -> Bool {
    (try? run(["cat-file", "-e", id + "^{commit}"]).status) == 0
  }

  /// HEAD's files: path to blob id. Empty when HEAD has no commit yet.
  public func headTree() throws(GitError) -> [String: String] {
    let result = try run(["ls-tree", "-r", "-z", "--full-tree", "HEAD"])
    guard result.status == 0 else { return [:] }
    var tree: [String: String] = [:]
    // `mode type id TAB path NUL`
    for entry in result.stdout.split(separator: 0) {
      guard let tab = entry.firstIndex(of: 9) else { continue }
      let fields = entry[..<tab].split(separator: UInt8(ascii: " "))
      guard fields.count == 3 else { continue }
      tree[PathBytes.decode(entry[(tab + 1)...])] = String(decoding: fields[2], as: UTF8.self)
    }
    return tree
  }

  /// The first root commit of HEAD's first-parent chain: the one commit id that stays the
  /// same for a repository as long as its history is not rewritten. Nil without a commit.
  /// Remembered in the git directory between runs (`RootCommitLookup`).
  public func firstRootCommit() -> String? {
    RootCommitLookup(git: self).firstRoot()
  }

  /// The git directory of the work tree holding `directory`: its `.git` directory, or where a
  /// `.git` file (a linked worktree, a submodule) points. Nil when there is none.
  func gitDirectory() -> String? {
    guard let root = workTree()?.root else { return nil }
    let dotGit = PathName.join(root, ".git")
    if FileKind(dotGit) == .directory { return dotGit }
    guard let data = FileManager.default.contents(atPath: dotGit), data.count < 4096 else { return nil }
    let text = String(decoding: data, as: UTF8.self).trimmingWhitespace()
    guard text.hasPrefix("gitdir: ") else { return nil }
    let path = String(text.dropFirst(8))
    let resolved = path.hasPrefix("/") ? path : PathName.join(root, path)
    return FileKind(resolved) == .directory ? resolved : nil
  }

  /// Runs `git <arguments>` in the directory, feeding `input` on stdin. A non-zero exit is
  /// returned, not thrown: for several git commands it is an answer.
  func run(_ arguments: [String], input: [UInt8]? = nil) throws(GitError)
    -> (status: Int32, stdout: [UInt8], stderr: String)
  {
    let child = try spawn(arguments, feedsStandardInput: input != nil)
    if let input { child.feed(input) }
    let (stdout, stderr) = child.readToEnd()
    let status = child.wait()
    let message = String(decoding: stderr, as: UTF8.self).trimmingWhitespace()
    return (status, stdout, message)
  }

  /// Runs `git <arguments>` and returns its stdout, or throws with its stderr.
  func output(_ arguments: [String], input: [UInt8]? = nil) throws(GitError) -> [UInt8] {
    let result = try run(arguments, input: input)
    guard result.status == 0 else {
      throw .failed(command: arguments.prefix(2).joined(separator: " "), status: result.status, message: result.stderr)
    }
    return result.stdout
  }

  /// Starts `git <arguments>` in the directory.
  func spawn(_ arguments: [String], feedsStandardInput: Bool = false) throws(GitError) -> ChildProcess {
    try ChildProcess.spawn(
      "git", arguments: ["-C", directory] + Git.protectiveOptions + arguments, environment: Git.environment,
      feedsStandardInput: feedsStandardInput)
  }

  /// Settings that keep git from running a command named by the repository's own config:
  /// Hush reads repositories it does not trust (a clone, a tarball, a shared directory), and
  /// `-c` outranks every config file, including those pulled in by `include.path` and
  /// `includeIf`. Diffs also pass `--no-ext-diff --no-textconv`, `cat-file` never gets
  /// `--filters`/`--textconv`, and no command Hush runs on the user's repository fires hooks.
  /// Not overridden, because they are the user's to set and run nothing: core.hooksPath,
  /// core.excludesFile, safe.directory.
  static let protectiveOptions: [String] = [
    "--no-pager",
    "-c", "core.fsmonitor=false",  // a hook command run whenever the index is refreshed
    "-c", "core.pager=cat",
    "-c", "core.editor=:",
    "-c", "core.sshCommand=false",
    "-c", "core.askPass=",
    "-c", "credential.helper=",  // empty resets the list of helpers
    "-c", "log.showSignature=false",  // would run gpg.program on signed commits
    "-c", "gpg.program=false",
    "-c", "gpg.ssh.program=false",
    "-c", "gpg.x509.program=false",
    "-c", "protocol.allow=never",  // no lazy fetch from a promisor remote: see `environment`
  ]

  /// The user's environment with what must not change what we parse overridden (pager,
  /// colour, locale), prompts off, and every program git could run for a transport or a
  /// diff neutralised. The rest of their config (core.excludesFile, safe.directory) is
  /// theirs and must count.
  static let environment: [String] = {
    let overrides = [
      "GIT_PAGER=cat", "GIT_TERMINAL_PROMPT=0", "LC_ALL=C", "GIT_OPTIONAL_LOCKS=0",
      "GIT_EDITOR=:", "GIT_SEQUENCE_EDITOR=:",
      // Empty GIT_ASKPASS wins over core.askPass and SSH_ASKPASS, and then nothing is asked.
      "GIT_ASKPASS=", "SSH_ASKPASS=", "SSH_ASKPASS_REQUIRE=never",
      "GIT_SSH_COMMAND=false",
      // Git 2.39 has no GIT_NO_LAZY_FETCH, and a repository's protocol.<name>.allow outranks
      // `-c protocol.allow=never`; an allow-list naming no protocol outranks both, so a
      // partial clone's missing blob is an error, never a fetch (or its upload-pack command).
      "GIT_ALLOW_PROTOCOL=",
    ]
    // Read from `environ` itself, and with arrays: the pre-commit hook starts git before
    // anything else, and ProcessInfo's dictionary of the environment (with the runtime's
    // first Dictionary and Set of strings, each a search of every conformance) cost a third
    // of the time before the spawn.
    let removed = ["GIT_EXTERNAL_DIFF=", "GIT_PROXY_COMMAND=", "GIT_SSH=", "GIT_SSH_VARIANT="]
    let replaced = removed + overrides.map { String($0.prefix { $0 != "=" }) + "=" }
    let kept = Platform.environmentEntries.filter { entry in !replaced.contains { entry.hasPrefix($0) } }
    return kept + overrides
  }()
}
