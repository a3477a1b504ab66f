import Dispatch
import Synchronization

/// A child process with piped stdout and stderr (and stdin, when it is fed), started with
/// posix_spawnp: Foundation's Process costs tens of milliseconds per start here, which a
/// pre-commit hook cannot afford.
struct ChildProcess: Sendable {
  let pid: pid_t
  let stdin: Int32?
  let stdout: Int32
  let stderr: Int32

  static func spawn(
    _ program: String, arguments: [String], environment: [String], feedsStandardInput: Bool = false
  ) throws(GitError) -> ChildProcess {
    var outPipe: [Int32] = [-1, -1]
    var errPipe: [Int32] = [-1, -1]
    var inPipe: [Int32] = [-1, -1]
    guard pipe(&outPipe) == 0, pipe(&errPipe) == 0, !feedsStandardInput || pipe(&inPipe) == 0 else {
      let reason = Posix.lastError
      for fd in outPipe + errPipe + inPipe where fd >= 0 { close(fd) }
      throw .failed(command: "spawn", status: -1, message: reason)
    }
    // Our ends must not leak into other children (a second git would keep a pipe open).
    for fd in [outPipe[0], errPipe[0], inPipe[1]] where fd >= 0 { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
    // git log and cat-file stream gigabytes through stdout.
    Platform.enlargePipe(outPipe[0])
    var actions = Platform.spawnFileActions()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    if feedsStandardInput {
      posix_spawn_file_actions_adddup2(&actions, inPipe[0], 0)
    } else {
      posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    }
    posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
    posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2)
    for fd in outPipe + errPipe + inPipe where fd >= 0 { posix_spawn_file_actions_addclose(&actions, fd) }
    let argv = ([program] + arguments).map { strdup($0) } + [nil]
    let envp = environment.map { strdup($0) } + [nil]
    defer { for pointer in argv + envp { free(pointer) } }
    var pid: pid_t = 0
    let status = posix_spawnp(&pid, program, &actions, nil, argv, envp)
    for fd in [outPipe[1], errPipe[1], inPipe[0]] where fd >= 0 { close(fd) }
    guard status == 0 else {
      for fd in [outPipe[0], errPipe[0], inPipe[1]] where fd >= 0 { close(fd) }
      if status == ENOENT { throw .notInstalled }
      throw .failed(command: "spawn", status: status, message: String(cString: strerror(status)))
    }
    return ChildProcess(
      pid: pid, stdin: feedsStandardInput ? inPipe[1] : nil, stdout: outPipe[0], stderr: errPipe[0])
  }

  /// Writes `input` to the child's stdin on another thread, then closes it, so that a child
  /// that answers while it reads (cat-file --batch) cannot fill its stdout and block us both.
  func feed(_ input: [UInt8]) {
    guard let fd = stdin else { return }
    ChildProcess.ignoreBrokenPipes()
    // Less than a pipe buffer cannot block: no thread needed (a pre-commit's few ids).
    if input.count < 4096 {
      input.withUnsafeBytes { bytes in _ = Posix.writeAll(fd, bytes) }
      close(fd)
      return
    }
    Platform.detachThread {
      input.withUnsafeBytes { bytes in _ = Posix.writeAll(fd, bytes) }
      close(fd)
    }
  }

  /// A git that exits early must turn our writes into EPIPE errors, not kill Hush.
  static func ignoreBrokenPipes() { signal(SIGPIPE, SIG_IGN) }

  /// Reads both pipes to end of file, interleaved with poll so neither can fill and block.
  func readToEnd() -> (stdout: [UInt8], stderr: [UInt8]) {
    var out: [UInt8] = []
    var err: [UInt8] = []
    var open: [Int32] = [stdout, stderr]
    var chunk = [UInt8](repeating: 0, count: 64 * 1024)
    while !open.isEmpty {
      var fds = open.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
      let ready = poll(&fds, nfds_t(fds.count), -1)
      guard ready > 0 else {
        if errno == EINTR { continue }
        break
      }
      for entry in fds where entry.revents != 0 {
        let count = chunk.withUnsafeMutableBytes { read(entry.fd, $0.baseAddress, $0.count) }
        if count > 0 {
          if entry.fd == stdout { out += chunk[..<count] } else { err += chunk[..<count] }
        } else if count == 0 || errno != EINTR {
          close(entry.fd)
          open.removeAll { $0 == entry.fd }
        }
      }
    }
    return (out, err)
  }

  /// Collects stderr on a thread of its own, for children whose stdout is read as a stream.
  func drainStandardError() -> StandardErrorSink {
    let sink = StandardErrorSink()
    let fd = stderr
    Platform.detachThread {
      var collected: [UInt8] = []
      var chunk = [UInt8](repeating: 0, count: 4096)
      while true {
        let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        if count < 0 && errno == EINTR { continue }
        if count <= 0 { break }
        if collected.count < 64 * 1024 { collected += chunk[..<count] }
      }
      close(fd)
      sink.finish(collected)
    }
    return sink
  }

  /// Reads the child's output to its end, unread, and waits for it: on an error path, so that
  /// it neither blocks on a full pipe nor is left a zombie.
  func discard() {
    _ = readToEnd()
    _ = wait()
  }

  /// Waits for the child; its exit status, or 128 + signal.
  func wait() -> Int32 {
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    let signal = status & 0x7F
    return signal == 0 ? (status >> 8) & 0xFF : 128 + signal
  }
}

/// What a streamed child wrote on stderr, available once the pipe closed.
final class StandardErrorSink: Sendable {
  private let done = DispatchSemaphore(value: 0)
  private let text = Mutex<String>("")

  fileprivate func finish(_ bytes: [UInt8]) {
    text.withLock { $0 = String(decoding: bytes, as: UTF8.self).trimmingWhitespace() }
    done.signal()
  }

  /// Blocks until the child closed stderr (it has exited or is about to).
  func message() -> String {
    done.wait()
    done.signal()
    return text.withLock { $0 }
  }
}
