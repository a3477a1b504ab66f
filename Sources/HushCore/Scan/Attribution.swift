/// Turns findings per blob into findings per introduction. A blob is one version of a file:
/// a secret committed once lives on in every later version, so a finding is reported only
/// at the change that added it (the version before did not hold it), once per blob, at the
/// earliest such change.
struct Attribution {
  let log: CommitLog
  let plan: BlobPlan
  let findings: [[Finding]]
  /// Secrets of blobs outside the plan (versions before the scanned range, HEAD's versions).
  private var priorSecrets: [String: Set<SecretKey>] = [:]
  private(set) var head: [String: String] = [:]

  init(log: CommitLog, plan: BlobPlan, findings: [[Finding]]) {
    self.log = log
    self.plan = plan
    self.findings = findings
  }

  /// Reads and scans the blobs the comparison needs that the main pass did not read: the
  /// previous versions of changes that introduce findings, and HEAD's versions of their paths.
  mutating func scanPriorVersions(with pipeline: BlobPipeline, head: [String: String]) throws {
    self.head = head
    var needed = Set<String>()
    for (blob, found) in findings.enumerated() where !found.isEmpty {
      for change in plan.introductions[blob].map({ log.changes[$0] }) {
        if let old = change.oldBlob, plan.index[old] == nil { needed.insert(old) }
        if let current = head[change.path], plan.index[current] == nil { needed.insert(current) }
      }
    }
    let blobs = needed.sorted()
    let paths = blobs.map { _ in "" }
    let (extra, _, _) = try pipeline.scan(blobs, paths: paths)
    for (blob, found) in zip(blobs, extra) { priorSecrets[blob] = Set(found.map(SecretKey.init)) }
  }

  /// The secrets a blob holds; a blob never read holds none we know of.
  func secrets(of blob: String?) -> Set<SecretKey> {
    guard let blob else { return [] }
    if let scanned = plan.index[blob] { return Set(findings[scanned].map(SecretKey.init)) }
    return priorSecrets[blob] ?? []
  }

  /// Every finding at the earliest change that introduced it, with its origin.
  func findings(countingCarriers: Bool) -> [Finding] {
    var result: [Finding] = []
    var carriers = CarrierIndex(log: log)
    let changesByPath = Dictionary(grouping: log.changes.indices) { log.changes[$0].path }
    for (blob, found) in findings.enumerated() where !found.isEmpty {
      let changes = plan.introductions[blob].map { log.changes[$0] }
      let previous = changes.map { secrets(of: $0.oldBlob) }
      for finding in found {
        let key = SecretKey(finding)
        let introducing = zip(changes, previous).filter { !$0.1.contains(key) }.map(\.0)
        // Earliest commit; on a tie, the one further down the log (older); within one commit,
        // the first path.
        guard
          let change = introducing.reduce(
            nil,
            { (best: Change?, next: Change) in
              guard let best, best.commit != next.commit else { return best ?? next }
              return log.commits[next.commit].time <= log.commits[best.commit].time ? next : best
            })
        else { continue }
        var attributed = finding
        attributed.path = change.path
        var origin = Origin(commit: log.commits[change.commit])
        origin.otherPaths = Array(Set(introducing.map(\.path)).subtracting([change.path])).sorted()
        origin.isInHead = secrets(of: head[change.path]).contains(key)
        origin.copies = copies(of: key, at: origin.otherPaths, among: introducing)
        if !origin.isInHead && !origin.copies.contains(where: \.isInHead) {
          origin.removal =
            ([change.path] + origin.otherPaths).compactMap { path in
              latest(changesByPath[path] ?? [], after: origin.commit) {
                secrets(of: $0.oldBlob).contains(key) && !secrets(of: $0.newBlob).contains(key)
              }
            }
            .max { $0.time < $1.time }
        }
        if countingCarriers {
          origin.laterCommits = carriers.commits(holding: key, at: change.path, except: change.commit) {
            secrets(of: $0)
          }
        }
        attributed.origin = origin
        result.append(attributed)
      }
    }
    return result
  }
}

extension Attribution {
  /// The earliest change that adds each sensitive file (a `.env`, a key store) by path.
  static func sensitiveFileChanges(in log: CommitLog, config: HushConfig) -> [(change: Change, rule: Rule)] {
    var earliest: [String: (change: Change, rule: Rule)] = [:]
    for change in log.changes where change.isRegularFile && change.oldBlob == nil && change.newBlob != nil {
      guard !config.isAllowlisted(change.path), let rule = SensitiveFiles.rule(for: change.path) else { continue }
      if let known = earliest[change.path], log.commits[known.change.commit].time < log.commits[change.commit].time {
        continue
      }
      earliest[change.path] = (change, rule)
    }
    return earliest.values.sorted { $0.change.path < $1.change.path }
  }

  /// Each other path, with the earliest of `introducing` changes there and whether HEAD
  /// holds `key` there.
  func copies(of key: SecretKey, at paths: [String], among introducing: [Change]) -> [Origin.Copy] {
    paths.compactMap { path in
      let earliest = introducing.filter { $0.path == path }.map { log.commits[$0.commit] }.min { $0.time < $1.time }
      return earliest.map { Origin.Copy(path: path, commit: $0, isInHead: secrets(of: head[path]).contains(key)) }
    }
  }

  /// The commit of the latest change among `changes` (indices into the log) that `removes`,
  /// made no earlier than `introduced`: when a secret left a path for the last time.
  func latest(_ changes: [Int], after introduced: Commit, where removes: (Change) -> Bool) -> Commit? {
    changes.map { log.changes[$0] }
      .filter { log.commits[$0.commit].time >= introduced.time && removes($0) }
      .map { log.commits[$0.commit] }
      .max { $0.time < $1.time }
  }

  /// Whole-file findings for sensitive files added in history, with their origin.
  func wholeFileFindings(_ added: [(change: Change, rule: Rule)], countingCarriers: Bool) -> [Finding] {
    var carriers = CarrierIndex(log: log)
    let changesByPath = Dictionary(grouping: log.changes.indices) { log.changes[$0].path }
    return added.map { change, rule in
      var finding = Finding(
        rule: rule, path: change.path, line: 1, column: 1, endLine: 1, secret: [], secretRange: 0..<0, entropy: 0)
      var origin = Origin(commit: log.commits[change.commit])
      origin.isInHead = head[change.path] != nil
      if !origin.isInHead {
        origin.removal = latest(changesByPath[change.path] ?? [], after: origin.commit) { $0.newBlob == nil }
      }
      if countingCarriers { origin.laterCommits = carriers.commits(withFileAt: change.path, except: change.commit) }
      finding.origin = origin
      return finding
    }
  }
}

/// Which blob each commit's tree holds at a path, derived from first-parent changes, so
/// that "how many later commits still carry this secret" is counted, not guessed.
struct CarrierIndex {
  let log: CommitLog
  private var commitIndex: [String: Int] = [:]
  private var changesByPath: [String: [(commit: Int, blob: String?)]] = [:]
  private var blobsAtPath: [String: [String?]] = [:]

  init(log: CommitLog) {
    self.log = log
    for (position, commit) in log.commits.enumerated() { commitIndex[commit.id] = position }
  }

  /// Commits other than `except` whose tree holds a blob with `key` at `path`.
  mutating func commits(
    holding key: SecretKey, at path: String, except: Int, secrets: (String?) -> Set<SecretKey>
  ) -> Int {
    let states = blobs(at: path)
    var cache: [String: Bool] = [:]
    var count = 0
    for (commit, blob) in states.enumerated() where commit != except {
      guard let blob else { continue }
      if cache[blob] == nil { cache[blob] = secrets(blob).contains(key) }
      if cache[blob] == true { count += 1 }
    }
    return count
  }

  /// Commits other than `except` whose tree has a file at `path`.
  mutating func commits(withFileAt path: String, except: Int) -> Int {
    blobs(at: path).enumerated().filter { $0.offset != except && $0.element != nil }.count
  }

  /// For every commit, the blob at `path` in its tree (nil: absent or unknown).
  private mutating func blobs(at path: String) -> [String?] {
    if let known = blobsAtPath[path] { return known }
    if changesByPath.isEmpty {
      for change in log.changes { changesByPath[change.path, default: []].append((change.commit, change.newBlob)) }
    }
    var own: [Int: String?] = [:]
    for change in changesByPath[path] ?? [] { own[change.commit] = change.blob }
    var state = [String??](repeating: nil, count: log.commits.count)
    for start in log.commits.indices where state[start] == nil {
      // Walk the first-parent chain down to a known state, then fill it in on the way back.
      var chain: [Int] = []
      var current: Int? = start
      var inherited: String? = nil
      while let commit = current {
        if let known = state[commit] {
          inherited = known
          break
        }
        chain.append(commit)
        if let changed = own[commit] {
          inherited = changed
          break
        }
        current = log.commits[commit].parents.first.flatMap { commitIndex[$0] }
      }
      for commit in chain.reversed() {
        if let changed = own[commit] { inherited = changed }
        state[commit] = .some(inherited)
      }
    }
    let result = state.map { $0 ?? nil }
    blobsAtPath[path] = result
    return result
  }
}
