/// One answer of `git cat-file --batch`.
public enum GitObject: Sendable {
  case blob([UInt8])
  /// A blob over the size limit: its bytes were read past, not kept.
  case tooLarge(size: Int)
  /// Another kind of object (a tag or tree named where a blob was expected).
  case other(type: String)
}

/// Streams objects out of one long-lived `git cat-file --batch`: object ids go in on a feeder
/// thread while their contents are read here, in the same order.
public final class CatFileReader {
  private let child: ChildProcess
  private let errors: StandardErrorSink
  private var storage: UnsafeMutablePointer<UInt8>
  private var capacity = 1 << 20
  private var start = 0
  private var end = 0
  private var finished = false
  private var requested = false
  /// Bytes of a large blob left in the stream for `readBlob(into:)`, its newline excluded.
  private var pending = 0

  /// Starts cat-file and feeds it `objects` (hex ids).
  public convenience init(git: Git, objects: [String]) throws(GitError) {
    try self.init(git: git)
    request(objects)
  }

  /// Starts cat-file, to be fed with `request` once the objects are known (it starts up
  /// meanwhile).
  public init(git: Git) throws(GitError) {
    child = try git.spawn(["cat-file", "--batch"], feedsStandardInput: true)
    errors = child.drainStandardError()
    storage = .allocate(capacity: capacity)
  }

  /// Asks for `objects`, in the order `next` will return them; call once.
  public func request(_ objects: [String]) {
    guard !requested else { return }
    requested = true
    child.feed(Array(objects.map { $0 + "\n" }.joined().utf8))
  }

  deinit {
    storage.deallocate()
    // Never fed (an error came first): end its input, or it would wait for ids forever.
    if !requested, let input = child.stdin { close(input) }
    if !finished {
      close(child.stdout)
      _ = child.wait()
    }
  }

  /// The next object, in request order. Throws when git cannot read it, naming it.
  /// With `streamsLarge`, a blob over `maxSize` is left in the stream: read it with
  /// `readBlob(into:)` (what is not read is skipped by the next call).
  public func next(object: String, maxSize: Int, streamsLarge: Bool = false) throws(GitError) -> GitObject {
    if pending > 0 { try skip(pending + 1) }
    pending = 0
    guard let header = try line() else { throw try failure(object) }
    let fields = header.split(separator: " ")
    guard fields.count == 3, let size = Int(fields[2]) else { throw try failure(object) }
    let type = String(fields[1])
    if type == "blob" && size > maxSize && streamsLarge {
      pending = size
      return .tooLarge(size: size)
    }
    if type != "blob" || size > maxSize {
      try skip(size + 1)
      return type == "blob" ? .tooLarge(size: size) : .other(type: type)
    }
    let bytes = try read(size)
    try skip(1)
    return .blob(bytes)
  }

  /// The next bytes of the large blob `next` left in the stream, up to `target.count`; 0
  /// once it is all read.
  public func readBlob(into target: UnsafeMutableRawBufferPointer) throws(GitError) -> Int {
    guard pending > 0, let destination = target.baseAddress, !target.isEmpty else { return 0 }
    if start == end, !(try refill()) {
      throw .failed(command: "cat-file --batch", status: -1, message: "output ended early")
    }
    let count = min(pending, target.count, end - start)
    memcpy(destination, storage + start, count)
    start += count
    pending -= count
    if pending == 0 { try skip(1) }
    return count
  }

  /// Waits for cat-file to exit; an error if it failed.
  public func finish() throws(GitError) {
    finished = true
    close(child.stdout)
    let status = child.wait()
    let message = errors.message()
    guard status == 0 || status == 128 + SIGPIPE else {
      throw .failed(command: "cat-file --batch", status: status, message: message)
    }
  }

  /// Ends reading once every object asked for was read, without waiting for cat-file to exit:
  /// its exit status can tell nothing more, and a pre-commit hook should not wait for git's
  /// tear-down (with the stderr thread's, up to a millisecond). It exits on its own once its
  /// input ends; init reaps it when Hush has exited.
  public func stopReading() {
    finished = true
    close(child.stdout)
  }

  /// Why `object` could not be read: git's "missing" answer, or its message on stderr.
  private func failure(_ object: String) throws(GitError) -> GitError {
    finished = true
    close(child.stdout)
    _ = child.wait()
    return .corruptObject(object, message: errors.message())
  }

  /// The next header line, without its newline; nil at end of stream.
  private func line() throws(GitError) -> Substring? {
    while true {
      if let newline = memchr(storage + start, 0x0A, end - start) {
        let length = newline.assumingMemoryBound(to: UInt8.self) - (storage + start)
        let text = String(decoding: UnsafeBufferPointer(start: storage + start, count: length), as: UTF8.self)
        start += length + 1
        return Substring(text)
      }
      guard try refill() else { return nil }
    }
  }

  /// Exactly `count` bytes, from the buffer first and then straight from the pipe.
  private func read(_ count: Int) throws(GitError) -> [UInt8] {
    var failed = false
    let bytes = [UInt8](unsafeUninitializedCapacity: count) { target, initialized in
      let buffered = min(count, end - start)
      guard let destination = target.baseAddress else { return }
      memcpy(destination, storage + start, buffered)
      start += buffered
      var filled = buffered
      while filled < count {
        let got = systemRead(child.stdout, destination + filled, count - filled)
        if got < 0 && errno == EINTR { continue }
        if got <= 0 { break }
        filled += got
      }
      failed = filled < count
      initialized = filled
    }
    if failed { throw .failed(command: "cat-file --batch", status: -1, message: "output ended early") }
    return bytes
  }

  /// Discards `count` bytes.
  private func skip(_ count: Int) throws(GitError) {
    var remaining = count
    while remaining > 0 {
      if start == end, !(try refill()) {
        throw .failed(command: "cat-file --batch", status: -1, message: "output ended early")
      }
      let taken = min(remaining, end - start)
      start += taken
      remaining -= taken
    }
  }

  /// Reads more from the pipe, keeping unread bytes; false at end of stream.
  private func refill() throws(GitError) -> Bool {
    if start > 0 {
      memmove(storage, storage + start, end - start)
      end -= start
      start = 0
    }
    if end == capacity {
      // Only a header longer than the buffer gets here; cat-file's are under 100 bytes.
      let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity * 2)
      larger.update(from: storage, count: end)
      storage.deallocate()
      storage = larger
      capacity *= 2
    }
    while true {
      let got = systemRead(child.stdout, storage + end, capacity - end)
      if got < 0 && errno == EINTR { continue }
      if got < 0 { throw .failed(command: "cat-file --batch", status: -1, message: Posix.lastError) }
      end += got
      return got > 0
    }
  }
}
