import Testing

@testable import HushCore

@Suite struct GlobTests {
  @Test func aGlobWithoutSlashAlsoMatchesTheBaseName() {
    #expect(Glob.matches("*.pem", path: "certs/deep/server.pem"))
    #expect(Glob.matches(".pgpass", path: "home/ops/.pgpass"))
    #expect(!Glob.matches(".pgpass", path: "home/ops/.pgpass.example"))
  }

  @Test func aGlobWithSlashMatchesTheWholePathAndStarCrossesDirectories() {
    #expect(Glob.matches("vendor/*", path: "vendor/a/b/c.js"))
    #expect(!Glob.matches("vendor/*", path: "src/vendor/c.js"))
    #expect(!Glob.matches("config/master.key", path: "app/config/master.key"))
  }

  @Test func pathsWithUnicodeAndSpacesMatchByBytes() {
    #expect(Glob.matches("*.env", path: "données clients/prod é.env"))
    #expect(Glob.matches("*é.env", path: "a/b/café.env"))
    #expect(!Glob.matches("*.env", path: "a/b/café.env.txt"))
  }
}
