import Foundation
import Testing

/// Typos get the closest command or option, and exit 2; a path that merely looks like a
/// command is still scanned.
@Suite struct UsageHintTests {
  @Test func aMistypedCommandSuggestsTheClosestOne() throws {
    let box = try Sandbox()
    let run = try hush(["histroy"], in: box.url)
    #expect(run.status == 2)
    #expect(run.stderr.contains("did you mean 'history'?"))
    let help = try hush(["help", "instal"], in: box.url)
    #expect(help.status == 2)
    #expect(help.stderr.contains("did you mean 'install'?"))
  }

  @Test func aFileNamedLikeACommandIsScannedNotCorrected() throws {
    let box = try Sandbox()
    try box.write("histroy", "nothing to see\n")
    let run = try hush(["histroy"], in: box.url)
    #expect(run.status == 0, "\(run.stderr)")
  }

  @Test func aMistypedOptionSuggestsTheClosestOne() throws {
    let box = try Sandbox()
    let run = try hush(["scan", "--fromat", "json", "."], in: box.url)
    #expect(run.status == 2)
    #expect(run.stderr.contains("did you mean '--format'?"))
    let history = try hush(["history", "--sinse", "2020-01-01"], in: box.url)
    #expect(history.status == 2)
    #expect(history.stderr.contains("did you mean '--since'?"))
  }

  @Test func farFromEveryCommandGetsNoGuess() throws {
    let box = try Sandbox()
    let run = try hush(["scan", "--zzzzzzzz"], in: box.url)
    #expect(run.status == 2)
    #expect(!run.stderr.contains("did you mean"))
  }
}
