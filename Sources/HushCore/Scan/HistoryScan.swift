/// Which part of history to scan.
public struct HistoryOptions: Sendable {
  /// Revisions and ranges as git takes them (`main`, `v1.0..HEAD`); empty means every ref.
  public var revisions: [String] = []
  /// Only commits made after this date (`2024-01-01`, `2.weeks`), as `git log --since`.
  public var since: String?
  var merges: CommitLog.MergeDiffs = .firstParent
  /// Count the later commits that still carry each secret (history reports; pre-push skips it).
  public var countsCarriers = true
  init(revisions: [String] = [], since: String? = nil) {
    self.revisions = revisions
    self.since = since
  }
}

/// What a history scan found: attributed findings, and the shape of what was read.
public struct HistoryResult: Sendable {
  var scan: ScanResult
  var commits = 0
  /// Unique blobs the selected commits introduce (each read once).
  public var blobs = 0
  var isShallow = false
}

/// `hush history`: every unique blob the selected commits introduce is read once from one
/// `git cat-file --batch` and scanned on every core; only the blobs with findings are then
/// attributed to the commit, author and path that introduced each secret.
public struct HistoryScan: Sendable {
  let scanner: Scanner

  func run(
    in directory: String, options: HistoryOptions, progress: (@Sendable (ScanProgress) -> Void)? = nil
  ) throws -> HistoryResult {
    let clock = ContinuousClock()
    let start = clock.now
    let git = Git(directory: directory)
    var result = HistoryResult(scan: ScanResult())
    result.isShallow = try git.isShallow()
    var log = try CommitLog.parse(
      git.output(CommitLog.arguments(revisions: options.revisions, since: options.since, merges: options.merges)))
    result.commits = log.commits.count
    let messageFindings = try scanMessages(&log)
    let plan = BlobPlan(log: log, config: scanner.config, ownFiles: scanner.ownFiles)
    result.blobs = plan.blobs.count
    result.scan.summary.skippedAllowlisted = plan.allowlisted
    let pipeline = BlobPipeline(scanner: scanner, git: git)
    let (found, summary, explanations) = try pipeline.scan(plan.blobs, paths: plan.paths, progress: progress)
    result.scan.summary.merge(summary)
    // What was not searched (a blob over the size limit, a window at the regex match limit)
    // is always named; the rest only with --explain.
    let unsearched = { (explanation: Explanation) in
      explanation.reason == .tooLarge || explanation.reason == .matchLimit
    }
    result.scan.incomplete = explanations.filter(unsearched)
    result.scan.explanations = explanations.filter { !unsearched($0) }
    let sensitive = Attribution.sensitiveFileChanges(in: log, config: scanner.config)
    if found.contains(where: { !$0.isEmpty }) || !sensitive.isEmpty {
      var attribution = Attribution(log: log, plan: plan, findings: found)
      try attribution.scanPriorVersions(with: pipeline, head: git.headTree())
      result.scan.findings =
        attribution.findings(countingCarriers: options.countsCarriers)
        + attribution.wholeFileFindings(sensitive, countingCarriers: options.countsCarriers)
    }
    result.scan.findings += messageFindings
    result.scan.finish(rules: scanner.detector.rules.count, duration: clock.now - start)
    result.scan.findings.sort {
      ($0.origin?.commit.time ?? 0, $0.path, $0.line) < ($1.origin?.commit.time ?? 0, $1.path, $1.line)
    }
    result.scan.applyBaseline(of: scanner.filters)
    return result
  }
}

extension HistoryScan {
  /// Commit messages are printed by history and pre-push, so they are scanned too: each
  /// finding is located at `Commit.messagePath` in its commit, and the secret is redacted
  /// from the subject every report prints.
  func scanMessages(_ log: inout CommitLog) throws -> [Finding] {
    let scratch = scanner.makeScratch()
    var found: [Finding] = []
    for index in log.commits.indices where !log.commits[index].message.isEmpty {
      let bytes = Array(log.commits[index].message.utf8)
      let findings = try bytes.withUnsafeBufferPointer { buffer in
        try scanner.findings(in: buffer, path: Commit.messagePath, scratch: scratch)
      }
      for finding in findings where !finding.isWholeFile {
        let secret = String(decoding: finding.secret, as: UTF8.self)
        log.commits[index].subject = log.commits[index].subject.replacing(
          secret, with: finding.redacted)
      }
      found += findings.map { finding in
        var finding = finding
        finding.origin = Origin(commit: log.commits[index])
        return finding
      }
    }
    return found
  }
}

/// The unique blobs a log introduces, in log order, each with the changes that introduce it.
struct BlobPlan {
  /// Blob ids to read, each once.
  var blobs: [String] = []
  /// For each blob, the path rules' globs see (its newest name).
  var paths: [String] = []
  /// For each blob, indices into `log.changes` of the changes that introduce it.
  var introductions: [[Int]] = []
  var index: [String: Int] = [:]
  /// Blobs skipped because every path they appear at is allowlisted.
  var allowlisted = 0

  init(log: CommitLog, config: HushConfig, ownFiles: OwnFiles = OwnFiles()) {
    var skipped = Set<String>()
    for (position, change) in log.changes.enumerated()
    where change.isRegularFile && !ownFiles.contains(relativePath: change.path) {
      guard let blob = change.newBlob else { continue }
      if let known = index[blob] {
        introductions[known].append(position)
        continue
      }
      if config.isAllowlisted(change.path) {
        skipped.insert(blob)
        continue
      }
      index[blob] = blobs.count
      blobs.append(blob)
      paths.append(change.path)
      introductions.append([position])
    }
    allowlisted = skipped.subtracting(index.keys).count
  }
}
