/// A file that cannot be written where or how it was asked.
public enum OutputError: HushError, Equatable {
  case insideWorkTree(String, root: String)
  case unwritable(String, reason: String)

  /// The message, naming the file.
  public var description: String {
    switch self {
    case .insideWorkTree(let path, let root):
      "\(path): refusing to write plaintext secrets inside the work tree \(root), where they could be committed; choose a path outside it"
    case .unwritable(let path, let reason): "\(path): cannot write: \(reason)"
    }
  }
}

/// Writes files whole or not at all: to a temporary file beside the target, flushed, then
/// renamed over it, so a crash never leaves half a file. Only a regular file (or a new name)
/// is replaced that way: a device, a FIFO or a symlink (`-o /dev/stdout`, `-o /dev/null`, a
/// pipe to another program, a link the user made) is opened and written through, never
/// replaced by a regular file.
public enum AtomicFile {
  static func write(_ bytes: [UInt8], to path: String, mode: mode_t) throws(OutputError) {
    var info = stat()
    if lstat(path, &info) == 0 && (info.st_mode & S_IFMT) != S_IFREG {
      return try writeThrough(bytes, to: path, mode: mode)
    }
    let directory = PathName.parent(of: path)
    let (fd, temporary) = try openTemporary(in: directory.isEmpty ? "." : directory, mode: mode, for: path)
    var failure: String?
    if fchmod(fd, mode) != 0 {
      failure = Posix.lastError
    } else if !(bytes.withUnsafeBytes { Posix.writeAll(fd, $0) }) || fsync(fd) != 0 {
      failure = Posix.lastError
    }
    var named = temporary
    if failure == nil && named == nil {
      named = try linkAnonymous(fd, in: directory.isEmpty ? "." : directory, for: path)
    }
    close(fd)
    if failure == nil, let named, rename(named, path) != 0 { failure = Posix.lastError }
    if let failure {
      if let named { unlink(named) }
      throw .unwritable(path, reason: failure)
    }
  }

  /// Opens and writes an existing non-regular file (device, FIFO, symlink and its target).
  static func writeThrough(_ bytes: [UInt8], to path: String, mode: mode_t) throws(OutputError) {
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode)
    guard fd >= 0 else { throw .unwritable(path, reason: Posix.lastError) }
    defer { close(fd) }
    guard bytes.withUnsafeBytes({ Posix.writeAll(fd, $0) }) else {
      throw .unwritable(path, reason: Posix.lastError)
    }
  }

  /// A file to write the new content to: on Linux an unnamed one (O_TMPFILE; nil name), so
  /// that a run killed while writing leaves no file behind, not even one holding plaintext
  /// secrets; elsewhere, or where the file system refuses, a `.hush-XXXXXX` beside `path`.
  private static func openTemporary(in directory: String, mode: mode_t, for path: String) throws(OutputError) -> (
    Int32, String?
  ) {
    if let anonymous = Platform.openUnnamedFile(in: directory, mode: mode) { return (anonymous, nil) }
    var name = Array((directory + "/.hush-XXXXXX").utf8CString)
    let fd = name.withUnsafeMutableBufferPointer { buffer in buffer.baseAddress.map { mkstemp($0) } ?? -1 }
    guard fd >= 0 else { throw .unwritable(path, reason: Posix.lastError) }
    return (fd, String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
  }

  /// Gives the complete, flushed unnamed file a name beside `path` (to be renamed over it
  /// at once: the only moment a name exists is between these two calls).
  private static func linkAnonymous(_ fd: Int32, in directory: String, for path: String) throws(OutputError) -> String {
    for attempt in 0..<16 {
      let name = directory + "/.hush-\(getpid())-\(attempt)-\(UInt32.random(in: 0...UInt32.max))"
      if Platform.link(unnamedFile: fd, to: name) { return name }
      if errno != EEXIST { break }
    }
    throw .unwritable(path, reason: Posix.lastError)
  }

  /// Writes a new file whole, never over an existing one: the temporary file is hard-linked
  /// to `path`, which fails if `path` exists.
  public static func create(_ bytes: [UInt8], at path: String, mode: mode_t) throws(OutputError) {
    let temporary = PathName.parent(of: path) + "/.hush-new-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    try write(bytes, to: temporary, mode: mode)
    defer { unlink(temporary) }
    guard link(temporary, path) == 0 else {
      throw .unwritable(
        path,
        reason: errno == EEXIST ? "it exists already: edit it, or remove it first" : Posix.lastError)
    }
  }
}
