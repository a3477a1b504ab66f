import Testing

@testable import HushCore

@Suite struct HushVersionTests {
  @Test(arguments: [
    ("v0.2.0", "0.2.0"), ("v0.2.0-3-gabc1234", "0.2.0"), ("v0.2.0-3-gabc1234-dirty", "0.2.0"),
    ("0.3.1", "0.3.1"), ("v1.0.0-rc.1-12-g0123abc", "1.0.0-rc.1"), ("v2.1", "2.1"),
  ])
  func aReleaseTagGivesTheVersion(_ described: String, _ version: String) {
    #expect(HushVersion.version(described: described) == version)
  }

  @Test(arguments: ["", "abc1234", "1234567", "abc1234-dirty", "nightly-3-gabc1234", "v1-2-g1234567", "v1..2"])
  func withoutAReleaseTagTheSourceVersionStands(_ described: String) {
    #expect(HushVersion.version(described: described) == HushVersion.source)
  }

  @Test func theCommitIsWhatGitDescribedOrUnknown() {
    #expect(HushVersion.commit(described: "v0.2.0-3-gabc1234") == "v0.2.0-3-gabc1234")
    #expect(HushVersion.commit(described: "") == "unknown commit")
  }

  @Test func thisBuildsVersionLineHasTheDocumentedShape() {
    // `hush 0.2.0 (v0.2.0-3-gabc1234)`: the stamped text, or "unknown commit" without git.
    #expect(HushVersion.full == "hush \(HushVersion.current) (\(HushVersion.commit(described: gitDescribe)))")
    #expect(HushVersion.full.hasPrefix("hush \(HushVersion.current) ("))
    #expect(HushVersion.current.first?.isNumber == true)
  }
}
