import Testing

@testable import HushCore

@Suite struct CommitLogTests {
  static let a = String(repeating: "a", count: 40)
  static let b = String(repeating: "b", count: 40)
  static let c = String(repeating: "c", count: 40)
  static let zero = String(repeating: "0", count: 40)

  @Test func commitsAndTheirChanges() throws {
    let output = Array(
      ("\u{1}\(Self.c) \(Self.a) \(Self.b)\0Ann Example\0ann@example.invalid\01700000000\0Merge: with \"quotes\"\0Merge: with \"quotes\"\n\nbody\0\n"
        + "::100644 100644 100644 \(Self.a) \(Self.b) \(Self.c) MM\0src/a b.c\0"
        + "\u{1}\(Self.b) \(Self.a)\0Bo\0bo@example.invalid\01690000000\0edit\0edit\n\0\n"
        + ":100644 000000 \(Self.a) \(Self.zero) D\0gone.txt\0"
        + ":000000 120000 \(Self.zero) \(Self.c) A\0link\0"
        + ":000000 100755 \(Self.zero) \(Self.b) A\0new\nline.sh\0"
        + "\u{1}\(Self.a) \0Cy\0cy@example.invalid\01680000000\0root, no changes\0root, no changes\n\0\n").utf8)
    let log = try CommitLog.parse(output)
    #expect(log.commits.map(\.id) == [Self.c, Self.b, Self.a])
    #expect(log.commits[0].parents == [Self.a, Self.b])
    #expect(log.commits[0].subject == "Merge: with \"quotes\"")
    #expect(log.commits[0].message == "Merge: with \"quotes\"\n\nbody", "the whole message, which history scans")
    #expect(log.commits[2].parents.isEmpty)
    #expect(log.commits[1].time == 1_690_000_000)
    #expect(log.changes.count == 4)
    #expect(
      log.changes[0] == Change(commit: 0, path: "src/a b.c", oldBlob: Self.a, newBlob: Self.c, isRegularFile: true))
    #expect(log.changes[1].newBlob == nil && log.changes[1].commit == 1)
    #expect(!log.changes[2].isRegularFile)
    #expect(
      log.changes[3] == Change(commit: 1, path: "new\nline.sh", oldBlob: nil, newBlob: Self.b, isRegularFile: true))
  }

  @Test func truncatedOutputIsAnError() {
    #expect(throws: GitError.self) { try CommitLog.parse(Array(":100644 100644 x\0".utf8)) }
    #expect(throws: GitError.self) { try CommitLog.parse(Array("\u{1}abc\0only two".utf8)) }
  }

  @Test func argumentsPinTheFormat() {
    let arguments = CommitLog.arguments(revisions: [], since: "2024-01-01", merges: .firstParent)
    #expect(arguments.contains("--all") && arguments.contains("--no-renames") && arguments.last == "--")
    #expect(arguments.contains("--since=2024-01-01"))
    #expect(
      CommitLog.arguments(revisions: ["v1..HEAD"], since: nil, merges: .combined).contains("--diff-merges=combined"))
  }
}
