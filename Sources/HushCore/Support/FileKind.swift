/// A path's kind, following symlinks (arguments the user typed may be links).
enum FileKind: Equatable {
  case directory, other

  init?(_ path: String) {
    var info = stat()
    guard PathBytes.withCString(path, { stat($0, &info) }) == 0 else { return nil }
    self = info.st_mode & S_IFMT == S_IFDIR ? .directory : .other
  }
}
