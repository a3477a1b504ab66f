import Glibc

/// Path globs as in `paths = [...]` and allowlists: fnmatch(3) where `*` also matches `/`;
/// a glob without `/` is matched against the file's base name as well.
public enum Glob {
  public static func matches(_ glob: String, path: String) -> Bool {
    if fnmatch(glob, path, 0) == 0 { return true }
    guard !glob.contains("/"), let slash = path.lastIndex(of: "/") else { return false }
    return fnmatch(glob, String(path[path.index(after: slash)...]), 0) == 0
  }

  public static func matchesAny(_ globs: [String], path: String) -> Bool {
    globs.contains { matches($0, path: path) }
  }
}
