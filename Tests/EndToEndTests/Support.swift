import Foundation
import HushTestSupport
import Testing

/// The result of one run of the built `hush` binary.
struct Run {
  let status: Int32
  let stdout: String
  let stderr: String

  /// stdout parsed as the JSON report.
  func json() throws -> [String: Any] {
    let object = try JSONSerialization.jsonObject(with: Data(stdout.utf8))
    return try #require(object as? [String: Any])
  }

  func findings() throws -> [[String: Any]] {
    try #require(try json()["findings"] as? [[String: Any]])
  }

  func summary() throws -> [String: Any] {
    try #require(try json()["summary"] as? [String: Any])
  }
}

enum Binary {
  /// The package root, from this file's path.
  static let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  /// `swift test` builds every product next to the test bundle.
  static let hush: URL = {
    let beside = Bundle.main.bundleURL.appendingPathComponent("hush")
    if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
    return packageRoot.appendingPathComponent(".build/debug/hush")
  }()
}

/// Runs a program to completion, feeding `input` on stdin.
@discardableResult
func execute(
  _ executable: URL, _ arguments: [String], in directory: URL, input: Data? = nil,
  environment: [String: String] = [:]
) throws -> Run {
  let process = Process()
  process.executableURL = executable
  process.arguments = arguments
  process.currentDirectoryURL = directory
  var env = ProcessInfo.processInfo.environment
  // Baseline memos go to a cache of the test run, not the user's.
  env["XDG_CACHE_HOME"] = FileManager.default.temporaryDirectory.appendingPathComponent("hush-e2e-cache").path
  env.removeValue(forKey: "NO_COLOR")
  process.environment = env.merging(environment) { $1 }
  let out = Pipe()
  let err = Pipe()
  let inPipe = Pipe()
  process.standardOutput = out
  process.standardError = err
  process.standardInput = inPipe
  try process.run()
  let stdinWriter = Thread {
    if let input { inPipe.fileHandleForWriting.write(input) }
    try? inPipe.fileHandleForWriting.close()
  }
  stdinWriter.start()
  let errData = LockedData()
  let errReader = Thread { errData.set(err.fileHandleForReading.readDataToEndOfFile()) }
  errReader.start()
  let outData = out.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  while !errData.isSet { usleep(1000) }
  return Run(
    status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
    stderr: String(decoding: errData.get(), as: UTF8.self))
}

final class LockedData: @unchecked Sendable {
  // Guarded by `lock`; written once by the reader thread.
  private let lock = NSLock()
  private var data: Data?
  func set(_ value: Data) { lock.withLock { data = value } }
  func get() -> Data { lock.withLock { data ?? Data() } }
  var isSet: Bool { lock.withLock { data != nil } }
}

@discardableResult
func hush(_ arguments: [String], in directory: URL, input: String? = nil, environment: [String: String] = [:])
  throws -> Run
{
  try execute(Binary.hush, arguments, in: directory, input: input.map { Data($0.utf8) }, environment: environment)
}

/// A temporary directory, optionally a git repository, removed when the test ends.
final class Sandbox {
  let url: URL

  init(git: Bool = false) throws {
    url = FileManager.default.temporaryDirectory
      .appendingPathComponent("hush-e2e-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    if git { try self.git(["init", "-q", "-b", "main"]) }
  }

  deinit { try? FileManager.default.removeItem(at: url) }

  func write(_ path: String, _ text: String) throws { try write(path, Data(text.utf8)) }

  func write(_ path: String, _ data: Data) throws {
    let file = url.appendingPathComponent(path)
    try FileManager.default.createDirectory(
      at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
    try data.write(to: file)
  }

  /// Runs git with a fixed identity, so tests never depend on ~/.gitconfig.
  @discardableResult
  func git(_ arguments: [String]) throws -> Run {
    let run = try execute(
      URL(fileURLWithPath: "/usr/bin/env"),
      ["git", "-c", "user.name=Hush Test", "-c", "user.email=test@hush.invalid"] + arguments, in: url)
    #expect(run.status == 0, "git \(arguments): \(run.stderr)")
    return run
  }
}

/// Fake secrets built at run time (never literals, so Hush's own scan stays clean), drawn
/// from the test's own seeded generator.
final class Fake {
  static let base62 = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")

  private var generator: SeededGenerator

  /// Each test passes its own seed.
  init(seed: UInt64) { generator = SeededGenerator(seed: seed) }

  func random(_ count: Int, from alphabet: [Character] = base62) -> String {
    String((0..<count).map { _ in alphabet[generator.index(below: alphabet.count)] })
  }

  func bytes(_ count: Int) -> [UInt8] { (0..<count).map { _ in UInt8(truncatingIfNeeded: generator.next()) } }

  /// A Stripe-shaped live secret key.
  func stripeKey() -> String { "sk" + "_live_" + random(24) }

  /// A PEM RSA private key block whose random body is shaped like a key (a DER SEQUENCE that
  /// opens with INTEGER 0), so the key-structure check accepts it.
  func privateKeyPEM() -> String {
    let content: [UInt8] = [0x02, 0x01, 0x00] + bytes(605)
    let der: [UInt8] = [0x30, 0x82, UInt8(content.count >> 8), UInt8(content.count & 0xFF)] + content
    let base64 = Data(der).base64EncodedString()
    let body = stride(from: 0, to: base64.count, by: 64).map { String(base64.dropFirst($0).prefix(64)) + "\n" }.joined()
    return "-----BEGIN RSA " + "PRIVATE KEY-----\n" + body + "-----END RSA " + "PRIVATE KEY-----\n"
  }

  /// An MCP server config whose GitHub token is `token` (a literal or a `${VAR}` reference).
  static func mcpConfig(token: String) -> String {
    """
    {
      "mcpServers": {
        "github": {
          "command": "npx",
          "args": ["-y", "@modelcontextprotocol/server-github"],
          "env": { "GITHUB_PERSONAL_ACCESS_TOKEN": "\(token)", "LOG_LEVEL": "debug" }
        }
      }
    }

    """
  }

  /// An opaque token with letters and digits (a random draw without digits reads as a word).
  func opaqueToken() -> String { "tok_" + random(28) + "7q" + random(2) }

  /// A generic token assignment, as in a .env file.
  func envToken() -> String { "API" + "_TOKEN=" + random(32) }
}
