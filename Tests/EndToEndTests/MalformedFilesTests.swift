import Foundation
import Testing

/// Whatever bytes a config or rule file holds, Hush says where it is wrong and exits 2.
@Suite struct MalformedFilesTests {
  static let documents: [(text: String, line: Int)] = [
    ("k=[\"\",}", 1), ("k=[}", 1), ("[.a]", 1), ("x = 1\n[\n.b]", 2), ("a = 1\nk = [\n}", 3), ("k='''", 1),
    ("\u{FF}\u{00}[", 1),
  ]

  @Test(arguments: documents.indices)
  func aMalformedConfigIsAnErrorWithItsLine(_ index: Int) throws {
    let (text, line) = Self.documents[index]
    let box = try Sandbox(git: true)
    try box.write(".hush.toml", text)
    try box.write("a.txt", "hello\n")
    try box.git(["add", "a.txt"])
    for command in [["staged"], ["scan"], ["config", "check"]] {
      let run = try hush(command, in: box.url)
      #expect(run.status == 2, "\(command) \(text.debugDescription): \(run.stderr)")
      #expect(run.stderr.contains(".hush.toml:\(line):"), "\(command): \(run.stderr)")
    }
  }

  @Test(arguments: documents.indices)
  func aMalformedRuleFileIsAnErrorWithItsLine(_ index: Int) throws {
    let (text, line) = Self.documents[index]
    let box = try Sandbox()
    try box.write("bad.toml", text)
    let run = try hush(["rules", "check", "bad.toml"], in: box.url)
    #expect(run.status == 2, "\(run.stderr)")
    #expect(run.stderr.contains("bad.toml:\(line):"), "\(run.stderr)")
  }
}
