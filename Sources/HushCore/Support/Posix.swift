/// Thin wrappers over the system calls several concerns share, with errno turned into words.
public enum Posix {
  /// The system's message for the current `errno` ("No such file or directory").
  public static var lastError: String { String(cString: strerror(errno)) }

  /// Writes every byte unless the reader goes away; false when it did.
  static func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> Bool {
    guard let base = bytes.baseAddress else { return true }
    var offset = 0
    while offset < bytes.count {
      let written = write(fd, base + offset, bytes.count - offset)
      if written < 0 && errno == EINTR { continue }
      if written <= 0 { return false }
      offset += written
    }
    return true
  }
}
