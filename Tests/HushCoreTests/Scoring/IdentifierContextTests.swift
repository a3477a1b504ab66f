import Testing

@testable import HushCore

/// The bundled catalog's findings in `text`, and why each dropped match was dropped.
private func scanExplaining(_ text: String, path: String) throws -> (found: [Finding], reasons: [DropReason]) {
  let scratch = DetectorScratch(explains: true)
  let found = try Array(text.utf8).withUnsafeBufferPointer {
    try Detector(catalog: RuleCatalog.bundled).scan($0, path: path, scratch: scratch)
  }
  return (found, scratch.dropped?.map(\.reason) ?? [])
}

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
    #expect(name(prefix, Self.uuid(seed: 1501)) == "a UUID given to \(expected)")
  }

  @Test func aGUIDInBracesIsAnIdentifierWhateverItsName() {
    let line = Array("api_key = {\(Self.uuid(seed: 1505))}".utf8)
    let found = line.withUnsafeBufferPointer { buffer in
      IdentifierContext.identifier(value: UnsafeBufferPointer(rebasing: buffer[11..<47]), line: buffer, column: 11)
    }
    #expect(found == "a UUID in braces, as Windows writes a GUID")
  }

  @Test(arguments: ["api_key = \"", "HEROKU_API_KEY=", "session_id: '", "NXSESSIONID=", "password: \"", "\""])
  func otherNamesLeaveTheModelToDecide(prefix: String) {
    #expect(name(prefix, Self.uuid(seed: 1502)) == nil)
  }

  @Test func onlyUUIDsAreIdentifiers() {
    #expect(name("client_id = \"", FakeSecrets(seed: 1503).random(32)) == nil)
  }

  @Test func theDetectorDropsThemWithTheirName() throws {
    let text = "{\n  \"TenantId\": \"\(Self.uuid(seed: 1504))\"\n}\n"
    let (found, reasons) = try scanExplaining(text, path: "appsettings.json")
    #expect(found.isEmpty)
    #expect(reasons.contains(.identifier("a UUID given to TenantId")))
  }

  /// OpenPGP key ids (8 or 16 hex digits) and v4 fingerprints (40) name public keys.
  @Test func openPGPKeyIDsIdentifyPublicKeys() {
    let hex = Array("0123456789ABCDEF")
    let fake = FakeSecrets(seed: 1506)
    #expect(name("apt-key adv --recv-keys ", fake.random(16, from: hex)) == "an OpenPGP key id given to --recv-keys")
    #expect(name("gpg --recv-key ", fake.random(8, from: hex)) == "an OpenPGP key id given to --recv-key")
    #expect(name("fingerprint = \"", fake.random(40, from: hex)) == "an OpenPGP key id given to fingerprint")
    #expect(name("api_key = \"", fake.random(16, from: hex)) == nil)
    #expect(name("--recv-keys ", fake.random(20, from: hex)) == nil)
    #expect(name("--recv-keys ", "0123456789ABCDEG") == nil)
  }
}

/// Values of capital letters alone are constants' names: `ConstantContext`, and the detector's
/// drop reason for them.
@Suite struct ConstantContextTests {
  func isConstant(_ value: String) -> Bool {
    Array(value.utf8).withUnsafeBufferPointer { ConstantContext.isConstant($0) }
  }

  @Test func capitalsAloneAreConstants() {
    #expect(isConstant("WITHDIST"))
    #expect(isConstant("NO_MKSTREAM"))
    #expect(isConstant("ABCDEFGHIJKLMNO"))
  }

  @Test func anythingElseIsLeftToTheModel() {
    #expect(!isConstant(""))
    #expect(!isConstant("ABCDEFGHIJKLMNOP"))
    #expect(!isConstant("WITHDIST2"))
    #expect(!isConstant("WithDist"))
    #expect(!isConstant("WITH-DIST"))
  }

  @Test func theDetectorDropsThem() throws {
    let text = "{\n  \"token\": \"WITHMATCHLEN\",\n  \"type\": \"pure-token\"\n}\n"
    let (found, reasons) = try scanExplaining(text, path: "lcs.json")
    #expect(found.isEmpty)
    #expect(reasons.contains(.constant))
  }
}

/// A value that reads as random is scored as if its file held it once: `RepeatedValue`.
@Suite struct RepeatedValueTests {
  func counted(_ repeats: Int, _ value: String, filter: FilterFeature? = nil) -> Int {
    Array(value.utf8).withUnsafeBufferPointer { RepeatedValue.counted(repeats, value: $0, filter: filter) }
  }

  @Test func randomLookingValuesCountOnce() {
    #expect(counted(3, "Tq7vLm2pX9w") == 1)
    #expect(counted(5, "tq7#vlm2px9w") == 1)
    #expect(counted(1, "Tq7vLm2pX9w") == 1)
  }

  @Test func wordsOfCodeKeepTheirCount() {
    #expect(counted(3, "None") == 3)
    #expect(counted(4, "clientCreds.ClientSecret") == 4)
    #expect(counted(2, "getToken(x)") == 2)
    #expect(counted(2, "lowercaseonly1") == 2)
    #expect(counted(2, "Tq7vLm2pX9w", filter: .placeholder) == 2)
  }
}
