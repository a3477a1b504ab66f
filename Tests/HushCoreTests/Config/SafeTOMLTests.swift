import Foundation
import HushRules
import Testing

/// Malformed TOML is a syntax error with its line, never an abort (toml++ asserts on some
/// shapes; see SafeTOML).
@Suite struct SafeTOMLTests {
  /// Inputs that reached an assertion in toml++ (each aborted `hush staged` before), and the
  /// line of the error.
  static let asserting: [(text: String, line: Int)] = [
    ("k=[\"\",}", 1), ("k=[}", 1), ("k=[1,}", 1), ("a = 1\nk = [\n  # note\n}", 4), ("k=[{a=1},}", 1),
    ("[.a]", 1), ("[[=", 1), ("x = 1\n[\n.b]", 2), ("[ ,", 1), ("[[{\"", 1), ("\"k.}a\"=[\n}", 2),
    // Found by `make fuzz`: a date-time whose hour does not follow its 'T'.
    ("k=[1979-05-27T:32:00Z]", 1), ("a = 1\nd = 1979-05-27t", 2), ("d = 1979-05-27Tx", 1), ("\u{FEFF}[ @", 1),
  ]

  @Test(arguments: asserting.indices)
  func assertingShapesAreSyntaxErrors(_ index: Int) {
    let (text, line) = Self.asserting[index]
    #expect(throws: TOMLSyntaxError.self) { try SafeTOML.parse(text) }
    #expect(SafeTOML.precheck(text)?.line == line, "\(text.debugDescription)")
  }

  /// Other malformed inputs are toml++'s to report, with their place.
  @Test(arguments: ["k=[\"a\" \"b\"]", "[a", "k=\"\\u00", "k='''", "a={b=1,}", "k=[\"\",,]", "= 1", "k = ]"])
  func otherErrorsStillCarryALine(_ text: String) {
    #expect(SafeTOML.precheck(text) == nil)
    #expect(throws: TOMLSyntaxError.self) { try SafeTOML.parse(text) }
  }

  /// Valid documents with braces and brackets in strings, comments and multi-line arrays
  /// pass the precheck untouched.
  @Test(arguments: [
    "k = \"}\"", "k = ['}', \"]\", '[.']", "k = \"\"\"\n]\n}\\\"\"\"\"\n", "\"[.a\" = 1", "a = [ # }\n 1, ]",
    "[a]\nb = [[1], [2]]\n[[c]]\nd = {e = [3]}", "d = 1979-05-27T07:32:00Z", "d = [1979-05-27]",
    "k = '''\n[.x]\n'''\n[t]", "k = [\n  \"a\", # c\n  \"b\",\n]",
  ])
  func validDocumentsPass(_ text: String) throws {
    #expect(SafeTOML.precheck(text) == nil)
    _ = try SafeTOML.parse(text)
  }

  @Test func everyRuleFileOfTheCatalogPassesThePrecheck() throws {
    let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("patterns")
    let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".toml") }
    #expect(files.count > 10)
    for name in files {
      let text = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
      #expect(SafeTOML.precheck(text) == nil, "\(name)")
    }
  }

  /// Random short documents over TOML's punctuation (fixed seed): toml++'s assertions are on
  /// in debug builds, so a shape the precheck misses aborts this test process.
  @Test func randomMalformedDocumentsNeverAbort() {
    let alphabet = Array("k=[]{}.,\"'#\n 1aT_:-+\\u")
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    func next() -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int(truncatingIfNeeded: state >> 33)
    }
    for _ in 0..<30_000 {
      let text = String((0..<(1 + next() % 10)).map { _ in alphabet[next() % alphabet.count] })
      _ = try? SafeTOML.parse(next() % 2 == 0 ? "k=" + text : text)
    }
  }
}
