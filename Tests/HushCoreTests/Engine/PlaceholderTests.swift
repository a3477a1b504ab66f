import Foundation
import Testing

@testable import HushCore
@testable import HushRules

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

  @Test(arguments: [
    "this.$rowTokens.length-1", "process.env.API_TOKEN", "handle::OwnedStore&lt", "self.token_cache", "a&quot;b9Xk2",
  ])
  func codeReferencesAreNotSecrets(_ value: String) {
    #expect(Placeholder.isCodeReference(Array(value.utf8)))
  }

  @Test(arguments: ["Xa1P.dgrbnuomB2", "sl.BqZ9x2Lm", "4gcdWa7w^hv%yCKs", "tokens.f38baeb98779b774"])
  func dataWithDotsIsNotCode(_ value: String) {
    #expect(!Placeholder.isCodeReference(Array(value.utf8)))
  }
}

@Suite struct PrecisionTests {
  @Test func digestsInAHashContextAreNotCredentials() {
    let digest = Array("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08".utf8)
    for name in ["token_sha256: ", "\"apiKeyHash\": \"", "SECRET_CHECKSUM=", "client_secret_fingerprint = '"] {
      #expect(Placeholder.isHashInContext(digest, name: Array(name.utf8)), "\(name)")
    }
    #expect(!Placeholder.isHashInContext(digest, name: Array("api_token: ".utf8)))
    #expect(Placeholder.isHashInContext(Array("sha512-Zm9vYmFyYmF6cXV4".utf8), name: Array("token: ".utf8)))
    #expect(Placeholder.isHashInContext(Array("h1:Zm9vYmFyYmF6cXV4=".utf8), name: Array("secret=".utf8)))
  }

  @Test func minifiedExpressionsAreCode() {
    #expect(Placeholder.isCodeReference(Array("e.headers&&e.headers.Authorization".utf8)))
    #expect(Placeholder.isCodeReference(Array("t.token||n.token".utf8)))
    #expect(!Placeholder.isCodeReference(Array("q8Vd2Lx0rT7mKp3N".utf8)))
  }

  @Test func generatedSaltsKeepTheirPunctuation() {
    let salt = #"5t<Kq]9;Vz{b2^W!r~L@x8(Nc|h0%Ye>Pj&3*Ug*_m+D?sF,a$T"#
    #expect(Placeholder.reason(Array(salt.utf8)) == nil)
    #expect(Placeholder.reason(Array("${DATABASE_PASSWORD_FROM_THE_VAULT_AT_DEPLOY}".utf8)) != nil)
    #expect(Placeholder.reason(Array("<your-personal-access-token-goes-here-now>".utf8)) != nil)
  }

  @Test func tokensPublishedInRFCsAreExamples() {
    #expect(Placeholder.reason(Array("2YotnFZFEjr1zCsicMWpAA".utf8)) != nil)
    #expect(Placeholder.reason(Array("2YotnFZFEjr1zCsicMWpAB".utf8)) == nil)
  }
}
