import Glibc

/// Where a file of plaintext secrets (the purge file) may be written.
public enum PlaintextGuard {
  /// Throws when `path` would land inside the work tree that holds `directory`.
  public static func refuseInsideWorkTree(_ path: String, repository directory: String) throws(OutputError) {
    guard let tree = Git(directory: directory).workTree() else { return }
    let parent = PathName.parent(of: path)
    guard let resolved = realpath(parent.isEmpty ? "." : parent, nil) else {
      throw .unwritable(path, reason: "its directory does not exist")
    }
    defer { free(resolved) }
    let target = String(cString: resolved)
    if target == tree.root || target.hasPrefix(tree.root.hasSuffix("/") ? tree.root : tree.root + "/") {
      throw .insideWorkTree(path, root: tree.root)
    }
  }
}
