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

  func fingerprint(rule: String, secret: [UInt8]) -> String {
    var message = Array(rule.utf8)
    message.append(0)
    message += secret
    let code = HMAC<SHA256>.authenticationCode(for: message, using: SymmetricKey(data: key))
    return code.map { byte in
      let hex = String(byte, radix: 16)
      return byte < 16 ? "0" + hex : hex
    }.joined()
  }
}
