import Foundation

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
/// renamed over it, so a crash never leaves half a file.
public enum AtomicFile {
  static func write(_ bytes: [UInt8], to path: String, mode: mode_t) throws(OutputError) {
    let directory = PathName.parent(of: path)
    let template = (directory.isEmpty ? "." : directory) + "/.hush-XXXXXX"
    var name = Array(template.utf8CString)
    let fd = name.withUnsafeMutableBufferPointer { buffer in buffer.baseAddress.map { mkstemp($0) } ?? -1 }
    guard fd >= 0 else { throw .unwritable(path, reason: Posix.lastError) }
    let temporary = String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    var failure: String?
    if fchmod(fd, mode) != 0 {
      failure = Posix.lastError
    } else if !(bytes.withUnsafeBytes { Posix.writeAll(fd, $0) }) || fsync(fd) != 0 {
      failure = Posix.lastError
    }
    close(fd)
    if failure == nil && rename(temporary, path) != 0 { failure = Posix.lastError }
    if let failure {
      unlink(temporary)
      throw .unwritable(path, reason: failure)
    }
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
