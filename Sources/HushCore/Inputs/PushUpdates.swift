/// One ref update git is about to push, as its pre-push hook reads it on stdin.
public struct PushUpdate: Sendable, Equatable {
  let localRef: String
  let localID: String
  let remoteRef: String
  let remoteID: String

  /// Deleting a remote branch pushes no content.
  public var isDeletion: Bool { localID.allSatisfy { $0 == "0" } }
  /// The remote has no such ref yet (a new branch or tag).
  public var isNewRef: Bool { remoteID.allSatisfy { $0 == "0" } }
}

/// Parses git's pre-push lines: `<local ref> SP <local id> SP <remote ref> SP <remote id>`.
public enum PushUpdates {
  /// The updates of the lines git writes to a pre-push hook's stdin.
  public static func parse(_ text: String) throws(InputError) -> [PushUpdate] {
    try text.split(separator: "\n", omittingEmptySubsequences: true).map { line throws(InputError) in
      let fields = line.split(separator: " ")
      guard fields.count == 4, isObjectID(fields[1]), isObjectID(fields[3]) else {
        throw .malformedPushLine(String(line.prefix(200)))
      }
      return PushUpdate(
        localRef: String(fields[0]), localID: String(fields[1]), remoteRef: String(fields[2]),
        remoteID: String(fields[3]))
    }
  }

  /// `git log` revisions for the commits being pushed: each update's new commit, minus
  /// everything already on any remote and the remote's current commit when we know it.
  public static func revisions(for updates: [PushUpdate], isKnownCommit: (String) -> Bool) -> [String] {
    let pushed = updates.filter { !$0.isDeletion }
    guard !pushed.isEmpty else { return [] }
    let known = pushed.filter { !$0.isNewRef && isKnownCommit($0.remoteID) }.map { "^" + $0.remoteID }
    return pushed.map(\.localID) + known + ["--not", "--remotes"]
  }

  private static func isObjectID(_ text: Substring) -> Bool {
    (text.count == 40 || text.count == 64) && text.allSatisfy(\.isHexDigit)
  }
}
