/// Where a secret found in history came from.
public struct Origin: Sendable {
  /// The commit whose change first put the secret at its path.
  public let commit: Commit
  /// Later commits whose tree still holds the secret at that path.
  public var laterCommits = 0
  /// Whether HEAD still holds it at that path.
  public var isInHead = false
  /// Other paths the same blob was added at (copies, renames): the same finding, elsewhere.
  public var otherPaths: [String] = []
  /// The same, with the commit that first added it at each of those paths and whether HEAD
  /// still holds it there.
  public var copies: [Copy] = []
  /// When HEAD holds it at none of its paths: the latest commit that took it out of one (an
  /// edit or a deletion), if the scanned history has one.
  public var removal: Commit?

  /// The secret at another path the same blob was added at.
  public struct Copy: Sendable {
    /// The other path.
    public let path: String
    /// The commit that first added the blob there.
    public let commit: Commit
    /// Whether HEAD still holds the secret there.
    public let isInHead: Bool
  }
}

/// A secret as history compares it: the same rule and bytes, wherever they are.
struct SecretKey: Hashable {
  let rule: String
  let secret: [UInt8]
  init(_ finding: Finding) {
    rule = finding.rule.id
    secret = finding.identity
  }
}

/// A commit as history reports show it.
public struct Commit: Sendable, Equatable {
  let id: String
  let parents: [String]
  let author: String
  let email: String
  /// Committer time, seconds since 1970: when the commit (and its content) came to be.
  public let time: Int
  /// The subject line of the message, with any secret found in the message redacted.
  public internal(set) var subject: String
  /// The whole message, which history scans too.
  var message = ""

  /// The path of a finding in a commit message: no file holds it.
  public static let messagePath = "<commit message>"
}
