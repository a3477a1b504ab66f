import Testing

@testable import HushCore

/// `Redaction`: at most a 4-character public prefix, and never most of a short secret.
@Suite struct RedactionTests {
  static func redact(_ secret: String, _ keywords: [String]) -> String {
    Redaction.redact(Array(secret.utf8), keywords: keywords)
  }

  @Test func keepsAtMostFourCharactersOfAPublicPrefix() {
    #expect(Self.redact("sk" + "_live_" + String(repeating: "a1B2", count: 6), ["sk_live_"]) == "sk_l********")
    #expect(Self.redact("AKIA" + "Q7ZXJNLVRMTBW4HP", ["akia"]) == "AKIA********", "the prefix matches in any case")
    #expect(Self.redact("xo" + "b-1234", ["xo"]) == "xo********", "a 2-character keyword keeps 2")
    #expect(Self.redact("hunter2hunter2", ["password"]) == "********", "no public prefix, nothing kept")
  }

  /// A prefix is kept only when the secret is at least three times as long: 12 characters for
  /// a 4-character prefix, so what is shown is never more than a third.
  @Test(arguments: [(11, "********"), (12, "ghp_********"), (40, "ghp_********")])
  func shortSecretsAreMaskedWhole(_ length: Int, _ expected: String) {
    let secret = "ghp" + "_" + String(repeating: "x", count: length - 4)
    #expect(Self.redact(secret, ["ghp_"]) == expected)
  }

  @Test func emptyAndOneCharacterSecretsShowNothing() {
    #expect(Self.redact("", ["ghp_"]) == "********")
    #expect(Self.redact("g", ["g"]) == "********")
  }
}
