/// One file to scan, named three ways.
public struct ScanTarget: Sendable, Equatable {
  /// Where to read it.
  public let diskPath: String
  /// How to show it: the user's argument joined with the path under it.
  public let displayPath: String
  /// Path relative to the repository root (or the scanned directory outside a repository):
  /// what allowlists and rules' `paths` globs match.
  public let relativePath: String
  /// Named by the user (not found in a directory): followed when a symlink, scanned
  /// whatever its size.
  public var isExplicit = false
}

/// Turns the user's PATH arguments into the files to scan.
public struct TargetLister {
  let includeIgnored: Bool
  var onWarning: (String) -> Void

  init(includeIgnored: Bool, onWarning: @escaping (String) -> Void) {
    self.includeIgnored = includeIgnored
    self.onWarning = onWarning
  }

  /// Files named explicitly are scanned even when git ignores them (the user asked);
  /// directories expand to the files git would consider, or every file with `includeIgnored`
  /// or outside a work tree.
  public func targets(for paths: [String]) throws -> [ScanTarget] {
    var targets: [ScanTarget] = []
    var seen = Set<String>()
    for path in paths {
      for target in try expand(path) where seen.insert(target.diskPath).inserted {
        targets.append(target)
      }
    }
    return targets
  }

  private func expand(_ path: String) throws -> [ScanTarget] {
    guard let kind = FileKind(path) else { throw InputError.noSuchPath(path) }
    guard kind == .directory else {
      return [ScanTarget(diskPath: path, displayPath: path, relativePath: relativeName(of: path), isExplicit: true)]
    }
    if !includeIgnored, let tree = Git(directory: path).workTree() {
      let (files, warnings) = try Git(directory: path).listFiles()
      // git's own warnings (a directory it cannot read) name what it did not list.
      for warning in warnings { onWarning(warning) }
      return files.map { file in
        ScanTarget(
          diskPath: join(path, file), displayPath: display(path, file),
          relativePath: tree.prefix + file)
      }
    }
    let files = FileWalker.files(under: path, onError: onWarning)
    return files.map { ScanTarget(diskPath: join(path, $0), displayPath: display(path, $0), relativePath: $0) }
  }

  /// A named file's path relative to its repository's root (what allowlists match), or as
  /// typed outside a repository.
  private func relativeName(of path: String) -> String {
    let slash = path.lastIndex(of: "/")
    let directory = slash.map { String(path[..<$0]) } ?? "."
    let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
    if let tree = Git(directory: directory.isEmpty ? "/" : directory).workTree() {
      return tree.prefix + name
    }
    var typed = Substring(path)
    while typed.hasPrefix("./") { typed = typed.dropFirst(2) }
    return String(typed)
  }

  private func join(_ directory: String, _ file: String) -> String {
    directory.hasSuffix("/") ? directory + file : directory + "/" + file
  }

  private func display(_ directory: String, _ file: String) -> String {
    directory == "." || directory == "./" ? file : join(directory, file)
  }
}
