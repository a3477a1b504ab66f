/// What reading one file gave.
public enum FileContent {
  /// The file's bytes, valid until the next read with the same reader.
  case text(UnsafeBufferPointer<UInt8>)
  case binary
  case tooLarge(Int)
  /// Not a regular file (FIFO, socket, device).
  case special
  /// A directory where a file was listed: a submodule or a nested repository.
  case directory
  case missing
  case unreadable(String)
}

/// Reads files into one reusable buffer (one reader per worker thread), with the checks a
/// scanner needs before it looks at a byte: regular file, size limit, binary content.
public final class FileReader {
  let maxFileSize: Int
  private var buffer: UnsafeMutableRawBufferPointer
  /// A NUL byte in the first 8 KiB marks a file as binary, as git decides.
  public static let binaryProbeLength = 8 * 1024

  init(maxFileSize: Int) {
    self.maxFileSize = maxFileSize
    buffer = .allocate(byteCount: 64 * 1024, alignment: 16)
  }

  deinit { buffer.deallocate() }

  /// Reads the file at `path`; `followsLinks` for a path the user named (a symlink they
  /// name is the file they mean).
  func read(_ path: String, followsLinks: Bool = false) -> FileContent {
    // lstat first: a symlink (git can list one) must not lead the scan out of the tree, and
    // opening a socket or device has side effects.
    var link = stat()
    let status = PathBytes.withCString(path) { followsLinks ? stat($0, &link) : lstat($0, &link) }
    guard status == 0 else { return failure(errno) }
    if link.st_mode & S_IFMT == S_IFDIR { return .directory }
    guard link.st_mode & S_IFMT == S_IFREG else { return .special }
    // O_NONBLOCK: opening a FIFO listed by git must not hang the scan.
    let fd = PathBytes.withCString(path) { open($0, O_RDONLY | O_NONBLOCK | O_CLOEXEC) }
    guard fd >= 0 else { return failure(errno) }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0 else { return failure(errno) }
    guard info.st_mode & S_IFMT == S_IFREG else { return .special }
    let size = Int(info.st_size)
    guard size <= maxFileSize else { return .tooLarge(size) }
    guard let count = readAll(fd, expected: size) else { return failure(errno) }
    let bytes = UnsafeBufferPointer(start: buffer.baseAddress?.assumingMemoryBound(to: UInt8.self), count: count)
    if let decoded = TextEncoding.utf8(fromMarked: bytes) { return .text(hold(decoded)) }
    return Self.isBinary(bytes) ? .binary : .text(bytes)
  }

  /// Copies `bytes` into the reader's buffer, which then holds them until the next read.
  private func hold(_ bytes: [UInt8]) -> UnsafeBufferPointer<UInt8> {
    ensureCapacity(bytes.count)
    bytes.withUnsafeBytes { source in buffer.copyMemory(from: source) }
    return UnsafeBufferPointer(start: buffer.baseAddress?.assumingMemoryBound(to: UInt8.self), count: bytes.count)
  }

  /// Opens a file over the size limit to be read in chunks; nil when it cannot be opened
  /// (it was just read, so that is a race: the caller reports it unreadable).
  func chunks(of path: String) -> FileChunks? {
    let fd = PathBytes.withCString(path) { systemOpen($0, O_RDONLY | O_NONBLOCK | O_CLOEXEC) }
    return fd >= 0 ? FileChunks(fd: fd) : nil
  }

  /// Whether bytes look binary (a NUL in the first 8 KiB).
  public static func isBinary(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let base = bytes.baseAddress else { return false }
    return memchr(base, 0, min(bytes.count, binaryProbeLength)) != nil
  }

  /// Reads to end of file; a file that grew since fstat is read up to the size limit.
  private func readAll(_ fd: Int32, expected: Int) -> Int? {
    ensureCapacity(expected + 1)
    var total = 0
    while true {
      if total == buffer.count {
        guard total < maxFileSize else { return total }
        ensureCapacity(buffer.count * 2)
      }
      guard let base = buffer.baseAddress else { return nil }
      let got = systemRead(fd, base + total, buffer.count - total)
      if got < 0 {
        if errno == EINTR { continue }
        return nil
      }
      if got == 0 { return total }
      total += got
    }
  }

  private func ensureCapacity(_ capacity: Int) {
    guard capacity > buffer.count else { return }
    let bigger = UnsafeMutableRawBufferPointer.allocate(byteCount: capacity, alignment: 16)
    buffer.deallocate()
    buffer = bigger
  }

  private func failure(_ code: Int32) -> FileContent {
    if code == ENOENT || code == ENOTDIR { return .missing }
    return .unreadable(String(cString: strerror(code)))
  }
}

/// An open file read in pieces, closed when released.
final class FileChunks {
  private let fd: Int32

  init(fd: Int32) { self.fd = fd }
  deinit { close(fd) }

  /// Reads up to `target.count` bytes; 0 at end of file.
  func read(into target: UnsafeMutableRawBufferPointer) throws -> Int {
    guard let base = target.baseAddress, !target.isEmpty else { return 0 }
    while true {
      let got = systemRead(fd, base, target.count)
      if got >= 0 { return got }
      if errno != EINTR { throw InputError.unreadable("file", reason: Posix.lastError) }
    }
  }
}
