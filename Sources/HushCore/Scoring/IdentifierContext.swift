/// A rule-level context the model does not decide: a UUID given to an identifier's name
/// (`TenantId`, `ClientId`, `RequestId`, `ProjectGuid`, `UserSecretsId`, an Application
/// Insights `InstrumentationKey`) names something, it does not grant access. CredData's
/// labels count most UUIDs as credentials whatever their name, so a model trained on them
/// reports these; Hush does not (issue 15: no finding on `Tests/Accuracy/negatives`). A
/// session id is a bearer credential, so `session` keeps a UUID reportable.
enum IdentifierContext {
  /// Endings of a name that holds an identifier (`uid`, `sid`, `clsid` end in `id` too).
  static let identifierEndings = CandidateFeatures.bytes(["id", "guid", "uuid"])
  /// Words that make any name an identifier's (Azure AD, Application Insights, tracing).
  static let identifierWords = CandidateFeatures.bytes(["tenant", "instrumentation", "correlation", "subscription"])
  static let credentialWords = CandidateFeatures.bytes(["session"])

  /// The name the UUID `value` (at `column` of `line`) is given to, when that name is an
  /// identifier's; nil for any other value or name.
  static func identifierName(value: UnsafeBufferPointer<UInt8>, line: UnsafeBufferPointer<UInt8>, column: Int)
    -> String?
  {
    guard isUUID(value) else { return nil }
    let name = line[CandidateFeatures.keyName(line, before: column).name]
    guard !name.isEmpty else { return nil }
    let lower = CandidateFeatures.lowered(Array(name))
    guard !credentialWords.contains(where: { CandidateFeatures.contains(lower, $0) }) else { return nil }
    let isIdentifier =
      identifierEndings.contains { lower.ends(with: $0) }
      || identifierWords.contains { CandidateFeatures.contains(lower, $0) }
    return isIdentifier ? String(decoding: name, as: UTF8.self) : nil
  }

  /// 36 bytes with dashes at 8, 13, 18 and 23 (the feature `is_uuid`).
  static func isUUID(_ value: UnsafeBufferPointer<UInt8>) -> Bool {
    value.count == 36 && [8, 13, 18, 23].allSatisfy { value[$0] == 0x2D }
  }
}

extension Array where Element == UInt8 {
  fileprivate func ends(with suffix: [UInt8]) -> Bool {
    count >= suffix.count && self[(count - suffix.count)...].elementsEqual(suffix)
  }
}
