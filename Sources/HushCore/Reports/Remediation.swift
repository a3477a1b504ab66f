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
        isInHead: group.contains { $0.origin?.isInHead == true }, exposedDays: max(0, (now - commit.time) / 86_400),
        isWholeFile: first.isWholeFile, secret: first.secret)
    }
    self.purgeFile = purgeFile
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
    steps.append(
      "Everyone re-clones (old clones still hold the secrets); ask the host to drop cached views and pull-request refs."
    )
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
