import Testing

@testable import HushCore

@Suite struct ConfigTests {
  @Test func parsesAllowlistPaths() throws {
    let config = try HushConfig.parse("[allowlist]\npaths = [\"patterns/*\", \"*.lock\"]\n", file: ".hush.toml")
    #expect(config.isAllowlisted("patterns/aws.toml"))
    #expect(config.isAllowlisted("deep/dir/yarn.lock"))
    #expect(!config.isAllowlisted("src/main.swift"))
  }

  /// A table written as a plain value is reported on its line, not at line 0 (found by the
  /// fuzz seeds: the line was that of a `[section]` header, absent here).
  @Test func tablesWrittenAsValuesNameTheirLine() {
    #expect(throws: ConfigError.wrongType("allowlist", expected: "a table ([allowlist])", file: "c.toml", line: 2)) {
      try HushConfig.parse("extend = true\nallowlist = 5\n", file: "c.toml")
    }
    #expect(throws: ConfigError.wrongType("audit", expected: "a table ([audit])", file: "c.toml", line: 1)) {
      try HushConfig.parse("audit = \"x\"\n", file: "c.toml")
    }
    #expect(throws: ConfigError.wrongType("rules.jwt", expected: "a table", file: "c.toml", line: 3)) {
      try HushConfig.parse("[rules]\n\njwt = 4\n", file: "c.toml")
    }
  }

  @Test func unknownKeysNameFileAndLine() {
    #expect(throws: ConfigError.unknownKey("allowlist.path", file: ".hush.toml", line: 3)) {
      try HushConfig.parse("# c\n[allowlist]\npath = []\n", file: ".hush.toml")
    }
    #expect(throws: ConfigError.unknownKey("rulez", file: "c.toml", line: 1)) {
      try HushConfig.parse("rulez = 1\n", file: "c.toml")
    }
  }
}
