// The rule-level contexts before the model: what a candidate is, whatever its score.

/// A rule-level context the model does not decide: a UUID given to an identifier's name
/// (`TenantId`, `ClientId`, `RequestId`, `ProjectGuid`, `UserSecretsId`, an Application
/// Insights `InstrumentationKey`), or written in braces as Windows writes a GUID (Visual
/// Studio solutions and projects, COM, the registry), names something, it does not grant
/// access. CredData's labels count most UUIDs as credentials whatever their name, so a model
/// trained on them reports these; Hush does not (issue 15: no finding on
/// `Tests/Accuracy/negatives`, none added on redis). A session id is a bearer credential, so
/// `session` keeps a UUID reportable. An OpenPGP key id or fingerprint given to `--recv-keys`
/// or a `fingerprint` names a public key the same way (`apt-key adv --recv-keys 4097…`).
enum IdentifierContext {
  /// Endings of a name that holds an identifier (`uid`, `sid`, `clsid` end in `id` too).
  static let identifierEndings = CandidateFeatures.bytes(["id", "guid", "uuid", "identifier"])
  /// Words that make any name an identifier's (Azure AD, Application Insights, tracing).
  static let identifierWords = CandidateFeatures.bytes(["tenant", "instrumentation", "correlation", "subscription"])
  static let credentialWords = CandidateFeatures.bytes(["session"])
  /// Endings of a name that holds an OpenPGP key id or fingerprint.
  static let keyIDEndings = CandidateFeatures.bytes([
    "recv-keys", "recv-key", "keyid", "key-id", "key_id", "fingerprint",
  ])

  /// Why the UUID or OpenPGP key id `value` (at `column` of `line`) is an identifier (its
  /// braces, or the identifier's name it is given to); nil for any other value or context.
  static func identifier(value: UnsafeBufferPointer<UInt8>, line: UnsafeBufferPointer<UInt8>, column: Int)
    -> String?
  {
    if isOpenPGPKeyID(value) {
      guard let name = givenName(line, column), keyIDEndings.contains(where: { name.lower.ends(with: $0) })
      else { return nil }
      return "an OpenPGP key id given to \(printable(name.bytes))"
    }
    guard isUUID(value) else { return nil }
    let end = column + value.count
    if column > 0, end < line.count, line[column - 1] == 0x7B, line[end] == 0x7D {
      return "a UUID in braces, as Windows writes a GUID"
    }
    guard let name = givenName(line, column),
      !credentialWords.contains(where: { CandidateFeatures.contains(name.lower, $0) })
    else { return nil }
    let isIdentifier =
      identifierEndings.contains { name.lower.ends(with: $0) }
      || identifierWords.contains { CandidateFeatures.contains(name.lower, $0) }
    return isIdentifier ? "a UUID given to \(printable(name.bytes))" : nil
  }

  /// The name the value at `column` is given to, and its bytes lower-cased; nil when none.
  private static func givenName(_ line: UnsafeBufferPointer<UInt8>, _ column: Int)
    -> (bytes: Slice<UnsafeBufferPointer<UInt8>>, lower: [UInt8])?
  {
    let name = line[CandidateFeatures.keyName(line, before: column).name]
    return name.isEmpty ? nil : (name, CandidateFeatures.lowered(Array(name)))
  }

  private static func printable(_ name: Slice<UnsafeBufferPointer<UInt8>>) -> String {
    Printable.text(String(decoding: name, as: UTF8.self))
  }

  /// An OpenPGP short or long key id or v4 fingerprint: 8, 16 or 40 hex digits.
  static func isOpenPGPKeyID(_ value: UnsafeBufferPointer<UInt8>) -> Bool {
    [8, 16, 40].contains(value.count) && value.allSatisfy(CandidateFeatures.isHex)
  }

  /// 36 bytes with dashes at 8, 13, 18 and 23 (the feature `is_uuid`).
  static func isUUID(_ value: UnsafeBufferPointer<UInt8>) -> Bool {
    value.count == 36 && [8, 13, 18, 23].allSatisfy { value[$0] == 0x2D }
  }
}

/// How many times the model is told a value occurs in its file (`file_repeats`). A value a file
/// repeats is, on CredData, a word of its code far more often than a credential (`None`,
/// `clientCreds.ClientSecret`, a fixture), and the model learned that; but a file also repeats a
/// real credential (a compose file giving one password to three services), and the model then
/// scores it under the thresholds (0.99 once, 0.31 three times). So a value that reads as
/// random, one that no filter flags, of three character classes or more, nine bytes or more,
/// with no `.` or parenthesis, is scored as if it occurred once. On CredData's held-out folds
/// this costs about 0.014 of F1 at strict precision 0.90 (training/README.md, recall11).
enum RepeatedValue {
  static func counted(_ repeats: Int, value: UnsafeBufferPointer<UInt8>, filter: FilterFeature?) -> Int {
    repeats > 1 && filter == nil && readsRandom(value) ? 1 : repeats
  }

  static func readsRandom(_ value: UnsafeBufferPointer<UInt8>) -> Bool {
    guard value.count >= 9 else { return false }
    // lower, upper, digit, other
    var classes = [false, false, false, false]
    for byte in value {
      switch byte {
      case 0x61...0x7A: classes[0] = true
      case 0x41...0x5A: classes[1] = true
      case 0x30...0x39: classes[2] = true
      case 0x2E, 0x28, 0x29: return false
      default: classes[3] = true
      }
    }
    return classes.count { $0 } >= 3
  }
}

/// A rule-level context the model does not decide: a value of capital letters (and `_`) alone,
/// shorter than 16, is a constant's name (`WITHDIST`, `MKSTREAM`: Redis's command tokens), not a
/// credential. CredData keeps each character's class when it obfuscates a value, so a model
/// trained on it sees random capitals on True lines and scores such names up to 0.67; on
/// CredData's held-out predictions at 0.55 the drop takes 20 False or unlabelled candidates
/// and 9 True ones.
enum ConstantContext {
  static let maximumLength = 15

  static func isConstant(_ value: UnsafeBufferPointer<UInt8>) -> Bool {
    !value.isEmpty && value.count <= maximumLength && value.allSatisfy { ($0 >= 0x41 && $0 <= 0x5A) || $0 == 0x5F }
  }
}

/// A rule-level context the model does not decide: a bare value joined to its name by a colon
/// alone (`SET auth:fea5…` in Redis, `image:tag`, `urn:ietf:params`) is a key path, not an
/// assignment: YAML needs `: `, JSON quotes its names, INI, TOML and shells use `=`. On
/// CredData's folds 2–5, 840 such candidates are on False lines and 572 on unlabelled ones,
/// against a dozen on True lines. Two syntaxes do assign with a bare colon and keep it: a
/// placeholder's default (`${app.secret.key:…}`, Spring and shells) and Java properties.
enum KeyPathContext {
  /// The assignment grammar's rule: other candidates read a colon their own way (`/password:x`
  /// is a Windows command-line flag).
  static let rule = "cand-assign"

  static let propertiesSuffix = Array(".properties".utf8)

  static func isKeyPath(line: UnsafeBufferPointer<UInt8>, column: Int, path: [UInt8]) -> Bool {
    guard column > 0, column < line.count, line[column - 1] == 0x3A, !CandidateFeatures.isQuote(line[column]) else {
      return false
    }
    let (name, betweenStart) = CandidateFeatures.keyName(line, before: column)
    guard betweenStart == column - 1, !name.isEmpty else { return false }
    if name.lowerBound >= 2, line[name.lowerBound - 2] == 0x24, line[name.lowerBound - 1] == 0x7B { return false }
    return !path.ends(with: propertiesSuffix)
  }
}

extension Array where Element == UInt8 {
  fileprivate func ends(with suffix: [UInt8]) -> Bool {
    count >= suffix.count && self[(count - suffix.count)...].elementsEqual(suffix)
  }
}
