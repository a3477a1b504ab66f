import HushTestSupport
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

  /// The byte comparisons of the common shapes must say what fnmatch says (with its base-name retry), for every glob:
  /// seeded random globs and paths over bytes that matter to fnmatch, half of the paths made
  /// from their glob so that matches are frequent.
  @Test func byteComparisonsAgreeWithFnmatch() {
    var generator = SeededGenerator(seed: 41)
    let pieces = ["a", "b", ".", "/", "*", "?", "[a]", "[!b]", "\\*", "é", "-", "env", ".env", " "]
    var fastShapes = 0
    for round in 0..<20_000 {
      let glob = (0..<Int.random(in: 0...5, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }
        .joined()
      let path =
        round % 2 == 0
        ? glob.replacing("*", with: ["", "x", "a/b", ".e"].randomElement(using: &generator)!)
        : (0..<Int.random(in: 0...6, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
      #expect(Glob.matches(glob, path: path) == Glob.fnmatchMatches(glob, path: path), "glob \(glob) path \(path)")
      if !glob.contains(where: { "?[\\".contains($0) }) && glob.count(where: { $0 == "*" }) <= 1 { fastShapes += 1 }
    }
    #expect(fastShapes > 2_000)
  }
}
