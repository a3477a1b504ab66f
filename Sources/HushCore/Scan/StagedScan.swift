/// `hush staged`: scans the index version of every added, copied or modified file whole (so a
/// multi-line key is seen), and keeps the findings that touch lines the change adds.
public struct StagedScan: Sendable {
  let scanner: Scanner

  /// The git processes a staged scan reads from, started before the scanner is built so that
  /// they run meanwhile (on a pre-commit hook, git's start-up is most of the time): `git diff
  /// --raw`, which names what is staged, and `git cat-file`, which reads HEAD's versions of
  /// the modified files once the diff has named them. A thread of its own waits for the diff,
  /// reads those versions and the work tree's copies, and finds the added lines while the
  /// scanner is built: a hook's path is then git's or the scanner's, whichever is longer,
  /// not both.
  public final class Processes: @unchecked Sendable {
    // @unchecked: the thread owns `diff` until it has stored its answer, and the condition
    // orders that store before every read of it.
    let git: Git
    let started = ContinuousClock.now
    private let diff: ChildProcess
    private let answered = Condition()
    // Not a `Result`: its generic metadata alone costs the hook 0.7 M instructions.
    private var answer: [Entry]?
    private var failure: Error?

    /// One staged file as the thread left it: HEAD's version (when read, see
    /// `needsOldVersion`), the work tree's copy (when it is the staged version), and the
    /// added lines when both were there to compare (`linesKnown`).
    struct Entry {
      var file: StagedFile
      var old: GitObject?
      var copy: [UInt8]?
      var linesKnown = false
    }

    /// HEAD's versions are held in memory up to this many bytes in all; past it, git's patch
    /// answers for the rest.
    static let oldVersionsBudget = 64 << 20

    /// Starts both for the work tree holding `directory`. git starts first, before Hush
    /// looks for the work tree's root (git finds the repository itself, and the diff's paths
    /// are the root's whatever the directory): a pre-commit hook waits for git, so every step
    /// before its start is a step of the hook's. cat-file is started by the thread: starting
    /// a process stops its caller until the child runs git (vfork), and on a virtual machine
    /// the caller is then woken up to a millisecond late; cat-file is not needed before the
    /// diff answers, and the main thread goes on building the scanner.
    public init(directory: String) throws {
      let here = Git(directory: directory)
      let diff = try here.spawn(StagedDiff.rawArguments)
      guard let tree = here.workTree() else {
        diff.discard()
        throw GitError.notARepository(directory)
      }
      git = Git(directory: tree.root)
      self.diff = diff
      Platform.detachThread { [self] in
        var staged: [Entry]?
        var error: Error?
        do { staged = try readStaged() } catch let failure { error = failure }
        answered.withLock {
          answer = staged
          failure = error
          answered.broadcast()
        }
      }
    }

    /// What the thread read: waits for it.
    func staged() throws -> [Entry] {
      answered.lock()
      defer { answered.unlock() }
      while answer == nil && failure == nil { answered.wait() }
      if let failure { throw failure }
      return answer ?? []
    }

    /// The thread's work, while the main thread builds the scanner: what is staged, HEAD's
    /// versions (cat-file reads them while the work tree's copies are read and hashed), and
    /// the lines each file adds.
    private func readStaged() throws -> [Entry] {
      let oldVersions: CatFileReader
      do {
        oldVersions = try CatFileReader(git: git)
      } catch {
        diff.discard()
        throw error
      }
      let files = try StagedDiff.parseRaw(diffOutput())
      let wanted = files.map { $0.isRegularFile && StagedScan.needsOldVersion($0) }
      oldVersions.request(zip(files, wanted).filter { $0.1 }.map { $0.0.oldBlob })
      let copies = StagedScan.workTreeCopies(of: files, root: git.directory, maxSize: Scanner.defaultMaxFileSize)
      var entries: [Entry] = []
      var budget = Self.oldVersionsBudget
      for (index, file) in files.enumerated() {
        var entry = Entry(file: file, copy: copies[index])
        if wanted[index] {
          entry.old = try oldVersions.next(object: file.oldBlob, maxSize: max(budget, 0))
          if case .blob(let bytes) = entry.old { budget -= bytes.count }
        }
        entries.append(entry)
      }
      oldVersions.stopReading()
      var leftToGit: [Int] = []
      for index in entries.indices {
        guard let copy = entries[index].copy else { continue }
        let (file, old) = (entries[index].file, entries[index].old)
        guard let diffed = copy.withUnsafeBufferPointer({ Self.addedLines(of: file, old: old, new: $0) }) else {
          leftToGit.append(index)
          continue
        }
        entries[index].file = diffed
        entries[index].linesKnown = true
      }
      // One patch for every file LineDiff left to git: a commit that rewrites many large
      // files starts one git, not one per file.
      let patched = try sections(of: patch(of: leftToGit.map { entries[$0].file }))
      for index in leftToGit {
        entries[index].file = Self.lines(of: entries[index].file, from: patched)
        entries[index].linesKnown = true
      }
      return entries
    }

    private func diffOutput() throws(GitError) -> [UInt8] {
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

    /// A cat-file reader for `objects`; nil when there are none, and no process is started.
    func catFile(for objects: [String]) throws -> CatFileReader? {
      guard !objects.isEmpty else { return nil }
      return try CatFileReader(git: git, objects: objects)
    }

    /// `file` with the lines its staged version `new` adds (nil: a version too large to hold):
    /// every line when HEAD held no text of it, none when the content is HEAD's, or a
    /// `LineDiff` of the two versions; nil when that is git's to say (the diff is past
    /// `LineDiff`'s budget, or a version was too large to read). Either version binary, as git
    /// judges it: every line.
    static func addedLines(of file: StagedFile, old: GitObject?, new: UnsafeBufferPointer<UInt8>?) -> StagedFile? {
      var file = file
      if let new, LineDiff.looksBinary(new) {
        file.everyLineAdded = true
        return file
      }
      if case .blob(let bytes) = old, bytes.withUnsafeBufferPointer(LineDiff.looksBinary) {
        file.everyLineAdded = true
        return file
      }
      if !file.hasOldText {
        // Every line: a streamed version's are not counted ahead, so none are listed.
        file.everyLineAdded = new == nil
        file.addedLines = new.map { LineDiff.lineCount($0) }.map { $0 > 0 ? [1...$0] : [] } ?? []
        return file
      }
      if file.oldBlob == file.blob { return file }
      guard case .blob(let bytes) = old, let new,
        let added = bytes.withUnsafeBufferPointer({ LineDiff.addedLines(old: $0, new: new) })
      else { return nil }
      file.addedLines = added
      return file
    }

    /// `file` with its added lines, from `addedLines(of:old:new:)` or else git's patch.
    func addedLinesOrPatch(of file: StagedFile, old: GitObject?, new: UnsafeBufferPointer<UInt8>?) throws -> StagedFile
    {
      if let diffed = Self.addedLines(of: file, old: old, new: new) { return diffed }
      return Self.lines(of: file, from: sections(of: try patch(of: [file])))
    }

    /// git's patch of `files` (with both paths of a rename, so that it is seen as one); none
    /// for no files.
    func patch(of files: [StagedFile]) throws(GitError) -> [StagedFile] {
      var patched: [StagedFile] = []
      // A few hundred paths a git, far below any system's limit on arguments.
      for start in stride(from: 0, to: files.count, by: 500) {
        let paths = files[start..<min(start + 500, files.count)].flatMap { [$0.path] + ($0.oldPath.map { [$0] } ?? []) }
        patched += try StagedDiff.parse(git.output(StagedDiff.arguments(paths: paths)))
      }
      return patched
    }

    /// git's sections by path: a commit that leaves many files to git looks each up once.
    private func sections(of patched: [StagedFile]) -> [String: StagedFile] {
      Dictionary(patched.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// `file` with the added lines `patched` gives it (none when git printed no section).
    static func lines(of file: StagedFile, from patched: [String: StagedFile]) -> StagedFile {
      var file = file
      guard let section = patched[file.path] else { return file }
      file.addedLines = section.addedLines
      file.everyLineAdded = section.everyLineAdded
      return file
    }
  }

  /// Scans what is staged, reading from processes already started.
  public func run(_ processes: Processes) throws -> ScanResult {
    let start = processes.started
    let staged = try processes.staged()
    var result = ScanResult()
    var scannable: [Processes.Entry] = []
    for entry in staged where entry.file.isRegularFile && !scanner.ownFiles.contains(relativePath: entry.file.path) {
      if scanner.config.isAllowlisted(entry.file.path) {
        result.summary.count(.allowlistedPath)
      } else {
        scannable.append(entry)
      }
    }
    let scanned = try scanBlobs(of: scannable, processes: processes, into: &result)
    for file in scanned where file.status == "A" {
      guard let rule = SensitiveFiles.rule(for: file.path) else { continue }
      result.findings.append(
        Finding(rule: rule, path: file.path, line: 1, column: 1, endLine: 1, secret: [], secretRange: 0..<0, entropy: 0)
      )
    }
    // A hook that passes while reading nothing is worse than no hook: it is trusted.
    let addedText = scanned.filter { !$0.addedLines.isEmpty || $0.everyLineAdded }
    if !addedText.isEmpty && result.summary.bytes == 0
      && result.summary.skippedBinary + result.summary.skippedTooLarge == 0
    {
      throw GitError.nothingRead(files: addedText.count)
    }
    result.finish(rules: scanner.detector.rules.count, duration: ContinuousClock.now - start)
    result.applyBaseline(of: scanner.filters)
    return result
  }

  /// Scans each file's staged version; returns the files with their added lines.
  private func scanBlobs(
    of entries: [Processes.Entry], processes: Processes, into result: inout ScanResult
  ) throws -> [StagedFile] {
    let files = entries.map { $0.file }
    // The thread read copies up to the default size limit; this scanner's may be lower.
    let copies = entries.map { entry in entry.copy.flatMap { $0.count <= scanner.maxFileSize ? $0 : nil } }
    let reader = try processes.catFile(for: zip(files, copies).filter { $0.1 == nil }.map { $0.0.blob })
    guard !files.isEmpty else { return files }
    let scratch = scanner.makeScratch()
    defer {
      result.explanations += scratch.explained
      result.incomplete += scratch.incomplete
    }
    var scanned = files
    for (index, file) in files.enumerated() {
      let target = ScanTarget(diskPath: file.path, displayPath: file.path, relativePath: file.path)
      let old = entries[index].old
      let content = try copies[index].map { GitObject.blob($0) } ?? next(file, from: reader)
      switch content {
      case .blob(let bytes):
        let file =
          entries[index].linesKnown && copies[index] != nil
          ? file : try bytes.withUnsafeBufferPointer { try processes.addedLinesOrPatch(of: file, old: old, new: $0) }
        scanned[index] = file
        let outcome = try bytes.withUnsafeBufferPointer { buffer throws -> FileOutcome in
          // git shows no hunks for files it treats as binary: all lines count.
          let isAdded = file.everyLineAdded ? nil : file.touchesAddedLine
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
        let file = try processes.addedLinesOrPatch(of: file, old: old, new: nil)
        scanned[index] = file
        let isAdded = file.everyLineAdded ? nil : file.touchesAddedLine
        // Over the size limit, it is scanned in chunks: memory stays bounded, and a hook
        // never passes a file it did not read.
        let fill = { (buffer: UnsafeMutableRawBufferPointer) throws -> Int in try reader?.readBlob(into: buffer) ?? 0 }
        let found = try ChunkedScan(limit: scanner.maxFileSize).findings(fill: fill) { chunk, linesBefore in
          let shifted = isAdded.map { isAdded in
            { (lines: ClosedRange<Int>) in isAdded(lines.lowerBound + linesBefore...lines.upperBound + linesBefore) }
          }
          return try scanner.findings(
            in: chunk, path: file.path, scratch: scratch, isAdded: shifted, linesBefore: linesBefore)
        }
        let outcome: FileOutcome = found.map { .scanned(bytes: $0.bytes, findings: $0.findings) } ?? .skipped(.binary)
        record(outcome, target: target, into: &result)
      case .other:
        // The index names something that is not a blob where a file's text should be: its
        // lines are not known, so none may pass unread (the "nothing read" guard).
        scanned[index].everyLineAdded = true
        result.add(.skipped(.notRegularFile), target: target)
      }
    }
    try reader?.finish()
    return scanned
  }

  /// Whether HEAD's version is read to find the added lines: a file that had text, changed.
  static func needsOldVersion(_ file: StagedFile) -> Bool {
    file.hasOldText && file.oldBlob != file.blob
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

  /// Each regular file's working-tree copy when it is byte for byte what is staged
  /// (`WorkTreeCopy`), up to 64 MiB in all: past that, cat-file streams the rest rather than
  /// the hook holding a huge first commit in memory twice.
  static func workTreeCopies(of files: [StagedFile], root: String, maxSize: Int) -> [[UInt8]?] {
    var budget = 64 << 20
    return files.map { file in
      guard budget > 0, file.isRegularFile,
        let copy = WorkTreeCopy.bytes(of: file, root: root, maxSize: min(maxSize, budget))
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
