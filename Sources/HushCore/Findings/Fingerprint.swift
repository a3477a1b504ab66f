import Crypto

/// Keyed fingerprints of secrets: HMAC-SHA-256 over (rule id, secret). Without the key, a
/// fingerprint cannot be checked against a list of guessed secrets.
public struct Fingerprinter: Sendable {
  // Key bytes rather than SymmetricKey, which swift-crypto 3 does not mark Sendable.
  private let key: [UInt8]

  /// A fresh random key: fingerprints group findings within one run only.
  public init() { key = SymmetricKey(size: .bits256).withUnsafeBytes { Array($0) } }

  /// A fixed key (a baseline's salt), for fingerprints that compare across runs.
  public init(salt: [UInt8]) { key = salt }

  /// Fingerprints that are the same on every run and every machine for one repository, keyed
  /// by the id of its first root commit: stable for code scanning (SARIF
  /// `partialFingerprints`), yet someone holding only a report, not the repository, cannot
  /// test guessed secrets against them. Without a commit (a new repository, files outside
  /// git) the key is random: fingerprints then group findings within one run only.
  public init(repositoryRoot rootCommit: String?) {
    guard let rootCommit else {
      self.init()
      return
    }
    self.init(salt: Array(SHA256.hash(data: Array("hush fingerprint key v1\0\(rootCommit)".utf8))))
  }

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
    let code = HMAC<SHA256>.authenticationCode(for: message, using: SymmetricKey(data: key))
    return code.map { byte in
      let hex = String(byte, radix: 16)
      return byte < 16 ? "0" + hex : hex
    }.joined()
  }
}
