import Testing

@testable import HushCore

/// A bare value joined to its name by a colon alone is a key path (`KeyPathContext`), except
/// where that colon assigns: a placeholder's default and Java properties.
@Suite struct KeyPathContextTests {
  /// `KeyPathContext.isKeyPath` for the value that follows `prefix` on `line` (prefix + value
  /// + suffix), in a file at `path`.
  func isKeyPath(_ prefix: String, _ value: String, _ suffix: String = "", path: String = "doc/tutorial.html") -> Bool {
    let line = Array((prefix + value + suffix).utf8)
    return line.withUnsafeBufferPointer {
      KeyPathContext.isKeyPath(line: $0, column: prefix.utf8.count, path: Array(path.utf8))
    }
  }

  @Test(arguments: [("SET auth:", " 1000"), ("GET session:", ""), ("image: registry/token:", "")])
  func aBareValueRightAfterAColonIsAKeyPath(prefix: String, suffix: String) {
    #expect(isKeyPath(prefix, FakeSecrets(seed: 1511).random(32), suffix))
  }

  @Test(arguments: [
    "password: ", "\"token\":\"", "auth: '", "secret=", "api_key = \"", "value = ${app.secret.key:",
    "PASSWORD:\"",
  ])
  func assignmentsAndPlaceholderDefaultsAreNot(prefix: String) {
    #expect(!isKeyPath(prefix, FakeSecrets(seed: 1512).random(24)))
  }

  @Test func javaPropertiesAssignWithABareColon() {
    let value = FakeSecrets(seed: 1513).random(20)
    #expect(!isKeyPath("db.password:", value, path: "src/main/resources/application.properties"))
    #expect(isKeyPath("db.password:", value, path: "docs/redis-keys.md"))
  }

  /// Through the detector: the Redis tutorial's line is not reported and `--explain` says why;
  /// the same token assigned is left to the model, and a Windows flag is another rule's.
  @Test func theDetectorDropsKeyPathsAndSaysWhy() throws {
    let detector = Detector(catalog: RuleCatalog.bundled)
    let token = FakeSecrets(seed: 1514).random(32, from: Array("0123456789abcdef"))
    func scan(_ text: String) throws -> (found: Bool, dropped: [DropReason]) {
      let scratch = DetectorScratch(explains: true)
      let found = try Array(text.utf8).withUnsafeBufferPointer {
        try detector.scan($0, path: "doc/t.html", scratch: scratch)
      }
      return (!found.isEmpty, scratch.dropped?.map(\.reason) ?? [])
    }
    let keyPath = try scan("SET auth:\(token) 1000\n")
    #expect(!keyPath.found)
    #expect(keyPath.dropped.contains(.keyPath))
    let assigned = try scan("auth: \(token)\n")
    #expect(assigned.found)
  }
}
