/// Lists the files (regular or special, never symlinks) under a directory without following symlinks (so no loop and no
/// escape from the scanned tree) and without entering `.git`.
public enum FileWalker {
  /// Paths relative to `root`, sorted; unreadable directories are reported to `onError`.
  public static func files(under root: String, onError: (String) -> Void) -> [String] {
    var found: [String] = []
    var pending: [String] = [""]
    while let relative = pending.popLast() {
      let directory = relative.isEmpty ? root : root + "/" + relative
      guard let stream = PathBytes.withCString(directory, { opendir($0) }) else {
        onError("\(Printable.text(directory)): skipped, cannot read directory: \(Posix.lastError)")
        continue
      }
      defer { closedir(stream) }
      while let entry = readdir(stream) {
        let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
          PathBytes.decode(raw.prefix(while: { $0 != 0 }))
        }
        if name == "." || name == ".." || name == ".git" { continue }
        let child = relative.isEmpty ? name : relative + "/" + name
        switch kind(of: entry.pointee.d_type, path: root + "/" + child) {
        case .directory: pending.append(child)
        case .file: found.append(child)
        case .other: continue
        }
      }
    }
    return found.sorted()
  }

  private enum Kind { case directory, file, other }

  private static func kind(of type: UInt8, path: String) -> Kind {
    switch Int32(type) {
    case Int32(DT_DIR): return .directory
    case Int32(DT_LNK): return .other
    case Int32(DT_UNKNOWN):
      // Some file systems do not fill d_type; ask lstat, which does not follow links.
      var info = stat()
      guard PathBytes.withCString(path, { lstat($0, &info) }) == 0 else { return .other }
      switch info.st_mode & S_IFMT {
      case S_IFDIR: return .directory
      case S_IFLNK: return .other
      default: return .file
      }
    default:
      // FIFOs, sockets and devices are listed so the reader can count them as skipped.
      return .file
    }
  }
}
