/// Path arithmetic on plain strings. (Foundation's NSString path methods trap on some
/// inputs on Linux, such as `-`.)
public enum PathName {
  /// The directory part of `path`: `a/b` → `a`, `/b` → `/`, `b` or `-` → `.`.
  public static func parent(of path: String) -> String {
    var trimmed = Substring(path)
    while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
    guard let slash = trimmed.lastIndex(of: "/") else { return "." }
    return slash == trimmed.startIndex ? "/" : String(trimmed[..<slash])
  }

  /// The last component of `path`: `a/b` → `b`, `b` → `b`.
  public static func baseName(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return path }
    return String(path[path.index(after: slash)...])
  }

  /// `directory` joined with `name`.
  public static func join(_ directory: String, _ name: String) -> String {
    directory.hasSuffix("/") ? directory + name : directory + "/" + name
  }
}
