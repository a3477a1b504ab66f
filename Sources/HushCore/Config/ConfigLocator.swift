/// Finds and loads the config that applies to a scan.
public enum ConfigLocator {
  static let fileName = ".hush.toml"

  /// `explicit` when given (it must exist); else `.hush.toml` at the root of the work tree
  /// holding `path`, or beside `path` outside a repository; else the defaults.
  public static func load(explicit: String?, near path: String) throws -> HushConfig {
    if let explicit { return try read(explicit) }
    let directory = directoryOf(path)
    let root = Git(directory: directory).workTree()?.root ?? directory
    let candidate = root + "/" + fileName
    guard FileManager.default.fileExists(atPath: candidate) else { return HushConfig() }
    return try read(candidate)
  }

  private static func read(_ file: String) throws -> HushConfig {
    let text: String
    do {
      text = try String(contentsOfFile: file, encoding: .utf8)
    } catch {
      throw ConfigError.unreadable(
        file,
        reason: FileManager.default.fileExists(atPath: file)
          ? "not UTF-8 text or not readable" : "no such file")
    }
    return try HushConfig.parse(text, file: file)
  }

  private static func directoryOf(_ path: String) -> String {
    if path == "-" { return "." }
    if FileKind(path) == .directory {
      return path
    }
    let parent = PathName.parent(of: path)
    return parent.isEmpty ? "." : parent
  }
}
