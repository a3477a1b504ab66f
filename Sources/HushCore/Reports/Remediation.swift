/// One leaked secret, however many places it appears: what to rotate, where it is, how long
/// it has been exposed.
public struct LeakedSecret: Sendable {
  let rule: Rule
  let fingerprint: String
  /// Redacted, for display.
  public let redacted: String
  let firstCommit: Commit
  let paths: [String]
  /// Places it was added at: one per finding and per other path of the same blob.
  public let occurrences: Int
  let isInHead: Bool
  /// Whole days since the commit that introduced it.
  public let exposedDays: Int
  /// A file that is a secret as a whole (`.env`): purged by path, not by text.
  public let isWholeFile: Bool
  /// The plaintext, for the purge file only.
  let secret: [UInt8]
  /// Every place a commit added it at, oldest first: the first introduction and its copies.
  let places: [Place]
  /// When HEAD holds it nowhere: the latest commit that took it out of its last path.
  let removal: Commit?

  /// Whole days it stayed in the tree, from its introduction to its removal; nil while HEAD
  /// holds it (then `exposedDays` is the whole story).
  public var daysUntilRemoved: Int? {
    removal.map { max(0, ($0.time - firstCommit.time) / 86_400) }
  }

  /// One path a commit added the secret at, and what became of it there.
  struct Place: Sendable {
    let path: String
    let commit: Commit
    /// What became of it at its first path: later commits, HEAD, removal.
    var fate: Origin?
    /// At a copy's path (the same blob added elsewhere): whether HEAD holds it, when known.
    var copyInHead: Bool?

    init(path: String, commit: Commit, fate: Origin) {
      self.path = path
      self.commit = commit
      self.fate = fate
    }

    init(path: String, commit: Commit, copyInHead: Bool?) {
      self.path = path
      self.commit = commit
      self.copyInHead = copyInHead
    }
  }
}

/// The remediation plan of a history scan: findings grouped by secret, rotation first, then
/// how to purge the history.
public struct Remediation: Sendable {
  let secrets: [LeakedSecret]
  /// Where `--write-purge-file` wrote (or would write) the replacements.
  public let purgeFile: String?

  static let warning =
    "Purging history does not un-leak a secret: every clone, fork, CI cache and mirror made before "
    + "still has it. Rotate each secret first; purge only to stop the history from spreading it further."

  /// The last purge step: not a command, what everyone must do after the force-push.
  static let recloneStep =
    "Everyone re-clones (old clones still hold the secrets); ask the host to drop cached views and pull-request refs."

  /// Groups findings by (rule, secret), oldest first.
  public init(findings: [Finding], fingerprinter: Fingerprinter, now: Int, purgeFile: String?) {
    var groups: [SecretKey: [Finding]] = [:]
    var order: [SecretKey] = []
    for finding in findings where finding.origin != nil {
      let key = SecretKey(finding)
      if groups[key] == nil { order.append(key) }
      groups[key, default: []].append(finding)
    }
    secrets = order.compactMap { key in
      guard let group = groups[key],
        let first = group.min(by: { ($0.origin?.commit.time ?? 0) < ($1.origin?.commit.time ?? 0) }),
        let commit = first.origin?.commit
      else { return nil }
      return LeakedSecret(
        rule: first.rule, fingerprint: fingerprinter.fingerprint(rule: key.rule, secret: key.secret),
        redacted: first.isWholeFile ? "" : first.redacted, firstCommit: commit,
        paths: Array(Set(group.flatMap { [$0.path] + ($0.origin?.otherPaths ?? []) })).sorted(),
        occurrences: group.reduce(0) { $0 + 1 + ($1.origin?.otherPaths.count ?? 0) },
        isInHead: group.contains(where: Self.isInHead), exposedDays: max(0, (now - commit.time) / 86_400),
        isWholeFile: first.isWholeFile, secret: first.secret, places: Self.places(group),
        removal: Self.removal(group))
    }
    self.purgeFile = purgeFile
  }

  /// Where each finding of one secret was added (its copies at other paths included), oldest
  /// first.
  static func places(_ group: [Finding]) -> [LeakedSecret.Place] {
    group.flatMap { finding -> [LeakedSecret.Place] in
      guard let origin = finding.origin else { return [] }
      let known = Set(origin.copies.map(\.path))
      let copies =
        origin.copies.map { LeakedSecret.Place(path: $0.path, commit: $0.commit, copyInHead: $0.isInHead) }
        + origin.otherPaths.filter { !known.contains($0) }.map {
          LeakedSecret.Place(path: $0, commit: origin.commit, copyInHead: nil)
        }
      return [LeakedSecret.Place(path: finding.path, commit: origin.commit, fate: origin)] + copies
    }
    .sorted { ($0.commit.time, $0.path) < ($1.commit.time, $1.path) }
  }

  /// Whether HEAD holds a finding's secret at its path or at a copy's.
  static func isInHead(_ finding: Finding) -> Bool {
    guard let origin = finding.origin else { return false }
    return origin.isInHead || origin.copies.contains(where: \.isInHead)
  }

  /// The latest removal of a secret HEAD no longer holds anywhere; nil while it does, or when
  /// no removal was seen (a commit message is never removed).
  static func removal(_ group: [Finding]) -> Commit? {
    guard !group.contains(where: isInHead) else { return nil }
    return group.compactMap { $0.origin?.removal }.max { $0.time < $1.time }
  }

  /// The commands that rewrite history without the secrets, in order.
  public var purgeSteps: [String] {
    guard !secrets.isEmpty else { return [] }
    var steps: [String] = []
    if secrets.contains(where: { !$0.isWholeFile }) {
      let file = purgeFile ?? "../hush-purge.txt"
      if purgeFile == nil { steps.append("hush history --write-purge-file \(Shell.quoted(file))") }
      // A secret in a commit message is rewritten by --replace-message, with the same file.
      let inMessage = secrets.contains { $0.paths.contains(Commit.messagePath) }
      let messages = inMessage ? " --replace-message \(Shell.quoted(file))" : ""
      steps.append("git filter-repo --sensitive-data-removal --replace-text \(Shell.quoted(file))\(messages)")
    }
    let wholeFiles = Set(secrets.filter(\.isWholeFile).flatMap(\.paths)).sorted()
    if !wholeFiles.isEmpty {
      let paths = wholeFiles.map { "--path " + Shell.quoted($0) }.joined(separator: " ")
      steps.append("git filter-repo --sensitive-data-removal --invert-paths \(paths)")
    }
    steps.append("git push --force --mirror origin")
    steps.append(Self.recloneStep)
    return steps
  }

  /// git filter-repo's `--replace-text` file: one expression per secret. The only output of
  /// Hush that holds plaintext secrets.
  public var replacements: [UInt8] {
    var text: [UInt8] = Array("# Written by hush history: plaintext secrets. Delete this file after the purge.\n".utf8)
    for secret in secrets where !secret.isWholeFile {
      // Expressions are one line each: a multi-line key becomes an escaped regex.
      let multiLine = secret.secret.contains(10) || secret.secret.contains(13)
      text += Array((multiLine ? "regex:" : "literal:").utf8)
      text += multiLine ? Self.regexEscaped(secret.secret) : secret.secret
      text += Array("==>***REMOVED***\n".utf8)
    }
    return text
  }

  /// Python `re` escaping: ASCII punctuation gets a backslash, line ends become `\n`, `\r`.
  static func regexEscaped(_ bytes: [UInt8]) -> [UInt8] {
    var escaped: [UInt8] = []
    for byte in bytes {
      switch byte {
      case 10: escaped += Array("\\n".utf8)
      case 13: escaped += Array("\\r".utf8)
      case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x80...: escaped.append(byte)
      default:
        escaped.append(UInt8(ascii: "\\"))
        escaped.append(byte)
      }
    }
    return escaped
  }
}
