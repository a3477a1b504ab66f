import Crypto

/// A memo of this machine's scrypt results for one baseline, so that rescanning baselined
/// findings costs an HMAC each, not a KDF: the KDF is paid once per finding per machine.
/// It lives in the user's cache directory, never in the repository, under a random key of
/// its own. Whoever can read it can test guesses at HMAC speed, as whoever can read the work
/// tree can read the secrets themselves; a committed or leaked baseline (or `.git`) gains
/// nothing from it.
struct BaselineMemo {
  let file: String
  private let key: [UInt8]
  /// Tag of (baseline salt, rule, path, secret) → that finding's scrypt fingerprint.
  private var fingerprints: [String: String] = [:]
  private(set) var isChanged = false

  /// The memo at `file`, or an empty one with a fresh key when it is missing or unreadable.
  init(file: String) {
    self.file = file
    let lines =
      FileManager.default.contents(atPath: file).map { String(decoding: $0, as: UTF8.self) }?
      .split(separator: "\n") ?? []
    if let first = lines.first, let key = Baseline.bytes(fromHex: String(first)), key.count == 32 {
      self.key = key
      for line in lines.dropFirst() {
        let parts = line.split(separator: " ")
        if parts.count == 2 { fingerprints[String(parts[0])] = String(parts[1]) }
      }
    } else {
      key = SymmetricKey(size: .bits256).withUnsafeBytes { Array($0) }
      isChanged = true
    }
  }

  func tag(salt: [UInt8], rule: String, path: String, secret: [UInt8]) -> String {
    var message = salt
    for part in [Array(rule.utf8), Array(path.utf8), secret] {
      message.append(0)
      message += part
    }
    return Baseline.hex(Array(HMAC<SHA256>.authenticationCode(for: message, using: SymmetricKey(data: key))))
  }

  subscript(tag: String) -> String? { fingerprints[tag] }

  mutating func remember(_ tag: String, _ fingerprint: String) {
    guard fingerprints[tag] != fingerprint else { return }
    fingerprints[tag] = fingerprint
    isChanged = true
  }

  /// Writes the memo (mode 0600, its directory 0700) when it changed; a memo that cannot be
  /// written only costs the next scan time, so failures are ignored.
  func saveIfChanged() {
    guard isChanged else { return }
    let directory = PathName.parent(of: file)
    try? FileManager.default.createDirectory(
      atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    let text = Baseline.hex(key) + "\n" + fingerprints.map { "\($0) \($1)\n" }.sorted().joined()
    try? AtomicFile.write(Array(text.utf8), to: file, mode: 0o600)
  }

  /// The memo file of the baseline with `salt`: `$XDG_CACHE_HOME/hush/` (or `~/.cache/hush/`),
  /// named by a hash of the salt so each baseline has its own; nil without a home.
  static func file(salt: [UInt8], environment: [String: String]) -> String? {
    let cache =
      environment["XDG_CACHE_HOME"].flatMap { $0.hasPrefix("/") ? $0 : nil }
      ?? environment["HOME"].map { PathName.join($0, ".cache") }
    guard let cache else { return nil }
    let name = Baseline.hex(Array(SHA256.hash(data: salt)).prefix(16).map { $0 })
    return PathName.join(PathName.join(cache, "hush"), "baseline-\(name).memo")
  }
}
