import Testing

@testable import HushCore

@Suite struct ConfigTests {
  @Test func parsesAllowlistPaths() throws {
    let config = try HushConfig.parse("[allowlist]\npaths = [\"patterns/*\", \"*.lock\"]\n", file: ".hush.toml")
    #expect(config.isAllowlisted("patterns/aws.toml"))
    #expect(config.isAllowlisted("deep/dir/yarn.lock"))
    #expect(!config.isAllowlisted("src/main.swift"))
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
