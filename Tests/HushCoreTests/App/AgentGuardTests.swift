import Testing

@testable import HushCore

@Suite struct AgentGuardTests {
  @Test(arguments: [
    ("git commit -a -m x", true), ("git commit -am 'x'", true), ("git commit --all", true),
    ("git -C repo commit -qa", true), ("git commit -m x", false), ("git commit", false),
    ("git commit --amend", false), ("git add . && git commit -m all", false),
  ])
  func aCommitThatStagesTheWorkTreeIsRecognised(_ command: String, _ stagesAll: Bool) {
    #expect(AgentGuard.commitsAll(command) == stagesAll)
  }

  @Test func gitSubcommandsAreFoundInEachSegmentOfAShellLine() {
    #expect(AgentGuard.gitSubcommands("cd x; git add a && git commit -m y | cat") == ["add", "commit"])
    #expect(AgentGuard.gitSubcommands("echo (x\ngit push") == ["push"])
  }
}
