import Foundation

/// What went wrong running git.
public enum GitError: Error, Equatable, CustomStringConvertible {
  case notInstalled
  case failed(command: String, status: Int32, message: String)

  public var description: String {
    switch self {
    case .notInstalled:
      "git was not found on PATH: install git, or scan with --all-files outside a repository"
    case .failed(let command, let status, let message):
      "git \(command) failed (exit \(status)): \(message)"
    }
  }
}

/// The only door to git: runs its plumbing commands in one directory.
public struct Git: Sendable {
  public let directory: String

  public init(directory: String) { self.directory = directory }

  /// The work tree that holds `directory`: its root and `directory`'s path under it (empty
  /// or ending in `/`). Nil outside a work tree. Found as git finds it, by the nearest
  /// ancestor holding `.git` (a directory, or a file in worktrees and submodules), without
  /// starting a process: this runs on every scan, including one-file pre-commit scans.
  public func workTree() -> (root: String, prefix: String)? {
    guard let resolved = realpath(directory, nil) else { return nil }
    defer { free(resolved) }
    var current = String(cString: resolved)
    var prefix: [Substring] = []
    while true {
      if FileManager.default.fileExists(atPath: current + "/.git") {
        let path = prefix.reversed().joined(separator: "/")
        return (current, path.isEmpty ? "" : path + "/")
      }
      guard current != "/", let slash = current.lastIndex(of: "/") else { return nil }
      prefix.append(current[current.index(after: slash)...])
      current = slash == current.startIndex ? "/" : String(current[..<slash])
    }
  }

  /// Files git would consider under `directory`: tracked plus untracked-but-not-ignored,
  /// relative to `directory`, each once.
  public func listFiles() throws -> [String] {
    let output = try run(["ls-files", "-z", "--cached", "--others", "--exclude-standard", "--deduplicate"])
    guard output.status == 0 else {
      throw GitError.failed(command: "ls-files", status: output.status, message: output.stderr)
    }
    return output.stdout.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
  }

  /// Runs `git <arguments>` in the directory. A non-zero exit is returned, not thrown: for
  /// several git commands it is an answer.
  func run(_ arguments: [String]) throws -> (status: Int32, stdout: [UInt8], stderr: String) {
    // Pager, colour, prompts and locale must not change what we parse; the rest of the user's
    // config (core.excludesFile, safe.directory) is theirs and must count.
    let overrides = ["GIT_PAGER": "cat", "GIT_TERMINAL_PROMPT": "0", "LC_ALL": "C", "GIT_OPTIONAL_LOCKS": "0"]
    let environment = ProcessInfo.processInfo.environment.merging(overrides) { $1 }
    let child = try ChildProcess.spawn(
      "git", arguments: ["-C", directory] + arguments,
      environment: environment.map { "\($0.key)=\($0.value)" })
    let (stdout, stderr) = child.readToEnd()
    let status = child.wait()
    let message = String(decoding: stderr, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    return (status, stdout, message)
  }
}

/// A child process with piped stdout and stderr, started with posix_spawnp: Foundation's
/// Process costs tens of milliseconds per start here, which a pre-commit hook cannot afford.
struct ChildProcess {
  let pid: pid_t
  let stdout: Int32
  let stderr: Int32

  static func spawn(_ program: String, arguments: [String], environment: [String]) throws -> ChildProcess {
    var outPipe: [Int32] = [0, 0]
    var errPipe: [Int32] = [0, 0]
    guard pipe(&outPipe) == 0, pipe(&errPipe) == 0 else {
      throw GitError.failed(command: "spawn", status: -1, message: String(cString: strerror(errno)))
    }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
    posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2)
    for fd in outPipe + errPipe { posix_spawn_file_actions_addclose(&actions, fd) }
    let argv = ([program] + arguments).map { strdup($0) } + [nil]
    let envp = environment.map { strdup($0) } + [nil]
    defer { (argv + envp).forEach { free($0) } }
    var pid: pid_t = 0
    let status = posix_spawnp(&pid, program, &actions, nil, argv, envp)
    close(outPipe[1])
    close(errPipe[1])
    guard status == 0 else {
      close(outPipe[0])
      close(errPipe[0])
      if status == ENOENT { throw GitError.notInstalled }
      throw GitError.failed(command: "spawn", status: status, message: String(cString: strerror(status)))
    }
    return ChildProcess(pid: pid, stdout: outPipe[0], stderr: errPipe[0])
  }

  /// Reads both pipes to end of file, interleaved with poll so neither can fill and block.
  func readToEnd() -> (stdout: [UInt8], stderr: [UInt8]) {
    var out: [UInt8] = []
    var err: [UInt8] = []
    var open: [Int32] = [stdout, stderr]
    var chunk = [UInt8](repeating: 0, count: 64 * 1024)
    while !open.isEmpty {
      var fds = open.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
      guard poll(&fds, nfds_t(fds.count), -1) >= 0 else {
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

  /// Waits for the child; its exit status, or 128 + signal.
  func wait() -> Int32 {
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    let signal = status & 0x7F
    return signal == 0 ? (status >> 8) & 0xFF : 128 + signal
  }
}
