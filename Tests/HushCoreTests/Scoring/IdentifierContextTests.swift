import Testing

@testable import HushCore

/// UUIDs given to an identifier's name are not candidates the model decides: the rule-level
/// context of `IdentifierContext`, and the detector's drop reason for them.
@Suite struct IdentifierContextTests {
  /// A UUID of random hex digits, from the test's seed.
  static func uuid(seed: UInt64) -> String {
    let hex = Array("0123456789abcdef")
    let fake = FakeSecrets(seed: seed)
    return [8, 4, 4, 4, 12].map { fake.random($0, from: hex) }.joined(separator: "-")
  }

  /// `IdentifierContext.identifier` for `value` placed after `prefix` on a line (closed by a quote).
  func name(_ prefix: String, _ value: String) -> String? {
    let line = Array((prefix + value + "\"").utf8)
    let valueBytes = Array(value.utf8)
    return line.withUnsafeBufferPointer { lineBuffer in
      valueBytes.withUnsafeBufferPointer { valueBuffer in
        IdentifierContext.identifier(value: valueBuffer, line: lineBuffer, column: prefix.utf8.count)
      }
    }
  }

  @Test(arguments: [
    ("\"TenantId\": \"", "TenantId"), ("client_id = \"", "client_id"), ("<UserSecretsId>", "UserSecretsId"),
    ("<ProjectGuid>", "ProjectGuid"), ("<UniqueIdentifier>", "UniqueIdentifier"),
    ("InstrumentationKey=", "InstrumentationKey"),
    ("x-github-request-id: ", "x-github-request-id"), ("uuid: '", "uuid"),
  ])
  func identifierNamesHoldIdentifiers(prefix: String, expected: String) {
    #expect(name(prefix, Self.uuid(seed: 1501)) == "given to \(expected)")
  }

  @Test func aGUIDInBracesIsAnIdentifierWhateverItsName() {
    let line = Array("api_key = {\(Self.uuid(seed: 1505))}".utf8)
    let found = line.withUnsafeBufferPointer { buffer in
      IdentifierContext.identifier(value: UnsafeBufferPointer(rebasing: buffer[11..<47]), line: buffer, column: 11)
    }
    #expect(found == "in braces, as Windows writes a GUID")
  }

  @Test(arguments: ["api_key = \"", "HEROKU_API_KEY=", "session_id: '", "NXSESSIONID=", "password: \"", "\""])
  func otherNamesLeaveTheModelToDecide(prefix: String) {
    #expect(name(prefix, Self.uuid(seed: 1502)) == nil)
  }

  @Test func onlyUUIDsAreIdentifiers() {
    #expect(name("client_id = \"", FakeSecrets(seed: 1503).random(32)) == nil)
  }

  @Test func theDetectorDropsThemWithTheirName() throws {
    let detector = Detector(catalog: RuleCatalog.bundled)
    let scratch = DetectorScratch(explains: true)
    let text = "{\n  \"TenantId\": \"\(Self.uuid(seed: 1504))\"\n}\n"
    let found = try Array(text.utf8).withUnsafeBufferPointer {
      try detector.scan($0, path: "appsettings.json", scratch: scratch)
    }
    #expect(found.isEmpty)
    #expect(scratch.dropped?.map(\.reason).contains(.identifier("given to TenantId")) == true)
  }
}
