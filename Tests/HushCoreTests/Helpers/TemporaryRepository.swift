import Foundation
import Testing

/// A git repository in a temporary directory, for the few unit tests whose type drives git
/// (cat-file, the blob pipeline); removed when the test ends. The tests run git themselves to
/// build it, so the code under test never prepares its own fixture.
final class TemporaryRepository {
  let url: URL

  init() throws {
    url = FileManager.default.temporaryDirectory.appendingPathComponent("hush-unit-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    try git(["init", "-q"])
  }

  deinit { try? FileManager.default.removeItem(at: url) }

  /// Runs git with a fixed identity and returns its stdout, trimmed; records a failure.
  @discardableResult
  func git(_ arguments: [String], input: [UInt8] = []) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["git", "-c", "user.name=Hush Test", "-c", "user.email=test@hush.invalid"] + arguments
    process.currentDirectoryURL = url
    let output = Pipe()
    let feed = Pipe()
    process.standardOutput = output
    process.standardInput = feed
    process.standardError = FileHandle.nullDevice
    try process.run()
    // Written from a thread of its own: a large blob would fill the pipe before git reads it all.
    let writer = Thread {
      feed.fileHandleForWriting.write(Data(input))
      try? feed.fileHandleForWriting.close()
    }
    writer.start()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0, "git \(arguments)")
    return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
  }

  /// Writes `bytes` as a blob into the object database and returns its id.
  func blob(_ bytes: [UInt8]) throws -> String { try git(["hash-object", "-w", "--stdin"], input: bytes) }

  func blob(_ text: String) throws -> String { try blob(Array(text.utf8)) }
}
