import Foundation
import Testing

/// `-o FILE` replaces only regular files; the purge file stays out of every work tree.
@Suite struct OutputFileTests {
  static func leakyDirectory() throws -> Sandbox {
    let box = try Sandbox()
    try box.write("app.env", "KEY=" + Fake(seed: 1803).stripeKey() + "\n")
    return box
  }

  @Test func devNullStaysADevice() throws {
    let box = try Self.leakyDirectory()
    let run = try hush(["scan", "--format", "json", "-o", "/dev/null", "app.env"], in: box.url)
    #expect(run.status == 1, "\(run.stderr)")
    var info = stat()
    #expect(lstat("/dev/null", &info) == 0 && (info.st_mode & S_IFMT) == S_IFCHR)
  }

  @Test func aSymlinkIsWrittenThroughAndStaysALink() throws {
    let box = try Self.leakyDirectory()
    let target = box.url.appendingPathComponent("reports/real.json")
    try box.write("reports/real.json", "old")
    try FileManager.default.createSymbolicLink(
      atPath: box.url.appendingPathComponent("out.json").path, withDestinationPath: "reports/real.json")
    let run = try hush(["scan", "--format", "json", "-o", "out.json", "app.env"], in: box.url)
    #expect(run.status == 1, "\(run.stderr)")
    #expect(
      try FileManager.default.destinationOfSymbolicLink(atPath: box.url.appendingPathComponent("out.json").path)
        == "reports/real.json")
    #expect(try String(contentsOf: target, encoding: .utf8).contains("\"findings\""))
  }

  @Test func aFIFOIsWrittenThrough() throws {
    let box = try Self.leakyDirectory()
    let fifo = box.url.appendingPathComponent("pipe")
    #expect(mkfifo(fifo.path, 0o600) == 0)
    let reader = Process()
    reader.executableURL = URL(fileURLWithPath: "/bin/sh")
    reader.arguments = ["-c", "cat pipe > received.json"]
    reader.currentDirectoryURL = box.url
    try reader.run()
    let run = try hush(["scan", "--format", "json", "-o", "pipe", "app.env"], in: box.url)
    reader.waitUntilExit()
    #expect(run.status == 1, "\(run.stderr)")
    var info = stat()
    #expect(lstat(fifo.path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFIFO)
    let received = try String(contentsOf: box.url.appendingPathComponent("received.json"), encoding: .utf8)
    #expect(received.contains("\"findings\""))
  }

  @Test func regularFilesAreReplacedWithoutLeftovers() throws {
    let box = try Self.leakyDirectory()
    try box.write("out.json", "old")
    #expect(try hush(["scan", "--format", "json", "-o", "out.json", "app.env"], in: box.url).status == 1)
    #expect(
      try String(contentsOf: box.url.appendingPathComponent("out.json"), encoding: .utf8).contains("\"findings\""))
    let names = try FileManager.default.contentsOfDirectory(atPath: box.url.path)
    #expect(!names.contains { $0.hasPrefix(".hush-") }, "\(names)")
  }

  /// `../purge.txt` from a repository nested in another work tree lands in that work tree.
  @Test func thePurgeFileIsRefusedInsideAParentWorkTree() throws {
    let parent = try Sandbox(git: true)
    let child = parent.url.appendingPathComponent("vendor/lib")
    try FileManager.default.createDirectory(at: child, withIntermediateDirectories: true)
    _ = try execute(URL(fileURLWithPath: "/usr/bin/env"), ["git", "init", "-q", "-b", "main"], in: child)
    try Data(("KEY=" + Fake(seed: 1804).stripeKey() + "\n").utf8).write(to: child.appendingPathComponent("app.env"))
    for arguments in [
      ["add", "-A"], ["-c", "user.name=a", "-c", "user.email=a@b.invalid", "commit", "-q", "-m", "x"],
    ] {
      _ = try execute(URL(fileURLWithPath: "/usr/bin/env"), ["git"] + arguments, in: child)
    }
    for target in ["../purge.txt", "purge.txt"] {
      let run = try hush(["history", "--write-purge-file", target], in: child)
      #expect(run.status == 2, "\(target): \(run.stderr)")
      #expect(run.stderr.contains("refusing to write plaintext secrets"), "\(run.stderr)")
      #expect(!FileManager.default.fileExists(atPath: child.appendingPathComponent(target).path))
    }
  }
}
