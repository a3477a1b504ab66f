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
