import Crypto
import Synchronization

/// Keyed fingerprints of secrets: HMAC-SHA-256 over (rule id, secret). Without the key, a
/// fingerprint cannot be checked against a list of guessed secrets.
public struct Fingerprinter: Sendable {
  /// The key, or how to get it: a repository's key needs its first root commit, a walk of
  /// HEAD's first-parent chain (80 ms on redis's 19,000 commits), paid at the first
  /// fingerprint only, so a report with no finding (the usual hook run) never pays it.
  private final class Key: Sendable {
    private let state: Mutex<(bytes: [UInt8]?, derive: (@Sendable () -> [UInt8])?)>
    init(_ bytes: [UInt8]) { state = Mutex((bytes, nil)) }
    init(deriving derive: @escaping @Sendable () -> [UInt8]) { state = Mutex((nil, derive)) }
    var bytes: [UInt8] {
      state.withLock { state in
        if let bytes = state.bytes { return bytes }
        let bytes = state.derive?() ?? []
        state = (bytes, nil)
        return bytes
      }
    }
  }
  private let key: Key

  /// A fresh random key: fingerprints group findings within one run only.
  public init() { key = Key(Self.randomKey()) }

  /// A fixed key (a baseline's salt), for fingerprints that compare across runs.
  public init(salt: [UInt8]) { key = Key(salt) }

  /// Fingerprints that are the same on every run and every machine for one repository, keyed
  /// by the id of its first root commit: stable for code scanning (SARIF
  /// `partialFingerprints`), yet someone holding only a report, not the repository, cannot
  /// test guessed secrets against them. Without a commit (a new repository, files outside
  /// git) the key is random: fingerprints then group findings within one run only.
  public init(repositoryRoot rootCommit: String?) {
    key = Key(Self.key(rootCommit: rootCommit))
  }

  /// `init(repositoryRoot:)` with the root commit looked up by `rootCommit` only when the
  /// first fingerprint is asked for.
  public init(rootCommit lookUp: @escaping @Sendable () -> String?) {
    key = Key(deriving: { Self.key(rootCommit: lookUp()) })
  }

  private static func key(rootCommit: String?) -> [UInt8] {
    guard let rootCommit else { return randomKey() }
    return Array(SHA256.hash(data: Array("hush fingerprint key v1\0\(rootCommit)".utf8)))
  }

  private static func randomKey() -> [UInt8] { SymmetricKey(size: .bits256).withUnsafeBytes { Array($0) } }

  func fingerprint(rule: String, secret: [UInt8]) -> String {
    var message = Array(rule.utf8)
    message.append(0)
    message += secret
    return code(of: message)
  }

  /// The same secret at the same path: one code-scanning alert per place, not per secret.
  func fingerprint(rule: String, path: String, secret: [UInt8]) -> String {
    var message = Array(rule.utf8)
    message.append(0)
    message += Array(path.utf8)
    message.append(0)
    message += secret
    return code(of: message)
  }

  private func code(of message: [UInt8]) -> String {
    let code = HMAC<SHA256>.authenticationCode(for: message, using: SymmetricKey(data: key.bytes))
    return code.map { byte in
      let hex = String(byte, radix: 16)
      return byte < 16 ? "0" + hex : hex
    }.joined()
  }
}
