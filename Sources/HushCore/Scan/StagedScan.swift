/// `hush staged`: scans the index version of every added, copied or modified file whole (so a
/// multi-line key is seen), and keeps the findings that touch lines the change adds.
public struct StagedScan: Sendable {
  let scanner: Scanner

  /// The git processes a staged scan reads from, started before the scanner is built so that
  /// they run meanwhile: on a pre-commit hook, git's start-up is most of the time.
  public final class Processes {
    let git: Git
    let diff: ChildProcess
    let catFile: CatFileReader
    let started = ContinuousClock.now

    /// Starts them for the work tree holding `directory`.
    public init(directory: String) throws {
      guard let tree = Git(directory: directory).workTree() else { throw GitError.notARepository(directory) }
      git = Git(directory: tree.root)
      diff = try git.spawn(StagedDiff.arguments)
      catFile = try CatFileReader(git: git)
    }

    func diffOutput() throws(GitError) -> [UInt8] {
      let (stdout, stderr) = diff.readToEnd()
      let status = diff.wait()
      guard status == 0 else {
        // Outside a repository git falls back to `diff --no-index`, which only says that it
        // knows no --cached: when git refuses the repository, its own reason is the message.
        if let problem = git.repositoryProblem() { throw problem }
        throw .failed(command: "diff --cached", status: status, message: String(decoding: stderr, as: UTF8.self))
      }
      return stdout
    }
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
    try scanBlobs(of: scannable, reader: processes.catFile, into: &result)
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

  private func scanBlobs(of files: [StagedFile], reader: CatFileReader, into result: inout ScanResult) throws {
    reader.request(files.map(\.blob))
    guard !files.isEmpty else { return try reader.finish() }
    let scratch = scanner.makeScratch()
    defer {
      result.explanations += scratch.explained
      result.incomplete += scratch.incomplete
    }
    for file in files {
      let target = ScanTarget(diskPath: file.path, displayPath: file.path, relativePath: file.path)
      // git shows no hunks for files it treats as binary (an attribute): all lines count.
      let isAdded = file.gitSaysBinary ? nil : file.touchesAddedLine
      switch try reader.next(object: file.blob, maxSize: scanner.maxFileSize, streamsLarge: true) {
      case .blob(let bytes):
        let outcome = try bytes.withUnsafeBufferPointer { buffer throws -> FileOutcome in
          if let decoded = TextEncoding.utf8(fromMarked: buffer) {
            let found = try decoded.withUnsafeBufferPointer { text in
              try scanner.findings(in: text, path: file.path, scratch: scratch, isAdded: isAdded)
            }
            return .scanned(bytes: buffer.count, findings: found)
          }
          if FileReader.isBinary(buffer) { return .skipped(.binary) }
          let added = try scanner.findings(in: buffer, path: file.path, scratch: scratch, isAdded: isAdded)
          return .scanned(bytes: buffer.count, findings: added)
        }
        record(outcome, target: target, into: &result)
      case .tooLarge:
        // Over the size limit, it is scanned in chunks: memory stays bounded, and a hook
        // never passes a file it did not read.
        let scanned = try ChunkedScan(limit: scanner.maxFileSize).findings(fill: reader.readBlob(into:)) {
          chunk, linesBefore in
          let shifted = isAdded.map { isAdded in
            { (lines: ClosedRange<Int>) in isAdded(lines.lowerBound + linesBefore...lines.upperBound + linesBefore) }
          }
          return try scanner.findings(in: chunk, path: file.path, scratch: scratch, isAdded: shifted)
        }
        let outcome: FileOutcome = scanned.map { .scanned(bytes: $0.bytes, findings: $0.findings) } ?? .skipped(.binary)
        record(outcome, target: target, into: &result)
      case .other: result.add(.skipped(.notRegularFile), target: target)
      }
    }
    try reader.finish()
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
