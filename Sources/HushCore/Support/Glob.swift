/// Path globs as in `paths = [...]` and allowlists: fnmatch(3) where `*` also matches `/`;
/// a glob without `/` is matched against the file's base name as well.
///
/// Every scanned file is checked against the path-scoped rules, the sensitive-file kinds and
/// the allowlists, so this works on UTF-8 bytes: `String.contains` and `lastIndex(of:)` on
/// characters went through Foundation's string search and grapheme breaking, a quarter of
/// the instructions of a working-tree scan.
public enum Glob {
  private static let slash = UInt8(ascii: "/")

  /// Most globs are a name, `*.ext` or `prefix*`: those are compared as bytes, which is what
  /// fnmatch would conclude (no flag makes `*` stop at `/` or a leading dot) at a fraction of
  /// its cost (the pre-commit hook matches the root's names against every local-secret glob,
  /// some 600 calls); the rest go to fnmatch.
  static func matches(_ glob: String, path: String) -> Bool {
    let compared = glob.utf8.withContiguousStorageIfAvailable { pattern in
      path.utf8.withContiguousStorageIfAvailable { text -> Bool? in
        guard let whole = compare(pattern, text) else { return nil }
        guard !whole, !pattern.contains(slash), let last = text.lastIndex(of: slash) else { return whole }
        return compare(pattern, UnsafeBufferPointer(rebasing: text[(last + 1)...]))
      } ?? nil
    }
    if let compared, let matched = compared { return matched }
    return fnmatchMatches(glob, path: path)
  }

  /// `matches` by fnmatch(3) alone.
  static func fnmatchMatches(_ glob: String, path: String) -> Bool {
    if match(glob, path) { return true }
    guard !glob.utf8.contains(slash), let last = path.utf8.lastIndex(of: slash) else { return false }
    return match(glob, String(path[path.utf8.index(after: last)...]))
  }

  /// fnmatch(3) through `withCString`, which lends a native string's own bytes: passing the
  /// strings directly copied each into a new array first.
  private static func match(_ glob: String, _ path: String) -> Bool {
    glob.withCString { pattern in path.withCString { fnmatch(pattern, $0, 0) == 0 } }
  }

  /// `text` against `pattern` when the glob has one of those shapes (its one `*` first or
  /// last, or none; no other wildcard, escape or NUL); nil otherwise.
  private static func compare(_ pattern: UnsafeBufferPointer<UInt8>, _ text: UnsafeBufferPointer<UInt8>) -> Bool? {
    var star = -1
    for (index, byte) in pattern.enumerated() {
      switch byte {
      case UInt8(ascii: "*") where star < 0: star = index
      case UInt8(ascii: "*"), UInt8(ascii: "?"), UInt8(ascii: "["), UInt8(ascii: "\\"), 0: return nil
      default: continue
      }
    }
    let literal = star < 0 ? pattern.count : pattern.count - 1
    guard star < 0 ? text.count == literal : text.count >= literal else { return false }
    // Nothing to compare (an empty glob and path, or `*`): a buffer may then have no address.
    guard literal > 0, let glob = pattern.baseAddress, let bytes = text.baseAddress else { return true }
    switch star {
    case -1: return memcmp(bytes, glob, literal) == 0
    case 0: return memcmp(bytes + text.count - literal, glob + 1, literal) == 0
    case literal: return memcmp(bytes, glob, literal) == 0
    default: return nil
    }
  }

  static func matchesAny(_ globs: [String], path: String) -> Bool {
    globs.contains { matches($0, path: path) }
  }
}
