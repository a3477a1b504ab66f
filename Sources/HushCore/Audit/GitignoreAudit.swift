/// What `hush audit` found.
public struct AuditResult: Sendable {
  /// A sensitive file in the work tree that is not safely ignored.
  public struct Problem: Sendable, Equatable {
    enum Kind: String, Sendable { case tracked, notIgnored, personalOnly }
    let kind: Kind
    let path: String
    let pattern: SensitivePattern
    /// For `personalOnly`: the excludes file that ignores it.
    public let source: String?
  }

  var problems: [Problem] = []
  /// Required `.gitignore` lines the shared ignore files lack.
  public var missingLines: [String] = []
  /// Literal secrets in agent configs that git would commit.
  public var findings: [Finding] = []
  /// Lines `--fix` appended to `.gitignore`.
  public var addedLines: [String] = []

  /// Whether anything still needs the user (after `--fix`, what it could not do).
  public var needsFixing: Bool {
    !findings.isEmpty || problems.contains { $0.kind == .tracked }
      || (addedLines.isEmpty && (!missingLines.isEmpty || !problems.isEmpty))
  }
}

/// Checks that the files holding secrets are ignored by the repository's shared
/// `.gitignore`, that none is tracked, and that agent configs hold no literal tokens.
public struct GitignoreAudit: Sendable {
  let root: String
  let patterns: [SensitivePattern]
  let agentConfigs: [String]
  /// The rules, run over agent configs too (a provider token in `args` needs no key name).
  let detector: Detector?
  private var git: Git { Git(directory: root) }

  init(directory: String, config: HushConfig, detector: Detector? = nil) throws(GitError) {
    guard let tree = Git(directory: directory).workTree() else { throw .notARepository(directory) }
    root = tree.root
    patterns = SensitiveFiles.catalog(extra: config.auditPatterns).filter(\.mustBeIgnored)
    agentConfigs = config.agentConfigs
    self.detector = detector
  }

  func run(fix: Bool) throws -> AuditResult {
    var result = AuditResult()
    let tracked = try files(["ls-files", "-z"])
    let untracked = try files(["ls-files", "-z", "--others", "--exclude-standard"])
    let ignored = try files(["ls-files", "-z", "--others", "--ignored", "--exclude-standard", "--directory"])
    for path in tracked {
      if let pattern = sensitive(path) {
        result.problems.append(.init(kind: .tracked, path: path, pattern: pattern, source: nil))
      }
    }
    for path in untracked {
      if let pattern = sensitive(path) {
        result.problems.append(.init(kind: .notIgnored, path: path, pattern: pattern, source: nil))
      }
    }
    let ignoredSensitive = ignored.filter { sensitive($0) != nil }
    let probes = patterns.filter(\.isRequired).map(\.probe)
    let sources = try ignoreSources(ignoredSensitive + probes)
    for path in ignoredSensitive {
      guard let pattern = sensitive(path), let source = sources[path] ?? nil, !Self.isShared(source) else { continue }
      result.problems.append(.init(kind: .personalOnly, path: path, pattern: pattern, source: source))
    }
    result.missingLines = patterns.filter { $0.isRequired && !Self.isShared(sources[$0.probe] ?? nil) }.map(\.line)
    result.findings = agentConfigFindings(tracked + untracked)
    // An agent config that holds a literal secret must not be shared, whatever its kind.
    let trackedSet = Set(tracked)
    for path in Set(result.findings.map(\.path)).sorted() where !result.problems.contains(where: { $0.path == path }) {
      let pattern = Self.exactPattern(path, agent: AgentConfigs.file(for: path, extra: agentConfigs)?.agent)
      result.problems.append(
        .init(kind: trackedSet.contains(path) ? .tracked : .notIgnored, path: path, pattern: pattern, source: nil))
    }
    if fix { result.addedLines = try appendToGitignore(linesToAdd(result)) }
    return result
  }

  private func sensitive(_ path: String) -> SensitivePattern? { patterns.first { $0.matches(path) } }

  private func files(_ arguments: [String]) throws -> [String] {
    try git.output(arguments).split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
  }

  /// For each path, the ignore file that ignores it (`.gitignore`, `.git/info/exclude`, the
  /// global excludes file), or nil when nothing does. One `git check-ignore` for all.
  private func ignoreSources(_ paths: [String]) throws -> [String: String?] {
    guard !paths.isEmpty else { return [:] }
    let input = Array(paths.map { $0 + "\0" }.joined().utf8)
    let result = try git.run(["check-ignore", "-v", "-z", "--non-matching", "--no-index", "--stdin"], input: input)
    guard result.status == 0 || result.status == 1 else {
      throw GitError.failed(command: "check-ignore", status: result.status, message: result.stderr)
    }
    let fields = result.stdout.split(separator: 0, omittingEmptySubsequences: false).map {
      String(decoding: $0, as: UTF8.self)
    }
    var sources: [String: String?] = [:]
    var index = 0
    while index + 3 < fields.count {
      let (source, pattern, path) = (fields[index], fields[index + 2], fields[index + 3])
      // A negated pattern (`!.env.example`) is what un-ignores the path.
      sources[path] = source.isEmpty || pattern.hasPrefix("!") ? .some(nil) : .some(source)
      index += 4
    }
    return sources
  }

  /// A `.gitignore` travels with the repository; `.git/info/exclude` and the global
  /// excludes file protect only the person who wrote them.
  static func isShared(_ source: String?) -> Bool {
    guard let source else { return false }
    return source == ".gitignore" || source.hasSuffix("/.gitignore")
  }

  /// The `.gitignore` line for one file (`/path`, anchored to the root).
  static func exactPattern(_ path: String, agent: String?) -> SensitivePattern {
    SensitivePattern(
      line: "/" + path, probe: path, description: "\(agent ?? "agent") config holding a literal secret",
      isRequired: false, kind: .agentConfig(mustBeIgnored: true), globs: [path])
  }

  private func agentConfigFindings(_ paths: [String]) -> [Finding] {
    paths.flatMap { path -> [Finding] in
      guard let file = AgentConfigs.file(for: path, extra: agentConfigs),
        let data = FileManager.default.contents(atPath: PathName.join(root, path))
      else { return [] }
      return [UInt8](data).withUnsafeBufferPointer { bytes in
        AgentConfig.findings(in: bytes, path: path, file: file, detector: detector)
      }
    }
  }

  private func linesToAdd(_ result: AuditResult) -> [String] {
    let problemLines = result.problems.filter { $0.kind != .tracked }.map(\.pattern.line)
    let needed = Set(result.missingLines + problemLines)
    var lines = patterns.map(\.line).filter(needed.contains)
    for line in problemLines where !lines.contains(line) { lines.append(line) }
    if let envLines = lines.firstIndex(of: ".env.*") {
      // Templates stay committable.
      lines.insert(contentsOf: ["!.env.example", "!.env.sample", "!.env.template"], at: envLines + 1)
    }
    return lines
  }

  /// Appends `lines` to the root `.gitignore`, keeping its content, mode and line endings.
  private func appendToGitignore(_ lines: [String]) throws -> [String] {
    guard !lines.isEmpty else { return [] }
    let path = PathName.join(root, ".gitignore")
    let existing = FileManager.default.contents(atPath: path).map { [UInt8]($0) } ?? []
    let newline: [UInt8] =
      existing.firstIndex(of: 10).map { $0 > 0 && existing[$0 - 1] == 13 } == true ? [13, 10] : [10]
    var bytes = existing
    if let last = bytes.last, last != 10 { bytes += newline }
    if !bytes.isEmpty { bytes += newline }
    for line in ["# Secrets and credentials (hush audit --fix)"] + lines { bytes += Array(line.utf8) + newline }
    var info = stat()
    let mode = stat(path, &info) == 0 ? info.st_mode & 0o7777 : 0o644
    try AtomicFile.write(bytes, to: path, mode: mode)
    return lines
  }
}
