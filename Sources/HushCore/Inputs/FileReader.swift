import Glibc

/// What reading one file gave.
public enum FileContent {
  /// The file's bytes, valid until the next read with the same reader.
  case text(UnsafeBufferPointer<UInt8>)
  case binary
  case tooLarge(Int)
  /// Not a regular file (FIFO, socket, device, directory).
  case special
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

  func read(_ path: String) -> FileContent {
    // lstat first: a symlink (git can list one) must not lead the scan out of the tree, and
    // opening a socket or device has side effects.
    var link = stat()
    guard lstat(path, &link) == 0 else { return failure(errno) }
    guard link.st_mode & S_IFMT == S_IFREG else { return .special }
    // O_NONBLOCK: opening a FIFO listed by git must not hang the scan.
    let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
    guard fd >= 0 else { return failure(errno) }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0 else { return failure(errno) }
    guard info.st_mode & S_IFMT == S_IFREG else { return .special }
    let size = Int(info.st_size)
    guard size <= maxFileSize else { return .tooLarge(size) }
    guard let count = readAll(fd, expected: size) else { return failure(errno) }
    let bytes = UnsafeBufferPointer(start: buffer.baseAddress?.assumingMemoryBound(to: UInt8.self), count: count)
    return Self.isBinary(bytes) ? .binary : .text(bytes)
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
      let got = Glibc.read(fd, base + total, buffer.count - total)
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
