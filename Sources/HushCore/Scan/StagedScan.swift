/// `hush staged`: scans the index version of every added, copied or modified file whole (so a
/// multi-line key is seen), and keeps the findings that touch lines the change adds.
public struct StagedScan: Sendable {
  let scanner: Scanner

  /// The git processes a staged scan reads from: `git diff`, started before the scanner is
  /// built so that it runs meanwhile (on a pre-commit hook, git's start-up is most of the
  /// time), and `git cat-file` for the staged files the working tree does not hold as staged.
  public final class Processes {
    let git: Git
    let diff: ChildProcess
    let started = ContinuousClock.now

    /// Starts `git diff` for the work tree holding `directory`. git starts first, before
    /// Hush looks for the work tree's root (git finds the repository itself, and the diff's
    /// paths are the root's whatever the directory): a pre-commit hook waits for git, so every
    /// step before its start is a step of the hook's.
    public init(directory: String) throws {
      let here = Git(directory: directory)
      let diff = try here.spawn(StagedDiff.arguments)
      guard let tree = here.workTree() else {
        _ = diff.readToEnd()
        _ = diff.wait()
        throw GitError.notARepository(directory)
      }
      git = Git(directory: tree.root)
      self.diff = diff
    }

    /// A cat-file reader for `objects`; nil when there are none, and no process is started.
    func catFile(for objects: [String]) throws -> CatFileReader? {
      guard !objects.isEmpty else { return nil }
      return try CatFileReader(git: git, objects: objects)
    }

    func diffOutput() throws(GitError) -> [UInt8] {
      let (stdout, stderr) = diff.readToEnd(spinning: .milliseconds(50))
      let status = diff.wait(spinning: .milliseconds(5))
      guard status == 0 else {
        // Outside a repository git falls back to `diff --no-index`, which only says that it
        // knows no --cached: when git refuses the repository, its own reason is the message.
        if let problem = git.repositoryProblem() { throw problem }
        throw .failed(command: "diff --cached", status: status, message: String(decoding: stderr, as: UTF8.self))
      }
      return stdout
    }
  }

  /// What can be done before git answers, while it runs: the scanner's first-use costs, and
  /// the hash of the working-tree copies'.
  public func prepare() {
    scanner.warmUp()
    _ = WorkTreeCopy.blobID(of: [], length: 20)
  }

  /// Scans what is staged, reading from processes already started.
  public func run(_ processes: Processes) throws -> ScanResult {
    let start = processes.started
    let files = try StagedDiff.parse(processes.diffOutput())
    var result = ScanResult()
    var scannable: [StagedFile] = []
    for file in files where file.isRegularFile && !scanner.ownFiles.contains(relativePath: file.path) {
      if scanner.config.isAllowlisted(file.path) {
        result.summary.count(.allowlistedPath)
      } else {
        scannable.append(file)
      }
    }
    try scanBlobs(of: scannable, processes: processes, into: &result)
    for file in scannable where file.status == "A" {
      guard let rule = SensitiveFiles.rule(for: file.path) else { continue }
      result.findings.append(
        Finding(rule: rule, path: file.path, line: 1, column: 1, endLine: 1, secret: [], secretRange: 0..<0, entropy: 0)
      )
    }
    // A hook that passes while reading nothing is worse than no hook: it is trusted.
    let addedText = scannable.filter { !$0.addedLines.isEmpty }
    if !addedText.isEmpty && result.summary.bytes == 0
      && result.summary.skippedBinary + result.summary.skippedTooLarge == 0
    {
      throw GitError.nothingRead(files: addedText.count)
    }
    result.finish(rules: scanner.detector.rules.count, duration: ContinuousClock.now - start)
    result.applyBaseline(of: scanner.filters)
    return result
  }

  private func scanBlobs(of files: [StagedFile], processes: Processes, into result: inout ScanResult) throws {
    let copies = workTreeCopies(of: files, root: processes.git.directory)
    let reader = try processes.catFile(for: zip(files, copies).filter { $0.1 == nil }.map(\.0.blob))
    guard !files.isEmpty else { return }
    let scratch = scanner.makeScratch()
    defer {
      result.explanations += scratch.explained
      result.incomplete += scratch.incomplete
    }
    for (index, file) in files.enumerated() {
      let target = ScanTarget(diskPath: file.path, displayPath: file.path, relativePath: file.path)
      // git shows no hunks for files it treats as binary (an attribute): all lines count.
      let isAdded = file.gitSaysBinary ? nil : file.touchesAddedLine
      let content = try copies[index].map { GitObject.blob($0) } ?? next(file, from: reader)
      switch content {
      case .blob(let bytes):
        let outcome = try bytes.withUnsafeBufferPointer { buffer throws -> FileOutcome in
          if let decoded = TextEncoding.utf8(fromMarked: buffer) {
            let found = try decoded.withUnsafeBufferPointer { text in
              try findings(in: text, of: file, scratch: scratch, isAdded: isAdded)
            }
            return .scanned(bytes: buffer.count, findings: found)
          }
          if FileReader.isBinary(buffer) { return .skipped(.binary) }
          let added = try findings(in: buffer, of: file, scratch: scratch, isAdded: isAdded)
          return .scanned(bytes: buffer.count, findings: added)
        }
        record(outcome, target: target, into: &result)
      case .tooLarge:
        // Over the size limit, it is scanned in chunks: memory stays bounded, and a hook
        // never passes a file it did not read.
        let fill = { (buffer: UnsafeMutableRawBufferPointer) throws -> Int in try reader?.readBlob(into: buffer) ?? 0 }
        let scanned = try ChunkedScan(limit: scanner.maxFileSize).findings(fill: fill) { chunk, linesBefore in
          let shifted = isAdded.map { isAdded in
            { (lines: ClosedRange<Int>) in isAdded(lines.lowerBound + linesBefore...lines.upperBound + linesBefore) }
          }
          return try scanner.findings(
            in: chunk, path: file.path, scratch: scratch, isAdded: shifted, linesBefore: linesBefore)
        }
        let outcome: FileOutcome = scanned.map { .scanned(bytes: $0.bytes, findings: $0.findings) } ?? .skipped(.binary)
        record(outcome, target: target, into: &result)
      case .other: result.add(.skipped(.notRegularFile), target: target)
      }
    }
    try reader?.finish()
  }

  /// The findings of `text`, `file`'s staged content, that touch its added lines: searched
  /// only in the part that can hold them (`AddedPart`), unless every line is wanted
  /// (`--explain` says why a secret on an unchanged line is not reported) or the file is read
  /// as a whole document (an agent's config).
  private func findings(
    in text: UnsafeBufferPointer<UInt8>, of file: StagedFile, scratch: DetectorScratch,
    isAdded: ((ClosedRange<Int>) -> Bool)?
  ) throws -> [Finding] {
    guard let isAdded, !scanner.explains, !scanner.readsWhole(file.path),
      let part = AddedPart(of: text, addedLines: file.addedLines)
    else { return try scanner.findings(in: text, path: file.path, scratch: scratch, isAdded: isAdded) }
    let before = part.linesBefore
    let found = try scanner.findings(
      in: UnsafeBufferPointer(rebasing: text[part.bytes]), path: file.path, scratch: scratch,
      isAdded: { isAdded($0.lowerBound + before...$0.upperBound + before) }, linesBefore: before)
    return found.map { $0.moved(lines: before, columns: 0, bytes: part.bytes.lowerBound) }
  }

  /// `file`'s staged blob, from cat-file (which every file without a working-tree copy was
  /// requested from).
  private func next(_ file: StagedFile, from reader: CatFileReader?) throws -> GitObject {
    guard let reader else { throw GitError.failed(command: "cat-file --batch", status: -1, message: "not started") }
    return try reader.next(object: file.blob, maxSize: scanner.maxFileSize, streamsLarge: true)
  }

  /// Each file's working-tree copy when it is byte for byte what is staged (`WorkTreeCopy`),
  /// up to 64 MiB in all: past that, cat-file streams the rest rather than the hook holding
  /// a huge first commit in memory twice.
  private func workTreeCopies(of files: [StagedFile], root: String) -> [[UInt8]?] {
    var budget = 64 << 20
    return files.map { file in
      guard budget > 0, let copy = WorkTreeCopy.bytes(of: file, root: root, maxSize: min(scanner.maxFileSize, budget))
      else { return nil }
      budget -= copy.count
      return copy
    }
  }

  /// Adds a file's outcome; a binary file is named, since a hook's user would not otherwise
  /// know it was not read (it is not scanned, and does not block the commit).
  private func record(_ outcome: FileOutcome, target: ScanTarget, into result: inout ScanResult) {
    result.add(outcome, target: target)
    if case .skipped(.binary) = outcome {
      result.warnings.append(
        "\(Printable.text(target.displayPath)): binary (a NUL byte in its first 8 KiB), not scanned")
    }
  }
}
