/// The first root commit of HEAD's first-parent chain, which keys a repository's fingerprints
/// (`Fingerprinter`).
///
/// Finding it walks the whole chain (81 ms on redis's 9,000 first-parent commits), which every
/// machine-readable report with a finding paid, a pre-commit hook's among them. The answer is
/// kept in the git directory with the commit it was found from; a later lookup reads the chain
/// from HEAD only down to that commit, whose chain, and so whose root, is the rest of it. Exact
/// whatever happened since (new commits, another branch, a rewrite): a chain that never meets
/// the remembered commit is read to its end, as before.
struct RootCommitLookup {
  let git: Git
  /// Where the answer is kept; nil: not kept (no git directory found, or it cannot be written).
  let memoPath: String?

  /// The file in the git directory that keeps the last answer.
  static let memoName = "hush-root-commit"

  init(git: Git) {
    self.git = git
    memoPath = git.gitDirectory().map { PathName.join($0, Self.memoName) }
  }

  /// The root, or nil when HEAD has no commit or git fails.
  func firstRoot() -> String? {
    let known = memoPath.flatMap(Self.readMemo)
    guard let walk = try? walkChain(stoppingAt: known?.head) else { return nil }
    let root = walk.reachedKnown ? known?.root : walk.last
    guard let root, let head = walk.head else { return nil }
    if head != known?.head, let memoPath {
      // Best effort: a read-only repository only keeps walking.
      try? AtomicFile.write(Array("\(head) \(root)\n".utf8), to: memoPath, mode: 0o644)
    }
    return root
  }

  /// Reads `git rev-list --first-parent HEAD` until `known` (then closes the pipe: git stops
  /// there) or its end.
  private func walkChain(stoppingAt known: String?) throws -> (head: String?, last: String?, reachedKnown: Bool) {
    let child = try git.spawn(["rev-list", "--first-parent", "HEAD"])
    let errors = child.drainStandardError()
    var lines = LineReader(fd: child.stdout)
    var head: String?
    var last: String?
    while let line = lines.next() {
      if head == nil { head = line }
      if line == known {
        close(child.stdout)
        _ = child.wait()
        _ = errors.message()
        return (head, line, true)
      }
      last = line
    }
    close(child.stdout)
    let status = child.wait()
    guard status == 0 else {
      throw GitError.failed(command: "rev-list --first-parent HEAD", status: status, message: errors.message())
    }
    return (head, last, false)
  }

  /// The remembered `(head, root)`: two commit ids on one line; nil for anything else.
  static func readMemo(_ path: String) -> (head: String, root: String)? {
    guard let data = FileManager.default.contents(atPath: path), data.count < 512 else { return nil }
    let fields = String(decoding: data, as: UTF8.self).split(whereSeparator: { $0 == " " || $0 == "\n" })
    guard fields.count == 2, fields.allSatisfy(isCommitID) else { return nil }
    return (String(fields[0]), String(fields[1]))
  }

  private static func isCommitID(_ text: Substring) -> Bool {
    (text.utf8.count == 40 || text.utf8.count == 64)
      && text.utf8.allSatisfy { ($0 >= 48 && $0 <= 57) || ($0 >= 97 && $0 <= 102) }
  }
}

/// Lines of a pipe, read in chunks.
private struct LineReader {
  let fd: Int32
  private var buffer: [UInt8] = []
  private var start = 0
  private var atEnd = false

  init(fd: Int32) { self.fd = fd }

  mutating func next() -> String? {
    while true {
      if let newline = buffer[start...].firstIndex(of: 0x0A) {
        defer { start = newline + 1 }
        return String(decoding: buffer[start..<newline], as: UTF8.self)
      }
      guard !atEnd else {
        defer { start = buffer.count }
        return start < buffer.count ? String(decoding: buffer[start...], as: UTF8.self) : nil
      }
      buffer.removeFirst(start)
      start = 0
      var chunk = [UInt8](repeating: 0, count: 64 * 1024)
      let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
      if count < 0 && errno == EINTR { continue }
      if count <= 0 { atEnd = true } else { buffer += chunk[..<count] }
    }
  }
}
