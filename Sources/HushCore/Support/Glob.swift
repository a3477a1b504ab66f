/// Path globs as in `paths = [...]` and allowlists: fnmatch(3) where `*` also matches `/`;
/// a glob without `/` is matched against the file's base name as well.
///
/// Every scanned file is checked against the path-scoped rules, the sensitive-file kinds and
/// the allowlists, so this works on UTF-8 bytes: `String.contains` and `lastIndex(of:)` on
/// characters went through Foundation's string search and grapheme breaking, a quarter of
/// the instructions of a working-tree scan.
public enum Glob {
  private static let slash = UInt8(ascii: "/")

  static func matches(_ glob: String, path: String) -> Bool {
    if match(glob, path) { return true }
    guard !glob.utf8.contains(slash), let last = path.utf8.lastIndex(of: slash) else { return false }
    return match(glob, String(path[path.utf8.index(after: last)...]))
  }

  /// fnmatch(3) through `withCString`, which lends a native string's own bytes: passing the
  /// strings directly copied each into a new array first (the pre-commit hook matches a few
  /// thousand names against the sensitive-file globs).
  private static func match(_ glob: String, _ path: String) -> Bool {
    glob.withCString { pattern in path.withCString { fnmatch(pattern, $0, 0) == 0 } }
  }

  static func matchesAny(_ globs: [String], path: String) -> Bool {
    globs.contains { matches($0, path: path) }
  }
}
