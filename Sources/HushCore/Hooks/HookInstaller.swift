/// A git hook Hush can install.
public enum HookKind: String, Sendable, CaseIterable {
  case preCommit = "pre-commit"
  case prePush = "pre-push"
}

/// Something that manages hooks already; Hush tells the user what to add instead of
/// writing over it.
public struct HookManager: Sendable, Equatable {
  let name: String
  /// The exact configuration to add, for a user to paste.
  public let instructions: String
}

/// One change the installer makes (or, in a dry run, would make).
public enum HookChange: Sendable, Equatable {
  case write(path: String, content: String, previous: String?)
  case keepPrevious(from: String, to: String)
  case restore(from: String, to: String)
  case remove(path: String)
  case unchanged(path: String, reason: String)
}

/// Installs and uninstalls Hush's hooks without ever losing the hook that was there: it is
/// renamed beside ours (bytes and mode kept) and run first, and `uninstall` renames it back.
public struct HookInstaller: Sendable {
  /// Marks hooks Hush wrote.
  public static let marker = "# hush-managed-hook"
  /// Where an existing hook is kept while Hush's runs it.
  public static let previousSuffix = ".hush-previous"

  let hooksDirectory: String
  let workTree: String?
  /// The hush binary the hook tries first (the one installing it), before PATH.
  public let hushPath: String

  /// Finds the hooks directory as git does (`core.hooksPath`, worktrees, submodules).
  public init(repository directory: String, hushPath: String) throws(GitError) {
    let git = Git(directory: directory)
    let top = try git.run(["rev-parse", "--show-toplevel"])
    let root = top.status == 0 ? String(decoding: top.stdout, as: UTF8.self).trimmingNewlines() : nil
    let located = try Git(directory: root ?? directory).run(["rev-parse", "--git-path", "hooks"])
    guard located.status == 0 else { throw git.repositoryProblem() ?? .notARepository(directory) }
    let path = String(decoding: located.stdout, as: UTF8.self).trimmingNewlines()
    let base = root ?? directory
    hooksDirectory = path.hasPrefix("/") ? path : PathName.join(base, path)
    workTree = root
    self.hushPath = hushPath
  }

  /// Hook managers in charge of this repository, if any.
  public func managers(for kinds: [HookKind]) -> [HookManager] {
    HookManagers.detect(workTree: workTree, hooksDirectory: hooksDirectory, kinds: kinds)
  }

  /// What `install` changes: a no-op when Hush's current hook is already there. Throws when
  /// a hook is there that cannot be read or looks like an edited Hush hook: it is the
  /// user's, and neither overwriting nor keeping a copy of it blindly is safe.
  public func installPlan(_ kinds: [HookKind]) throws -> [HookChange] {
    try kinds.flatMap { kind throws(HookError) -> [HookChange] in
      let path = hookPath(kind)
      let wanted = HookScript.text(kind, hushPath: hushPath)
      guard let existing = try Self.existingHook(path) else {
        return [.write(path: path, content: wanted, previous: nil)]
      }
      if existing == wanted { return [.unchanged(path: path, reason: "already installed")] }
      if HookScript.isHush(existing, kind) { return [.write(path: path, content: wanted, previous: existing)] }
      if existing.contains(Self.marker) { throw .edited(path) }
      let kept = path + Self.previousSuffix
      if Self.sameFile(path, kept) {
        // An install stopped between keeping the hook and writing Hush's: finish it.
        return [.write(path: path, content: wanted, previous: nil)]
      }
      if Self.exists(kept) {
        return [.unchanged(path: path, reason: "a hook is already kept at \(kept); move one of them away first")]
      }
      return [.keepPrevious(from: path, to: kept), .write(path: path, content: wanted, previous: nil)]
    }
  }

  /// What `uninstall` changes: Hush's hooks removed, the kept ones put back.
  public func uninstallPlan(_ kinds: [HookKind]) throws -> [HookChange] {
    try kinds.compactMap { kind throws(HookError) -> HookChange? in
      let path = hookPath(kind)
      guard let existing = try Self.existingHook(path) else { return nil }
      guard HookScript.isHush(existing, kind) else {
        return .unchanged(
          path: path,
          reason: existing.contains(Self.marker)
            ? "differs from the hook Hush writes (edited?); left alone" : "not installed by Hush; left alone")
      }
      if Self.exists(path + Self.previousSuffix) {
        return .restore(from: path + Self.previousSuffix, to: path)
      }
      return .remove(path: path)
    }
  }

  /// Installs under the hooks directory's lock: the plan is made and applied by one
  /// `hush install` at a time, so two concurrent runs cannot both keep the user's hook.
  public func install(_ kinds: [HookKind]) throws -> [HookChange] {
    try locked { () throws -> [HookChange] in
      let plan = try installPlan(kinds)
      try apply(plan)
      return plan
    }
  }

  /// Uninstalls under the hooks directory's lock.
  public func uninstall(_ kinds: [HookKind]) throws -> [HookChange] {
    try locked { () throws -> [HookChange] in
      let plan = try uninstallPlan(kinds)
      try apply(plan)
      return plan
    }
  }

  /// Runs `body` holding an exclusive flock on the hooks directory itself (no lock file to
  /// leave behind; the kernel drops the lock if the process dies).
  func locked<T>(_ body: () throws -> T) throws -> T {
    try FileManager.default.createDirectory(atPath: hooksDirectory, withIntermediateDirectories: true)
    let fd = open(hooksDirectory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard fd >= 0 else { throw OutputError.unwritable(hooksDirectory, reason: Posix.lastError) }
    defer { close(fd) }
    while flock(fd, LOCK_EX) != 0 {
      guard errno == EINTR else {
        throw OutputError.unwritable(hooksDirectory, reason: Posix.lastError)
      }
    }
    return try body()
  }

  /// Applies a plan so that at every instant each hook path holds either the hook that was
  /// there or the complete new one: the old hook is kept by a hard link (which never
  /// replaces an existing name), the new one is written and flushed under a name of its
  /// own, then renamed into place. A failure undoes what the plan had done to that hook.
  /// `step` is called after each of those steps (tests stop or check there).
  public func apply(_ changes: [HookChange], step: (String) throws -> Void = { _ in }) throws {
    try FileManager.default.createDirectory(atPath: hooksDirectory, withIntermediateDirectories: true)
    var linked: String?
    do {
      for change in changes {
        switch change {
        case .keepPrevious(let from, let to):
          guard linkat(AT_FDCWD, from, AT_FDCWD, to, 0) == 0 else { throw Self.failure(to) }
          linked = to
          try step("kept \(to)")
        case .write(let path, let content, _):
          try Self.replace(path, with: Array(content.utf8), step: step)
          linked = nil
          try step("renamed \(path)")
        case .restore(let from, let to):
          guard rename(from, to) == 0 else { throw Self.failure(to) }
        case .remove(let path):
          guard unlink(path) == 0 else { throw Self.failure(path) }
        case .unchanged: break
        }
      }
    } catch {
      if let linked { unlink(linked) }
      throw error
    }
  }

  /// Writes `bytes` to `path + ".hush-new"`, flushed with mode 0755, then renames it over
  /// `path`; the new name is removed on failure.
  static func replace(_ path: String, with bytes: [UInt8], step: (String) throws -> Void) throws {
    let temporary = path + ".hush-new"
    unlink(temporary)  // left by an install that was killed; we hold the lock
    let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o755)
    guard fd >= 0 else { throw failure(temporary) }
    let complete = bytes.withUnsafeBytes { Posix.writeAll(fd, $0) } && fchmod(fd, 0o755) == 0 && fsync(fd) == 0
    let error = failure(temporary)
    close(fd)
    do {
      guard complete else { throw error }
      try step("wrote \(temporary)")
      guard rename(temporary, path) == 0 else { throw failure(path) }
    } catch {
      unlink(temporary)
      throw error
    }
  }

  private static func failure(_ path: String) -> OutputError {
    .unwritable(path, reason: Posix.lastError)
  }

  func hookPath(_ kind: HookKind) -> String { PathName.join(hooksDirectory, kind.rawValue) }

  static func read(_ path: String) -> String? {
    guard let data = FileManager.default.contents(atPath: path) else { return nil }
    return String(decoding: data, as: UTF8.self)
  }

  /// The hook at `path`; nil when there is none (not even a dangling symlink). Throws when
  /// something is there that cannot be read as a file.
  static func existingHook(_ path: String) throws(HookError) -> String? {
    guard exists(path) else { return nil }
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { throw .unreadable(path, reason: Posix.lastError) }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
      throw .unreadable(path, reason: "not a regular file")
    }
    guard let text = read(path) else { throw .unreadable(path, reason: "cannot be read") }
    return text
  }

  /// Whether anything (a file, a symlink even dangling) is at `path`.
  static func exists(_ path: String) -> Bool {
    var info = stat()
    return lstat(path, &info) == 0
  }

  /// Whether both names are the same file (a hard link made by an interrupted install).
  static func sameFile(_ first: String, _ second: String) -> Bool {
    var a = stat()
    var b = stat()
    return lstat(first, &a) == 0 && lstat(second, &b) == 0 && a.st_dev == b.st_dev && a.st_ino == b.st_ino
  }
}

/// A hook Hush will not touch, and why.
public enum HookError: HushError, Equatable {
  case unreadable(String, reason: String)
  case edited(String)

  /// The message, naming the hook and what to do.
  public var description: String {
    switch self {
    case .unreadable(let path, let reason):
      "\(path): a hook is there but cannot be read (\(reason)); Hush will not replace or remove it: fix or move it, then run this again"
    case .edited(let path):
      "\(path): mentions Hush's marker but is not a hook Hush wrote (edited?); Hush will not replace or remove it: move it away, then run this again"
    }
  }
}

/// The hook scripts Hush writes: run the kept hook first (same arguments and stdin; its
/// failure stops the commit), then Hush; fail loudly when Hush cannot be found.
enum HookScript {
  /// Whether `text` is, byte for byte, the hook Hush writes for `kind` (with whatever hush
  /// path it names): a marker alone proves nothing, anyone can write it.
  static func isHush(_ text: String, _ kind: HookKind) -> Bool {
    let prefix = "hush='"
    guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix(prefix) && $0.hasSuffix("'") }) else {
      return false
    }
    let quoted = line.dropFirst(prefix.count).dropLast()
    let path = String(quoted).replacing("'\\''", with: "'")
    return text == Self.text(kind, hushPath: path)
  }

  static func text(_ kind: HookKind, hushPath: String) -> String {
    let command = kind == .preCommit ? "staged" : "pre-push \"$@\""
    let quoted = "'" + hushPath.replacing("'", with: "'\\''") + "'"
    var lines = [
      "#!/bin/sh",
      "\(HookInstaller.marker) \(kind.rawValue): written by `hush install`; `hush uninstall` puts back the hook that was here.",
      "previous=\"$0\(HookInstaller.previousSuffix)\"",
      "hush=\(quoted)",
      "[ -x \"$hush\" ] || hush=$(command -v hush 2>/dev/null)",
      "if [ -z \"$hush\" ]; then",
      "  echo \"hush: not found (neither \(quoted.replacing( "\"", with: "\\\"")) nor on PATH): the \(kind.rawValue) is blocked so that it does not go unscanned. Install Hush, or run hush uninstall.\" >&2",
      "  exit 2",
      "fi",
    ]
    if kind == .prePush {
      // git's pre-push lines are read by both hooks.
      lines += [
        "input=$(mktemp) || exit 2",
        "trap 'rm -f \"$input\"' EXIT",
        "cat > \"$input\"",
        "if [ -x \"$previous\" ]; then \"$previous\" \"$@\" < \"$input\" || exit $?; fi",
        "\"$hush\" \(command) < \"$input\"",
      ]
    } else {
      lines += [
        "if [ -x \"$previous\" ]; then \"$previous\" \"$@\" || exit $?; fi",
        "exec \"$hush\" \(command)",
      ]
    }
    return lines.joined(separator: "\n") + "\n"
  }
}
