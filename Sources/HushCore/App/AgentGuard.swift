/// An agent hook's answer: nil lets the agent go on; a message (never the secret) stops it
/// and says what to do instead.
struct AgentVerdict: Sendable {
  var message: String?
}

/// The checks behind `hush agent-hook`, with the semantics of Hush's own hooks: a file write
/// is scanned as the file it will be, a `git commit` as `hush staged`, a `git push` as
/// `hush pre-push`, a prompt as text.
struct AgentGuard {
  let directory: String

  init(directory: String) {
    self.directory = FileKind(directory) == .directory ? directory : "."
  }

  func check(_ request: AgentHookRequest) throws -> AgentVerdict {
    switch request {
    case .write(let path, let content): return try checkWrite(path: path, content: content)
    case .shell(let command): return try checkShell(command)
    case .prompt(let text): return try checkPrompt(text)
    case .changedFiles: return try checkChangedFiles()
    case .nothing: return AgentVerdict()
    }
  }

  static let writeFix =
    "Fix: do not put the value in a file git will commit. Read it from the environment instead (process.env.NAME, os.environ[\"NAME\"], \"${NAME}\" in an agent config) and keep it in an ignored .env file or the OS keychain. A false positive: add `hush:allow` to the line."
  static let commitFix =
    "Fix: remove the secret from those files (read it from the environment instead), git add them again, then commit. `hush staged` lists them."
  static let pushFix =
    "Fix: remove the secret from the commits that add it (git commit --amend, git rebase -i), rotate it if it was shared, then push. `hush pre-push` lists them."
  static let promptFix =
    "The prompt was not sent. Remove the secret and name the variable that holds it instead (the agent can read it from the environment)."

  /// A write to a file git ignores is where secrets belong (`.env`); any other file is
  /// scanned as it will be, by its path (agent configs, path-scoped rules).
  private func checkWrite(path: String, content: String) throws -> AgentVerdict {
    guard let tree = Git(directory: directory).workTree() else {
      return try verdict(
        scanner(localSecrets: false).scan(standardInput: Array(content.utf8), path: path), Self.writeFix)
    }
    let base = directory.hasPrefix("/") ? directory : PathName.join(FileManager.default.currentDirectoryPath, directory)
    let absolute = path.hasPrefix("/") ? path : PathName.join(base, path)
    let relative = absolute.hasPrefix(tree.root + "/") ? String(absolute.dropFirst(tree.root.count + 1)) : path
    let ignored = try Git(directory: tree.root).run(["check-ignore", "-q", "--no-index", "--", relative])
    if ignored.status == 0 { return AgentVerdict() }
    let result = try scanner(localSecrets: true).scan(standardInput: Array(content.utf8), path: relative)
    if let pattern = SensitiveFiles.pattern(for: relative), pattern.mustBeIgnored {
      // The right file for the value, but git would commit it.
      return verdict(
        result,
        "Fix: \(relative) (\(pattern.description)) is where such values belong, but git does not ignore it: add `\(pattern.line)` to .gitignore first (hush audit --fix does), then write it."
      )
    }
    return verdict(result, Self.writeFix)
  }

  /// `git commit` is checked as the pre-commit hook would (plus the work tree's changes when
  /// the same command stages them: `git add`, `commit -a`); `git push` as the pre-push hook.
  private func checkShell(_ command: String) throws -> AgentVerdict {
    let words = Self.gitSubcommands(command)
    if words.contains("push") { return try checkPush() }
    guard words.contains("commit") else { return AgentVerdict() }
    let processes = try StagedScan.Processes(directory: directory)
    let staged = try StagedScan(scanner: scanner(localSecrets: true)).run(processes)
    if let blocked = verdict(staged, Self.commitFix).message { return AgentVerdict(message: blocked) }
    let stagesMore = words.contains("add") || Self.commitsAll(command)
    return try stagesMore ? checkChangedFiles(fix: Self.commitFix) : AgentVerdict()
  }

  private func checkPush() throws -> AgentVerdict {
    let git = Git(directory: directory)
    guard git.hasCommit("HEAD") else { return AgentVerdict() }
    var options = HistoryOptions(revisions: ["HEAD", "--not", "--remotes"])
    options.merges = .combined
    options.countsCarriers = false
    let result = try HistoryScan(scanner: scanner(localSecrets: false)).run(in: directory, options: options)
    return verdict(result.scan, Self.pushFix)
  }

  private func checkPrompt(_ text: String) throws -> AgentVerdict {
    let result = try scanner(localSecrets: true).scan(standardInput: Array(text.utf8), path: "-")
    guard !result.findings.isEmpty else { return AgentVerdict() }
    let rules = Set(result.findings.map(\.rule.id)).sorted().joined(separator: ", ")
    return AgentVerdict(
      message: "hush: blocked: the prompt holds \(Self.count(result.findings.count)) (\(rules)). \(Self.promptFix)")
  }

  /// The work tree's modified and new files that git would commit.
  private func checkChangedFiles(fix: String = AgentGuard.writeFix) throws -> AgentVerdict {
    guard let tree = Git(directory: directory).workTree() else { return AgentVerdict() }
    let listed = try Git(directory: tree.root).output(["ls-files", "-z", "-m", "-o", "--exclude-standard"])
    let paths = Set(listed.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }).sorted()
    let targets = paths.filter { FileKind(PathName.join(tree.root, $0)) == .other }.map {
      ScanTarget(diskPath: PathName.join(tree.root, $0), displayPath: $0, relativePath: $0)
    }
    return verdict(try scanner(localSecrets: true).scan(targets), fix)
  }

  private func scanner(localSecrets: Bool) throws -> Scanner {
    try ScannerSetup().scanner(near: directory, localSecrets: localSecrets)
  }

  /// Each finding as `path:line:column rule (redacted)`, then the fix; nil when clean.
  private func verdict(_ result: ScanResult, _ fix: String) -> AgentVerdict {
    guard !result.findings.isEmpty else { return AgentVerdict() }
    let lines = result.findings.prefix(20).map { finding in
      "  \(Printable.text(finding.stablePath)):\(finding.line):\(finding.column) \(finding.rule.id) (\(finding.redacted))"
    }
    return AgentVerdict(
      message: (["hush: blocked: \(Self.count(result.findings.count)) found:"] + lines + [fix]).joined(separator: "\n"))
  }

  private static func count(_ n: Int) -> String { n == 1 ? "a secret" : "\(n) secrets" }

  /// Whether `command` holds `commit` followed by `--all` or a short-option cluster with `a`
  /// (`commit -a`, `commit -am "…"`): that commit stages the work tree's changes too.
  static func commitsAll(_ command: String) -> Bool {
    let words = command.split(whereSeparator: \.isWhitespace)
    for (index, word) in words.enumerated().dropLast() where word.hasSuffix("commit") {
      let next = words[index + 1]
      let cluster = next.dropFirst().prefix { $0.isLetter || $0.isNumber || $0 == "_" }
      if next.hasPrefix("--all") || (next.hasPrefix("-") && cluster.contains("a")) { return true }
    }
    return false
  }

  /// The git subcommands a shell command runs (`git -C x commit -m …` → commit), and `add`.
  static func gitSubcommands(_ command: String) -> Set<String> {
    var found = Set<String>()
    let segments = command.split(omittingEmptySubsequences: false) { ";&|\n(".contains($0) }
    for segment in segments {
      let words = segment.split(whereSeparator: \.isWhitespace).map(String.init)
      guard let git = words.firstIndex(where: { $0 == "git" || $0.hasSuffix("/git") }) else { continue }
      var index = git + 1
      while index < words.count, words[index].hasPrefix("-") {
        // Options of git itself; -C and -c take a value.
        index += ["-C", "-c"].contains(words[index]) ? 2 : 1
      }
      if index < words.count { found.insert(words[index]) }
    }
    return found
  }
}
