import Testing

@testable import HushCore

@Suite struct PushUpdatesTests {
  static let local = String(repeating: "1", count: 40)
  static let remote = String(repeating: "2", count: 40)
  static let zero = String(repeating: "0", count: 40)

  @Test func updatesBecomeRevisionsOfWhatIsNotOnARemote() throws {
    let updates = try PushUpdates.parse(
      "refs/heads/main \(Self.local) refs/heads/main \(Self.remote)\n"
        + "refs/heads/new \(Self.local) refs/heads/new \(Self.zero)\n"
        + "(delete) \(Self.zero) refs/heads/old \(Self.remote)\n")
    #expect(updates.map(\.isDeletion) == [false, false, true])
    #expect(updates.map(\.isNewRef) == [false, true, false])
    let revisions = PushUpdates.revisions(for: updates) { $0 == Self.remote }
    #expect(revisions == [Self.local, Self.local, "^" + Self.remote, "--not", "--remotes"])
    #expect(PushUpdates.revisions(for: updates) { _ in false } == [Self.local, Self.local, "--not", "--remotes"])
  }

  @Test func deletionsOnlyPushNothing() throws {
    let updates = try PushUpdates.parse("(delete) \(Self.zero) refs/heads/x \(Self.remote)\n")
    #expect(PushUpdates.revisions(for: updates) { _ in true }.isEmpty)
    #expect(try PushUpdates.parse("").isEmpty)
  }

  @Test func malformedLinesAreRejected() {
    #expect(throws: InputError.self) { try PushUpdates.parse("main abc main def\n") }
    #expect(throws: InputError.self) { try PushUpdates.parse("refs/heads/main \(Self.local) refs/heads/main\n") }
  }
}
