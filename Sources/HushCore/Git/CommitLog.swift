/// One file a commit adds or modifies, relative to its first parent (or, for merges read
/// as combined diffs, relative to every parent).
public struct Change: Sendable, Equatable {
  /// Index of the commit in `CommitLog.commits`.
  public let commit: Int
  let path: String
  /// The blob before the change at that path (first parent's), or nil when it is new.
  public let oldBlob: String?
  /// The blob after it, or nil for a deletion.
  public let newBlob: String?
  /// Whether the new side is a regular file (not a symlink, submodule or deletion).
  public let isRegularFile: Bool
}

/// The commits of a `git log --raw -z` run and the changes they make, in log order (newest
/// first by default).
public struct CommitLog: Sendable {
  var commits: [Commit] = []
  var changes: [Change] = []

  /// How merge commits' changes are listed.
  public enum MergeDiffs: String, Sendable {
    /// Against the first parent: exact for tracking what each commit's tree holds.
    case firstParent = "first-parent"
    /// Only paths that differ from every parent: what the merge itself introduces.
    case combined = "combined"
  }

  /// `git log` arguments whose output `parse` reads; user config (renames, signatures,
  /// colour, mailmap-free names) is pinned.
  public static func arguments(revisions: [String], since: String?, merges: MergeDiffs) -> [String] {
    var arguments = [
      "log", "--raw", "-z", "--no-abbrev", "--no-renames", "--no-show-signature", "--no-color",
      "--no-ext-diff", "--diff-merges=\(merges.rawValue)", "--format=\u{1}%H %P%x00%an%x00%ae%x00%ct%x00%s%x00%B",
    ]
    if let since { arguments.append("--since=\(since)") }
    arguments += revisions.isEmpty ? ["--all"] : revisions
    // Revisions only: a name that is also a file must not be read as a path.
    arguments.append("--")
    return arguments
  }

  private static let commitStart: UInt8 = 1
  private static let zeroID = String(repeating: "0", count: 40)

  static func parse(_ output: [UInt8]) throws(GitError) -> CommitLog {
    var log = CommitLog()
    var position = 0
    while position < output.count {
      switch output[position] {
      case commitStart:
        guard let commit = header(output, &position) else { throw malformed("commit header") }
        log.commits.append(commit)
      case UInt8(ascii: ":"):
        guard !log.commits.isEmpty, let change = rawRecord(output, &position, commit: log.commits.count - 1) else {
          throw malformed("raw record")
        }
        log.changes.append(change)
      default:
        position += 1  // the NUL and newline between a header and its records
      }
    }
    return log
  }

  private static func malformed(_ what: String) -> GitError {
    .failed(command: "log", status: 0, message: "unexpected output (\(what))")
  }

  /// `\x01 id parents NUL author NUL email NUL time NUL subject NUL message`, ended by a NUL.
  private static func header(_ bytes: [UInt8], _ position: inout Int) -> Commit? {
    var fields: [String] = []
    var start = position + 1
    while fields.count < 6 {
      guard let end = bytes[start...].firstIndex(of: 0) else {
        // The last commit's message may end the output.
        guard fields.count == 5 else { return nil }
        fields.append(String(decoding: bytes[start...], as: UTF8.self))
        start = bytes.count
        break
      }
      fields.append(String(decoding: bytes[start..<end], as: UTF8.self))
      start = end + 1
    }
    position = start
    let ids = fields[0].split(separator: " ").map(String.init)
    guard let id = ids.first, let time = Int(fields[3]) else { return nil }
    return Commit(
      id: id, parents: Array(ids.dropFirst()), author: fields[1], email: fields[2], time: time, subject: fields[4],
      message: fields[5])
  }

  /// `:mode… sha… status NUL path NUL`, with as many colons as the diff has parents.
  private static func rawRecord(_ bytes: [UInt8], _ position: inout Int, commit: Int) -> Change? {
    guard let fieldsEnd = bytes[position...].firstIndex(of: 0),
      let pathEnd = bytes[(fieldsEnd + 1)...].firstIndex(of: 0)
    else { return nil }
    let parents = bytes[position...].prefix { $0 == UInt8(ascii: ":") }.count
    let fields = bytes[(position + parents)..<fieldsEnd].split(separator: UInt8(ascii: " ")).map {
      String(decoding: $0, as: UTF8.self)
    }
    guard fields.count == 2 * (parents + 1) + 1 else { return nil }
    position = pathEnd + 1
    let newMode = fields[parents]
    let oldBlob = fields[parents + 1]
    let newBlob = fields[2 * parents + 1]
    return Change(
      commit: commit, path: String(decoding: bytes[(fieldsEnd + 1)..<pathEnd], as: UTF8.self),
      oldBlob: oldBlob == zeroID ? nil : oldBlob, newBlob: newBlob == zeroID ? nil : newBlob,
      isRegularFile: newMode == "100644" || newMode == "100755")
  }
}
