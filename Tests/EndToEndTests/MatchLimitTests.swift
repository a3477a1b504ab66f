import Foundation
import Testing

/// A regex that backtracks until PCRE2's match limit never passes silently: the window it
/// gave up on is warned about, explained and counted, and a hook that meets one fails.
@Suite struct MatchLimitTests {
  /// A user rule whose `(a|aa)*` has exponentially many ways to fail on a run of `a`s that is
  /// not followed by `b` (a `b` later on the line keeps PCRE2 from giving up early).
  static let config = """
    [[rule]]
    id = "backtracking-rule"
    description = "A rule that backtracks without end"
    provider = "acme"
    severity = "high"
    keywords = ["zzq"]
    regex = '''zzq(a|aa)*b'''
    rotate = "Nothing to rotate."

    """

  static let input = "zzq" + String(repeating: "a", count: 60) + "X b\n"

  @Test func scanWarnsExplainsAndCountsTheAbandonedWindow() throws {
    let box = try Sandbox()
    try box.write(".hush.toml", Self.config)
    try box.write("slow.txt", Self.input)
    let run = try hush(["scan", "--format", "json", "--explain", "."], in: box.url)
    #expect(run.stderr.contains("slow.txt:1:1 backtracking-rule: not fully searched"), "\(run.stderr)")
    #expect(run.stderr.contains("match limit"))
    let skipped = try #require(try run.summary()["skipped"] as? [String: Any])
    #expect(skipped["matchLimit"] as? Int == 1)
  }

  @Test func theHookFailsOnAFileItCouldNotSearch() throws {
    let box = try Sandbox(git: true)
    try box.write(".hush.toml", Self.config)
    try box.write("slow.txt", Self.input)
    try box.git(["add", "slow.txt"])
    let run = try hush(["staged"], in: box.url)
    #expect(run.status == 1, "\(run.stderr)")
    #expect(run.stderr.contains("not fully scanned (slow.txt)"))
  }
}

/// A directory too deep to open by path (longer than PATH_MAX) is named and counted, never
/// dropped silently (issue 18, item 3).
@Suite struct DeepTreeTests {
  @Test func aDirectoryBeyondPathMaxIsNamedAndCounted() throws {
    let box = try Sandbox()
    // 220 levels of 21-byte names: over 4,800 bytes, past Linux's 4,096-byte PATH_MAX.
    let build = "for i in $(seq 1 220); do d=$(printf 'd%020d' $i); mkdir $d && cd $d || exit 1; done; echo x > f.txt"
    let made = try execute(URL(fileURLWithPath: "/bin/bash"), ["-c", build], in: box.url)
    #expect(made.status == 0, "\(made.stderr)")
    defer { _ = try? execute(URL(fileURLWithPath: "/bin/rm"), ["-rf", box.url.path], in: URL(fileURLWithPath: "/")) }
    let run = try hush(["scan", "--format", "json", "."], in: box.url)
    #expect(run.stderr.contains("cannot read directory"), "\(run.stderr.prefix(300))")
    let skipped = try #require(try run.summary()["skipped"] as? [String: Any])
    #expect((skipped["unreadable"] as? Int ?? 0) >= 1)
  }
}
