import Foundation
import Testing

/// `hush install` and `uninstall` never lose a hook they cannot account for.
@Suite struct HookSafetyTests {
  @Test func aDanglingSymlinkOrADirectoryIsRefusedAndKept() throws {
    for make in ["symlink", "directory"] {
      let box = try Sandbox(git: true)
      let hook = box.hooks.appendingPathComponent("pre-commit")
      if make == "symlink" {
        try FileManager.default.createSymbolicLink(atPath: hook.path, withDestinationPath: "../../tools/missing-hook")
      } else {
        try FileManager.default.createDirectory(at: hook, withIntermediateDirectories: true)
      }
      for command in ["install", "uninstall"] {
        let run = try hush([command], in: box.url)
        #expect(run.status == 2, "\(make) \(command): \(run.stderr)")
        #expect(run.stderr.contains("cannot be read"), "\(run.stderr)")
      }
      if make == "symlink" {
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: hook.path) == "../../tools/missing-hook")
      }
      #expect(!FileManager.default.fileExists(atPath: hook.path + ".hush-previous"))
    }
  }

  @Test func aHookThatOnlyMentionsTheMarkerIsNotHushs() throws {
    let box = try Sandbox(git: true)
    let hook = box.hooks.appendingPathComponent("pre-commit")
    let mine = "#!/bin/sh\n# hush-managed-hook (copied from a blog post)\nmake lint\n"
    try Data(mine.utf8).write(to: hook)
    let install = try hush(["install"], in: box.url)
    #expect(install.status == 2, "\(install.stderr)")
    let uninstall = try hush(["uninstall"], in: box.url)
    #expect(uninstall.status == 0, "\(uninstall.stderr)")
    #expect(uninstall.stderr.contains("left alone"))
    #expect(try String(contentsOf: hook, encoding: .utf8) == mine)
  }

  @Test func concurrentInstallsKeepTheUsersHook() throws {
    for round in 0..<3 {
      let box = try Sandbox(git: true)
      let hook = box.hooks.appendingPathComponent("pre-commit")
      let mine = "#!/bin/sh\necho round \(round)\n"
      try Data(mine.utf8).write(to: hook)
      let directory = box.url
      let group = DispatchGroup()
      let statuses = LockedStatuses()
      for _ in 0..<6 {
        group.enter()
        Thread.detachNewThread {
          let status = (try? hush(["install"], in: directory).status) ?? -1
          statuses.append(status)
          group.leave()
        }
      }
      group.wait()
      #expect(statuses.all.allSatisfy { $0 == 0 }, "\(statuses.all)")
      let kept = try String(contentsOf: box.hooks.appendingPathComponent("pre-commit.hush-previous"), encoding: .utf8)
      #expect(kept == mine)
      #expect(try String(contentsOf: hook, encoding: .utf8).contains("hush-managed-hook"))
      #expect(try hush(["uninstall"], in: box.url).status == 0)
      #expect(try String(contentsOf: hook, encoding: .utf8) == mine)
    }
  }
}

final class LockedStatuses: @unchecked Sendable {
  // Guarded by `lock`.
  private let lock = NSLock()
  private var values: [Int32] = []
  func append(_ value: Int32) { lock.withLock { values.append(value) } }
  var all: [Int32] { lock.withLock { values } }
}
