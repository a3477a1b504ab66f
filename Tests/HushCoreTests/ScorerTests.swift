import Testing

@testable import HushCore

@Suite struct EntropyTests {
  @Test func shannonOfSimpleStrings() {
    #expect(Entropy.shannon(Array("aaaa".utf8)) == 0)
    #expect(abs(Entropy.shannon(Array("abcd".utf8)) - 2) < 1e-9)
    #expect(Entropy.shannon([UInt8]()) == 0)
  }

  @Test func alphabetDetection() {
    #expect(Entropy.alphabetSize(Array("0123456789".utf8)) == 10)
    #expect(Entropy.alphabetSize(Array("deadbeef0123".utf8)) == 16)
    #expect(Entropy.alphabetSize(Array("DEADBEEF0123".utf8)) == 16)
    #expect(Entropy.alphabetSize(Array("zq0123".utf8)) == 36)
    #expect(Entropy.alphabetSize(Array("AbZ09".utf8)) == 62)
    #expect(Entropy.alphabetSize(Array("Ab+/09=".utf8)) == 64)
    #expect(Entropy.alphabetSize(Array("Ab!09".utf8)) == 95)
  }

  @Test func expectedRandomEntropyMatchesSampledStrings() {
    var generator = SystemRandomNumberGenerator()
    let hex = Array("0123456789abcdef".utf8)
    let samples = (0..<400).map { _ in
      Entropy.shannon((0..<40).map { _ in hex[Int.random(in: 0..<16, using: &generator)] })
    }
    let mean = samples.reduce(0, +) / Double(samples.count)
    #expect(abs(mean - Entropy.expectedRandom(length: 40, alphabet: 16)) < 0.05)
  }

  @Test func thresholdIsFairToShortAndHexSecrets() {
    let hex = Array("f38baeb98779b774339298c501f78206".utf8)
    // A random 32-char hex string cannot reach 4.5 bits/char; the threshold is lowered for it.
    #expect(Entropy.threshold(4.5, for: hex) < 4.0)
    #expect(Entropy.meets(4.5, hex))
    #expect(!Entropy.meets(3.0, Array("abababababababab".utf8)))
    // Long base64 strings keep the stated threshold.
    let base64 = Array(String(repeating: "Zm9vYmFyYmF6cXV4", count: 4).utf8)
    #expect(Entropy.threshold(3.5, for: base64) == 3.5)
  }
}

@Suite struct PlaceholderTests {
  @Test(arguments: [
    "AKIAIOSFODNN7EXAMPLE", "ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "your_api_key_here",
    "<TOKEN>", "${API_KEY}", "{{ secret }}", "changeme", "%s", "aaaaaaaaaaaa", "abcdefghij",
    "1234567890", "dummy-token-value", "REDACTED", "********",
  ])
  func recognisesPlaceholders(_ value: String) {
    #expect(Placeholder.isPlaceholder(Array(value.utf8)), "\(value)")
  }

  @Test(arguments: [
    "CfSMVQUBnJ0rxk2mevU5Kq0IkupywZig", "f38baeb98779b774339298c501f78206", "4gcdWa7w^hv%yCKs",
  ])
  func keepsRandomLookingValues(_ value: String) {
    #expect(!Placeholder.isPlaceholder(Array(value.utf8)), "\(value)")
  }

  @Test func singleClassAndWordLikeValues() {
    #expect(Placeholder.isSingleClass(Array("productiondatabase".utf8)))
    #expect(Placeholder.isSingleClass(Array("DEFAULT_PASSWORD".utf8)))
    #expect(!Placeholder.isSingleClass(Array("Xa1PdgrbnuomB2".utf8)))
    #expect(Placeholder.isWordLike(Array("X-Custom-Api-Key-Header".utf8)))
    #expect(!Placeholder.isWordLike(Array("X-Custom-Api-Key-2".utf8)))
  }

  @Test(arguments: ["this.$rowTokens.length-1", "process.env.API_TOKEN", "handle::OwnedStore&lt", "self.token_cache", "a&quot;b9Xk2"])
  func codeReferencesAreNotSecrets(_ value: String) {
    #expect(Placeholder.isCodeReference(Array(value.utf8)))
  }

  @Test(arguments: ["Xa1P.dgrbnuomB2", "sl.BqZ9x2Lm", "4gcdWa7w^hv%yCKs", "tokens.f38baeb98779b774"])
  func dataWithDotsIsNotCode(_ value: String) {
    #expect(!Placeholder.isCodeReference(Array(value.utf8)))
  }
}

@Suite struct ValidatorTests {
  @Test func githubChecksum() {
    let token = FakeSecrets.githubToken(prefix: "ghp_")
    #expect(Validator.githubChecksum.accepts(Array(token.utf8)))
    var broken = Array(token.utf8)
    broken[10] = broken[10] == UInt8(ascii: "a") ? UInt8(ascii: "b") : UInt8(ascii: "a")
    #expect(!Validator.githubChecksum.accepts(broken))
  }

  @Test func jwtStructure() {
    let header = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9"  // {"alg":"HS256","typ":"JWT"}
    let token = header + ".eyJzdWIiOiIxMjM0In0.c2lnbmF0dXJlLWJ5dGVzLWhlcmU"
    #expect(Validator.jwt.accepts(Array(token.utf8)))
    #expect(!Validator.jwt.accepts(Array("eyJub3Rqc29u.eyJ4IjoxfQ.sig".utf8)))
  }
}
