import Foundation

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
    let root = top.status == 0 ? String(decoding: top.stdout, as: UTF8.self).trimmingCharacters(in: .newlines) : nil
    let located = try Git(directory: root ?? directory).run(["rev-parse", "--git-path", "hooks"])
    guard located.status == 0 else { throw .notARepository(directory) }
    let path = String(decoding: located.stdout, as: UTF8.self).trimmingCharacters(in: .newlines)
    let base = root ?? directory
    hooksDirectory = path.hasPrefix("/") ? path : PathName.join(base, path)
    workTree = root
    self.hushPath = hushPath
  }

  /// Hook managers in charge of this repository, if any.
  public func managers(for kinds: [HookKind]) -> [HookManager] {
    HookManagers.detect(workTree: workTree, hooksDirectory: hooksDirectory, kinds: kinds)
  }

  /// What `install` changes: a no-op when Hush's current hook is already there.
  public func installPlan(_ kinds: [HookKind]) -> [HookChange] {
    kinds.flatMap { kind -> [HookChange] in
      let path = hookPath(kind)
      let wanted = HookScript.text(kind, hushPath: hushPath)
      guard let existing = Self.read(path) else { return [.write(path: path, content: wanted, previous: nil)] }
      if existing == wanted { return [.unchanged(path: path, reason: "already installed")] }
      if existing.contains(Self.marker) { return [.write(path: path, content: wanted, previous: existing)] }
      if Self.read(path + Self.previousSuffix) != nil {
        return [
          .unchanged(
            path: path, reason: "a hook is already kept at \(path + Self.previousSuffix); move one of them away first")
        ]
      }
      return [
        .keepPrevious(from: path, to: path + Self.previousSuffix), .write(path: path, content: wanted, previous: nil),
      ]
    }
  }

  /// What `uninstall` changes: Hush's hooks removed, the kept ones put back.
  public func uninstallPlan(_ kinds: [HookKind]) -> [HookChange] {
    kinds.compactMap { kind -> HookChange? in
      let path = hookPath(kind)
      guard let existing = Self.read(path) else { return nil }
      guard existing.contains(Self.marker) else {
        return .unchanged(path: path, reason: "not installed by Hush; left alone")
      }
      if FileManager.default.fileExists(atPath: path + Self.previousSuffix) {
        return .restore(from: path + Self.previousSuffix, to: path)
      }
      return .remove(path: path)
    }
  }

  /// Applies a plan. Renames keep bytes and mode; new hooks are written atomically, 0755.
  public func apply(_ changes: [HookChange]) throws {
    try FileManager.default.createDirectory(atPath: hooksDirectory, withIntermediateDirectories: true)
    for change in changes {
      switch change {
      case .write(let path, let content, _): try AtomicFile.write(Array(content.utf8), to: path, mode: 0o755)
      case .keepPrevious(let from, let to), .restore(let from, let to):
        guard rename(from, to) == 0 else { throw OutputError.unwritable(to, reason: Posix.lastError) }
      case .remove(let path):
        guard unlink(path) == 0 else { throw OutputError.unwritable(path, reason: Posix.lastError) }
      case .unchanged: break
      }
    }
  }

  func hookPath(_ kind: HookKind) -> String { PathName.join(hooksDirectory, kind.rawValue) }

  static func read(_ path: String) -> String? {
    guard let data = FileManager.default.contents(atPath: path) else { return nil }
    return String(decoding: data, as: UTF8.self)
  }
}

/// The hook scripts Hush writes: run the kept hook first (same arguments and stdin; its
/// failure stops the commit), then Hush; fail loudly when Hush cannot be found.
enum HookScript {
  static func text(_ kind: HookKind, hushPath: String) -> String {
    let command = kind == .preCommit ? "staged" : "pre-push \"$@\""
    let quoted = "'" + hushPath.replacingOccurrences(of: "'", with: "'\\''") + "'"
    var lines = [
      "#!/bin/sh",
      "\(HookInstaller.marker) \(kind.rawValue): written by `hush install`; `hush uninstall` puts back the hook that was here.",
      "previous=\"$0\(HookInstaller.previousSuffix)\"",
      "hush=\(quoted)",
      "[ -x \"$hush\" ] || hush=$(command -v hush 2>/dev/null)",
      "if [ -z \"$hush\" ]; then",
      "  echo \"hush: not found (neither \(quoted.replacingOccurrences(of: "\"", with: "\\\"")) nor on PATH): the \(kind.rawValue) is blocked so that it does not go unscanned. Install Hush, or run hush uninstall.\" >&2",
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
