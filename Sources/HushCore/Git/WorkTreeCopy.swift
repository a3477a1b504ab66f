import Crypto

/// The working tree's copy of a staged file, when it is byte for byte the staged blob.
///
/// The pre-commit hook used to read every staged file from `git cat-file`, a third process
/// competing with `git diff` for a laptop's cores while the hook's whole budget is a few
/// milliseconds. Usually the file on disk is what was staged; that is proven, not assumed, by
/// the blob's own id (git hashes `blob <size>\0` and the bytes), so a file edited since `git
/// add`, a clean filter or a line-ending conversion only sends the file back to cat-file.
enum WorkTreeCopy {
  /// The bytes of `file` under `root` when they hash to its staged blob, else nil. Never
  /// follows a symlink and never opens anything but a regular file of at most `maxSize` bytes.
  static func bytes(of file: StagedFile, root: String, maxSize: Int) -> [UInt8]? {
    guard let expected = digestBytes(file.blob) else { return nil }
    let path = PathName.join(root, file.path)
    let fd = PathBytes.withCString(path) { systemOpen($0, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOFOLLOW) }
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_size <= maxSize else { return nil }
    guard let bytes = readExactly(fd, count: Int(info.st_size)) else { return nil }
    return blobID(of: bytes, length: expected.count) == expected ? bytes : nil
  }

  /// git's object id of a blob holding `bytes`: SHA-1, or SHA-256 in a SHA-256 repository
  /// (told apart by the length of the ids git prints).
  static func blobID(of bytes: [UInt8], length: Int) -> [UInt8]? {
    let header = Array("blob \(bytes.count)\0".utf8)
    switch length {
    case 20:
      var hasher = Insecure.SHA1()
      hasher.update(data: header)
      hasher.update(data: bytes)
      return Array(hasher.finalize())
    case 32:
      var hasher = SHA256()
      hasher.update(data: header)
      hasher.update(data: bytes)
      return Array(hasher.finalize())
    default: return nil
    }
  }

  /// The bytes a hex object id stands for; nil for anything but 40 or 64 hex digits.
  static func digestBytes(_ hex: String) -> [UInt8]? {
    let digits = Array(hex.utf8)
    guard digits.count == 40 || digits.count == 64 else { return nil }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(digits.count / 2)
    for index in stride(from: 0, to: digits.count, by: 2) {
      guard let high = nibble(digits[index]), let low = nibble(digits[index + 1]) else { return nil }
      bytes.append(high << 4 | low)
    }
    return bytes
  }

  private static func nibble(_ digit: UInt8) -> UInt8? {
    switch digit {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
    default: nil
    }
  }

  /// Exactly `count` bytes, or nil if the file is shorter or longer than it said (it is being
  /// written: cat-file then reads what was staged).
  private static func readExactly(_ fd: Int32, count: Int) -> [UInt8]? {
    var failed = false
    let bytes = [UInt8](unsafeUninitializedCapacity: count + 1) { buffer, initialized in
      while initialized < count + 1, let base = buffer.baseAddress {
        let got = systemRead(fd, base + initialized, count + 1 - initialized)
        if got < 0 && errno == EINTR { continue }
        if got <= 0 { break }
        initialized += got
      }
      failed = initialized != count
    }
    return failed ? nil : bytes
  }
}
