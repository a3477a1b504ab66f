/// Where a file of plaintext secrets (the purge file) may be written.
public enum PlaintextGuard {
  /// Throws when `path` would land inside a work tree: the one that holds `directory`, or
  /// any other (`../x` inside a parent repository is as committable as `./x`).
  public static func refuseInsideWorkTree(_ path: String, repository directory: String) throws(OutputError) {
    let parent = PathName.parent(of: path)
    guard let resolved = realpath(parent.isEmpty ? "." : parent, nil) else {
      throw .unwritable(path, reason: "its directory does not exist")
    }
    defer { free(resolved) }
    var targets = [String(cString: resolved)]
    // An existing symlink is written through: where it points must be outside too.
    if let linked = realpath(path, nil) {
      targets.append(PathName.parent(of: String(cString: linked)))
      free(linked)
    }
    for target in targets {
      for tree in [Git(directory: target).workTree(), Git(directory: directory).workTree()].compactMap({ $0 }) {
        if target == tree.root || target.hasPrefix(tree.root.hasSuffix("/") ? tree.root : tree.root + "/") {
          throw .insideWorkTree(path, root: tree.root)
        }
      }
    }
  }
}
