/// `.gitleaksignore`, honoured so that a team moving from gitleaks keeps what it allowed.
/// Each line is a gitleaks fingerprint: `FILE:RULE:LINE` (a directory scan) or
/// `COMMIT:FILE:RULE:LINE` (a git scan); `#` starts a comment. Hush's rule ids are not
/// gitleaks', so an entry allows every finding on that line of that file (in that commit,
/// when it names one): the rule part is read, not matched.
public struct GitleaksIgnore: Sendable {
  /// The file's conventional name, at the root of the work tree.
  public static let fileName = ".gitleaksignore"

  struct Entry: Hashable {
    let commit: String?
    let path: String
    let line: Int
  }

  let entries: Set<Entry>
  let file: String

  /// The entries of `text`, read from `file`. Lines that are not fingerprints are skipped:
  /// gitleaks itself ignores them.
  public init(text: String, file: String) {
    self.file = file
    entries = Set(text.split(whereSeparator: \.isNewline).compactMap { Self.entry(String($0)) })
  }

  static func entry(_ raw: String) -> Entry? {
    let line = raw.trimmingBlanks()
    guard !line.isEmpty, !line.hasPrefix("#") else { return nil }
    // From the right: the line number, then the rule id (no colon in either); the rest is
    // the path, led by a commit id in a git scan's fingerprint.
    let parts = line.split(separator: ":", omittingEmptySubsequences: false)
    guard parts.count >= 3, let number = Int(parts[parts.count - 1]), number > 0 else { return nil }
    var pathParts = parts.dropLast(2)
    var commit: String?
    if pathParts.count > 1, let first = pathParts.first, first.count == 40 || first.count == 64,
      first.allSatisfy(\.isHexDigit)
    {
      commit = String(first).lowercased()
      pathParts = pathParts.dropFirst()
    }
    let path = pathParts.joined(separator: ":")
    return path.isEmpty ? nil : Entry(commit: commit, path: Self.normalized(path), line: number)
  }

  /// Whether an entry names the finding's line (and its commit, when the entry has one).
  func allows(_ finding: Finding) -> Bool {
    let path = Self.normalized(finding.path)
    if entries.contains(Entry(commit: nil, path: path, line: finding.line)) { return true }
    guard let commit = finding.origin?.commit.id.lowercased() else { return false }
    return entries.contains(Entry(commit: commit, path: path, line: finding.line))
  }

  private static func normalized(_ path: String) -> String {
    path.hasPrefix("./") ? String(path.dropFirst(2)) : path
  }
}
