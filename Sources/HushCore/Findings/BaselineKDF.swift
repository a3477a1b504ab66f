import Crypto
import Dispatch
import _CryptoExtras

/// The slow, memory-hard fingerprint of a baseline entry (format 2): scrypt of (rule id,
/// secret), salted per entry by the baseline's salt, the rule and the path. A committed
/// baseline then costs a guesser one scrypt per guessed password and per (rule, path): the
/// salt alone no longer lets a weak password be tried against every entry at HMAC speed.
struct BaselineKDF: Sendable {
  // scrypt N = 2^13, r = 8, p = 1: 8 MiB per guess. N = 2^12 measured 8.8 ms of CPU per
  // scrypt in a release build on this project's 2-core EPYC (1,000 in 8.76 s), under the
  // 10 ms a guess must cost; 2^13 measured 18.9 ms (1,000 in 18.93 s of CPU). Memory-hard, so a GPU gains far less than on
  // PBKDF2, the other KDF swift-crypto offers. A scan pays it once per finding per machine
  // (`BaselineMemo`).
  static let rounds = 1 << 13
  static let blockSize = 8

  private let salt: [UInt8]

  init(salt: [UInt8]) { self.salt = salt }

  /// The entry's own salt: keyed by the baseline's salt, so equal (rule, path) pairs give
  /// the same entry on every branch and baselines still merge line by line.
  func entrySalt(rule: String, path: String) -> [UInt8] {
    var message = Array(rule.utf8)
    message.append(0)
    message += Array(path.utf8)
    return Array(HMAC<SHA256>.authenticationCode(for: message, using: SymmetricKey(data: salt)))
  }

  func fingerprint(rule: String, path: String, secret: [UInt8]) -> String {
    var password = Array(rule.utf8)
    password.append(0)
    password += secret
    let key = try? KDF.Scrypt.deriveKey(
      from: password, salt: entrySalt(rule: rule, path: path), outputByteCount: 32, rounds: Self.rounds,
      blockSize: Self.blockSize, parallelism: 1)
    // The parameters are constants that BoringSSL accepts; a failure would be a broken build.
    guard let key else { preconditionFailure("scrypt rejected hush's fixed parameters") }
    return Baseline.hex(key.withUnsafeBytes { Array($0) })
  }

  /// `work` for each index in `0..<count`, on all cores: each scrypt is independent.
  static func concurrentMap<T: Sendable>(_ count: Int, _ work: @Sendable (Int) -> T) -> [T] {
    let results = Slots<T>(count: count)
    DispatchQueue.concurrentPerform(iterations: count) { results[$0] = work($0) }
    // Every slot is filled once concurrentPerform returns.
    return (0..<count).compactMap { results[$0] }
  }
}
