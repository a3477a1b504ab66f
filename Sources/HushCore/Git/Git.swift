import Foundation
import Synchronization

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

  /// A work tree that holds `directory`: its root and `directory`'s path under it
  /// (empty or ending in `/`). Nil outside a work tree (or in a bare repository).
  public func workTree() -> (root: String, prefix: String)? {
    guard let output = try? run(["rev-parse", "--is-inside-work-tree", "--show-toplevel", "--show-prefix"]),
      output.status == 0
    else { return nil }
    let lines = String(decoding: output.stdout, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
    guard lines.count >= 3, lines[0] == "true" else { return nil }
    return (String(lines[1]), String(lines[2]))
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
  private func run(_ arguments: [String]) throws -> (status: Int32, stdout: [UInt8], stderr: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["git", "-C", directory] + arguments
    // Pager, colour, prompts and locale must not change what we parse; the rest of the user's
    // config (core.excludesFile, safe.directory) is theirs and must count.
    process.environment = ProcessInfo.processInfo.environment.merging(
      ["GIT_PAGER": "cat", "GIT_TERMINAL_PROMPT": "0", "LC_ALL": "C", "GIT_OPTIONAL_LOCKS": "0"]
    ) { $1 }
    let stdout = Pipe()
    let stderr = Pipe()
    process.standardOutput = stdout
    process.standardError = stderr
    process.standardInput = FileHandle.nullDevice
    do {
      try process.run()
    } catch {
      throw GitError.notInstalled
    }
    // Drain stderr concurrently so a chatty git cannot block on a full pipe.
    let errors = Mutex<Data>(Data())
    let drained = DispatchSemaphore(value: 0)
    DispatchQueue.global().async {
      let data = stderr.fileHandleForReading.readDataToEndOfFile()
      errors.withLock { $0 = data }
      drained.signal()
    }
    let output = stdout.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    drained.wait()
    let message = errors.withLock { String(decoding: $0, as: UTF8.self) }
    // env exits 127 when git itself is missing.
    if process.terminationStatus == 127 && message.contains("git") { throw GitError.notInstalled }
    return (process.terminationStatus, [UInt8](output), message.trimmingCharacters(in: .whitespacesAndNewlines))
  }
}
