import Foundation
import Testing

/// Issue 18, part A: every input that is not scanned is scanned after all, or named.
@Suite struct SilentPassTests {
  static func stripeLine() -> String { "stripe = " + Fake(seed: 1850).stripeKey() + "\n" }

  /// Writes `text` to a file whose name is the bytes `name` (not valid UTF-8).
  static func plant(_ text: String, named name: [UInt8], in box: Sandbox) throws {
    try box.write("plain", text)
    let target = (Array(box.url.path.utf8) + [0x2F] + name).map { CChar(bitPattern: $0) } + [0]
    #expect(rename(box.url.path + "/plain", target) == 0)
  }

  /// A file name that is not UTF-8 was dropped by the walker ("scanned 0 files").
  @Test func fileNameThatIsNotUTF8IsScannedAndShownEscaped() throws {
    let box = try Sandbox()
    try Self.plant(Self.stripeLine(), named: Array("lat".utf8) + [0xE9], in: box)
    let run = try hush(["scan", "."], in: box.url)
    #expect(run.status == 1, "\(run.stderr)")
    #expect(run.stdout.contains("lat\\xE9"), "\(run.stdout)")
  }

  /// Same name in a repository: `git ls-files -z` gives bytes that must be kept.
  @Test func nonUTF8NameListedByGitIsScanned() throws {
    let box = try Sandbox(git: true)
    try Self.plant(Self.stripeLine(), named: Array("caf".utf8) + [0xE9], in: box)
    let run = try hush(["scan", "--format", "json", "."], in: box.url)
    #expect(run.status == 1, "\(run.stderr)")
    #expect(try run.findings().first?["file"] as? String == "caf\\xE9")
  }

  /// Only the config and baseline in use are exempt: any other file of that name is scanned.
  @Test func aNestedHushTomlIsScanned() throws {
    let box = try Sandbox(git: true)
    try box.write("sub/.hush.toml", "# " + Self.stripeLine())
    try box.write(".hush.toml", "[allowlist]\npaths = [\"none/*\"]\n")
    let run = try hush(["scan", "--format", "json", "."], in: box.url)
    #expect(run.status == 1, "\(run.stderr)")
    #expect(try run.findings().map { $0["file"] as? String } == ["sub/.hush.toml"])
  }

  /// A symlink named on the command line is what the user asked to scan.
  @Test func anExplicitlyNamedSymlinkIsFollowed() throws {
    let box = try Sandbox()
    try box.write("real.txt", Self.stripeLine())
    try FileManager.default.createSymbolicLink(atPath: box.url.path + "/link.txt", withDestinationPath: "real.txt")
    let run = try hush(["scan", "link.txt"], in: box.url)
    #expect(run.status == 1, "\(run.stderr)")
  }

  /// A nested repository under `hush scan .` is named, not only counted as "not regular".
  @Test func aNestedRepositoryIsNamed() throws {
    let box = try Sandbox(git: true)
    try box.write("README.md", "hello\n")
    try box.write("inner/a.txt", Self.stripeLine())
    try box.git(["-C", "inner", "init", "-q"])
    try box.git(["-C", "inner", "add", "a.txt"])
    let run = try hush(["scan", "."], in: box.url)
    #expect(run.stderr.contains("inner"), "\(run.stderr)")
    #expect(run.stderr.contains("nested repositor"), "\(run.stderr)")
  }

  /// README: a file named explicitly is always scanned, whatever --max-file-size says.
  @Test func anExplicitFileOverTheSizeLimitIsScanned() throws {
    let box = try Sandbox()
    try box.write("a.py", "# padding\n" + Self.stripeLine())
    let run = try hush(["scan", "--max-file-size", "10", "--format", "json", "a.py"], in: box.url)
    #expect(run.status == 1, "\(run.stderr)")
    #expect(try run.findings().first?["line"] as? Int == 2)
  }

  /// A secret across the boundary of two chunks of a large file is found, at its line.
  @Test func aSecretAcrossAChunkBoundaryIsFound() throws {
    let box = try Sandbox()
    // 1 MiB chunks (the least), 64 KiB overlap: the secret sits on the first chunk's end.
    let line = String(repeating: "x", count: 99) + "\n"
    let before = (1 << 20) / 100 - 1
    // The key's line starts 48 bytes before the first chunk ends, and runs past it.
    let text =
      String(repeating: line, count: before) + String(repeating: " ", count: 60) + Self.stripeLine()
      + String(repeating: line, count: 20_000)
    try box.write("big.txt", text)
    let run = try hush(["scan", "--max-file-size", "1000", "--format", "json", "big.txt"], in: box.url)
    #expect(run.status == 1, "\(run.stderr)")
    let lines = try run.findings().map { $0["line"] as? Int }
    #expect(lines == [before + 1])
  }

  /// UTF-16 with a byte order mark is text (Windows editors write it), not binary.
  @Test func stagedUTF16WithBOMIsScannedAtTheRightLine() throws {
    let box = try Sandbox(git: true)
    let text = "first line\n" + Self.stripeLine()
    var data = Data([0xFF, 0xFE])
    for unit in text.utf16 { data.append(contentsOf: [UInt8(unit & 0xFF), UInt8(unit >> 8)]) }
    try box.write("win.cfg", data)
    try box.git(["add", "win.cfg"])
    let run = try hush(["staged", "--format", "json"], in: box.url)
    #expect(run.status == 1, "\(run.stderr)")
    #expect(try run.findings().first?["line"] as? Int == 2)
  }

  /// A staged file over --max-file-size is scanned in chunks, not passed.
  @Test func stagedFileOverTheSizeLimitIsScanned() throws {
    let box = try Sandbox(git: true)
    try box.write("big.txt", String(repeating: "y\n", count: 100) + Self.stripeLine())
    try box.git(["add", "big.txt"])
    let run = try hush(["staged", "--max-file-size", "10", "--format", "json"], in: box.url)
    #expect(run.status == 1, "\(run.stderr)")
    #expect(try run.findings().first?["line"] as? Int == 101)
  }

  /// A staged binary file is named in the hook's output.
  @Test func stagedBinaryFileIsNamed() throws {
    let box = try Sandbox(git: true)
    try box.write("blob.bin", Data([0x00, 0x01, 0x02]) + Data(Self.stripeLine().utf8))
    try box.git(["add", "blob.bin"])
    let run = try hush(["staged"], in: box.url)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stderr.contains("blob.bin: binary"), "\(run.stderr)")
  }

  @Test func helpForAnUnknownCommandFails() throws {
    let box = try Sandbox()
    let run = try hush(["help", "nosuch"], in: box.url)
    #expect(run.status == 2)
    #expect(run.stderr.contains("nosuch"))
  }
}
