// The rule-level contexts before the model: what a candidate is, whatever its score.

/// A rule-level context the model does not decide: a UUID given to an identifier's name
/// (`TenantId`, `ClientId`, `RequestId`, `ProjectGuid`, `UserSecretsId`, an Application
/// Insights `InstrumentationKey`), or written in braces as Windows writes a GUID (Visual
/// Studio solutions and projects, COM, the registry), names something, it does not grant
/// access. CredData's labels count most UUIDs as credentials whatever their name, so a model
/// trained on them reports these; Hush does not (issue 15: no finding on
/// `Tests/Accuracy/negatives`, none added on redis). A session id is a bearer credential, so
/// `session` keeps a UUID reportable.
enum IdentifierContext {
  /// Endings of a name that holds an identifier (`uid`, `sid`, `clsid` end in `id` too).
  static let identifierEndings = CandidateFeatures.bytes(["id", "guid", "uuid", "identifier"])
  /// Words that make any name an identifier's (Azure AD, Application Insights, tracing).
  static let identifierWords = CandidateFeatures.bytes(["tenant", "instrumentation", "correlation", "subscription"])
  static let credentialWords = CandidateFeatures.bytes(["session"])

  /// Why the UUID `value` (at `column` of `line`) is an identifier (its braces, or the
  /// identifier's name it is given to); nil for any other value or context.
  static func identifier(value: UnsafeBufferPointer<UInt8>, line: UnsafeBufferPointer<UInt8>, column: Int)
    -> String?
  {
    guard isUUID(value) else { return nil }
    let end = column + value.count
    if column > 0, end < line.count, line[column - 1] == 0x7B, line[end] == 0x7D {
      return "in braces, as Windows writes a GUID"
    }
    let name = line[CandidateFeatures.keyName(line, before: column).name]
    guard !name.isEmpty else { return nil }
    let lower = CandidateFeatures.lowered(Array(name))
    guard !credentialWords.contains(where: { CandidateFeatures.contains(lower, $0) }) else { return nil }
    let isIdentifier =
      identifierEndings.contains { lower.ends(with: $0) }
      || identifierWords.contains { CandidateFeatures.contains(lower, $0) }
    return isIdentifier ? "given to \(Printable.text(String(decoding: name, as: UTF8.self)))" : nil
  }

  /// 36 bytes with dashes at 8, 13, 18 and 23 (the feature `is_uuid`).
  static func isUUID(_ value: UnsafeBufferPointer<UInt8>) -> Bool {
    value.count == 36 && [8, 13, 18, 23].allSatisfy { value[$0] == 0x2D }
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
