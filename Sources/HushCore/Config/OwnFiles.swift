/// The config and the baseline a scan uses: never scanned themselves (a baseline is full of
/// keyed hashes and must never report itself). Only these two files are exempt: another
/// `.hush.toml` or `.hush-baseline.json` (in a subdirectory, a vendored project, a fixture)
/// is scanned like any file, so the name cannot hide a secret.
public struct OwnFiles: Sendable, Equatable {
  /// Their resolved absolute paths.
  private(set) var realPaths: Set<String> = []
  /// Their paths relative to the root of the work tree holding them (staged and history
  /// scans name files so).
  private(set) var relativePaths: Set<String> = []
  private var names: Set<String> = []

  /// None: every file is scanned.
  public init() {}

  /// The files at `paths` (those that exist).
  public init(_ paths: [String]) {
    for path in paths {
      guard let resolved = Self.resolve(path) else { continue }
      realPaths.insert(resolved)
      names.insert(PathName.baseName(of: resolved))
      let directory = PathName.parent(of: resolved)
      if let tree = Git(directory: directory).workTree() {
        relativePaths.insert(tree.prefix + PathName.baseName(of: resolved))
      }
    }
  }

  /// Whether the file at `diskPath` is one of them (resolved only when its name matches).
  public func contains(diskPath: String) -> Bool {
    guard names.contains(PathName.baseName(of: diskPath)), let resolved = Self.resolve(diskPath) else {
      return false
    }
    return realPaths.contains(resolved)
  }

  /// Whether the repository-relative path names one of them.
  public func contains(relativePath: String) -> Bool { relativePaths.contains(relativePath) }

  private static func resolve(_ path: String) -> String? {
    guard let resolved = PathBytes.withCString(path, { realpath($0, nil) }) else { return nil }
    defer { free(resolved) }
    return String(cString: resolved)
  }
}
