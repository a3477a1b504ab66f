import Dispatch

/// Progress of a long scan, reported from the reading thread.
public struct ScanProgress: Sendable {
  let done: Int
  let total: Int
  let bytes: Int
  let elapsed: Duration
}

/// Reads blobs through one `git cat-file --batch` and scans them on every core at once: the
/// reader hands each blob to a bounded queue, so memory stays flat however large the history.
struct BlobPipeline: Sendable {
  let scanner: Scanner
  let git: Git
  /// Blobs waiting in the queue, in bytes, before the reader waits for the scanners.
  static let queueLimit = 32 << 20

  /// Findings per blob (same order as `blobs`; `paths[i]` is what rules' globs see) and the
  /// counts of what was read and skipped.
  func scan(_ blobs: [String], paths: [String], progress: (@Sendable (ScanProgress) -> Void)? = nil)
    throws -> (findings: [[Finding]], summary: ScanSummary, explanations: [Explanation])
  {
    let slots = Slots<[Finding]>(count: blobs.count)
    let queue = BlobQueue(limit: Self.queueLimit)
    let workers = DispatchGroup()
    for _ in 0..<max(1, ProcessInfo.processInfo.activeProcessorCount) {
      workers.enter()
      Platform.detachThread { [scanner] in
        Self.work(queue: queue, slots: slots, paths: paths, scanner: scanner)
        workers.leave()
      }
    }
    var readError: (any Error)?
    do {
      try read(blobs, paths: paths, into: queue, progress: progress)
    } catch {
      readError = error
    }
    queue.close()
    workers.wait()
    if let error = queue.failure ?? readError { throw error }
    return (blobs.indices.map { slots[$0] ?? [] }, queue.summary, queue.explanations.sorted())
  }

  private func read(
    _ blobs: [String], paths: [String], into queue: BlobQueue, progress: (@Sendable (ScanProgress) -> Void)?
  ) throws {
    guard !blobs.isEmpty else { return }
    let reader = try CatFileReader(git: git, objects: blobs)
    let clock = ContinuousClock()
    let start = clock.now
    var lastReport = start
    var bytes = 0
    for (index, blob) in blobs.enumerated() {
      guard !queue.isFailed else { break }
      switch try reader.next(object: blob, maxSize: scanner.maxFileSize) {
      case .blob(let content):
        bytes += content.count
        queue.push(index, content)
      case .tooLarge:
        queue.count { $0.skippedTooLarge += 1 }
        // A blob not scanned is named, never only counted (pre-push fails on it).
        queue.explain([Explanation(path: paths[index], reason: .tooLarge)])
      case .other: queue.count { $0.skippedSpecial += 1 }
      }
      if let progress, clock.now - lastReport > .milliseconds(250) {
        lastReport = clock.now
        progress(ScanProgress(done: index + 1, total: blobs.count, bytes: bytes, elapsed: clock.now - start))
      }
    }
    try reader.finish()
  }

  private static func work(queue: BlobQueue, slots: Slots<[Finding]>, paths: [String], scanner: Scanner) {
    let scratch = scanner.makeScratch()
    var summary = ScanSummary()
    defer { queue.explain(scratch.explained + scratch.incomplete) }
    while let (index, content) = queue.pop() {
      do {
        try content.withUnsafeBufferPointer { buffer in
          if FileReader.isBinary(buffer) {
            summary.skippedBinary += 1
            return
          }
          summary.files += 1
          summary.bytes += buffer.count
          let found = try scanner.findings(in: buffer, path: paths[index], scratch: scratch)
          if !found.isEmpty { slots[index] = found }
        }
      } catch {
        queue.fail(error)
      }
    }
    queue.count { $0.merge(summary) }
  }
}

/// The hand-over between the reader and the scanners: blobs in order of reading, bounded in
/// bytes, plus the totals and the first error.
// @unchecked: every property is guarded by `condition`.
final class BlobQueue: @unchecked Sendable {
  private let condition = Condition()
  private let limit: Int
  private var items: [(Int, [UInt8])] = []
  private var head = 0
  private var queuedBytes = 0
  private var isClosed = false
  private var totals = ScanSummary()
  private var error: (any Error)?
  private var explained: [Explanation] = []

  init(limit: Int) { self.limit = limit }

  /// Adds a blob; waits while the queue is full (one blob larger than the limit still fits
  /// when the queue is empty).
  func push(_ index: Int, _ bytes: [UInt8]) {
    condition.lock()
    defer { condition.unlock() }
    while queuedBytes > 0 && queuedBytes + bytes.count > limit && error == nil { condition.wait() }
    items.append((index, bytes))
    queuedBytes += bytes.count
    condition.broadcast()
  }

  /// The next blob, or nil once the queue is closed and empty (or failed).
  func pop() -> (Int, [UInt8])? {
    condition.lock()
    defer { condition.unlock() }
    while head == items.count && !isClosed && error == nil { condition.wait() }
    guard head < items.count, error == nil else { return nil }
    let item = items[head]
    items[head] = (0, [])
    head += 1
    if head > 1024 && head * 2 > items.count {
      items.removeFirst(head)
      head = 0
    }
    queuedBytes -= item.1.count
    condition.broadcast()
    return item
  }

  func close() {
    condition.lock()
    isClosed = true
    condition.broadcast()
    condition.unlock()
  }

  func fail(_ failure: any Error) {
    condition.lock()
    error = error ?? failure
    condition.broadcast()
    condition.unlock()
  }

  var isFailed: Bool { condition.withLock { error != nil } }
  var failure: (any Error)? { condition.withLock { error } }
  var summary: ScanSummary { condition.withLock { totals } }

  func count(_ update: (inout ScanSummary) -> Void) { condition.withLock { update(&totals) } }

  func explain(_ lines: [Explanation]) { condition.withLock { explained += lines } }
  var explanations: [Explanation] { condition.withLock { explained } }
}

extension ScanSummary {
  mutating func merge(_ other: ScanSummary) {
    files += other.files
    bytes += other.bytes
    skippedBinary += other.skippedBinary
    skippedTooLarge += other.skippedTooLarge
    skippedSpecial += other.skippedSpecial
    skippedAllowlisted += other.skippedAllowlisted
    unreadable += other.unreadable
    skippedRepositories += other.skippedRepositories
    incomplete += other.incomplete
  }
}
