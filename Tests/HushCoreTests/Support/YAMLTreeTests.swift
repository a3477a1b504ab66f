import Testing

@testable import HushCore

@Suite struct YAMLTreeTests {
  @Test func mappingsSequencesAndQuotedStringsParse() throws {
    let text = """
      # a Continue config
      name: demo
      models:
        - title: one
          apiKey: "quoted: value"
        - {title: two, port: 8080}
      block: |
        line one
        line two
      """
    let object = try #require(YAMLTree.parse(Array(text.utf8)) as? [String: Any])
    #expect(object["name"] as? String == "demo")
    let models = try #require(object["models"] as? [[String: Any]])
    #expect(models[0]["apiKey"] as? String == "quoted: value")
    #expect(models[1]["port"] as? Int == 8080)
    // Clipped: the block keeps a final line break only when the text has one.
    #expect(object["block"] as? String == "line one\nline two")
  }

  @Test func plainScalarsAreTypedAsYAMLReadsThemAndQuotedOnesStayStrings() throws {
    let text = "a: yes\nb: ~\nc: 0x1F\nd: -1_000\ne: 1.5e3\nf: '123'\ng: 12ab\nh: .inf\ni: 0755\n"
    let object = try #require(YAMLTree.parse(Array(text.utf8)) as? [String: Any])
    #expect(object["a"] as? Bool == true)
    #expect(object["b"] is JSONTree.Null)
    #expect(object["c"] as? Int == 31)
    #expect(object["d"] as? Int == -1000)
    #expect(object["e"] as? Double == 1500)
    #expect(object["f"] as? String == "123")
    #expect(object["g"] as? String == "12ab")
    #expect(object["h"] as? Double == .infinity)
    #expect(object["i"] as? Int == 0o755)
  }

  @Test func aliasesGiveTheirAnchorsValue() throws {
    let text = "base: &shared\n  token: abc\nother: *shared\nlist: [&x one, *x]\n"
    let object = try #require(YAMLTree.parse(Array(text.utf8)) as? [String: Any])
    #expect((object["other"] as? [String: Any])?["token"] as? String == "abc")
    #expect(object["list"] as? [String] == ["one", "one"])
  }

  @Test(arguments: ["", "# only a comment\n", "a: [1, 2\n", "key: *missing\n", "a: b: c\n"])
  func emptyOrBrokenYAMLIsNil(_ text: String) {
    #expect(YAMLTree.parse(Array(text.utf8)) == nil)
  }

  @Test func onlyTheFirstDocumentIsRead() {
    #expect(YAMLTree.parse(Array("--- one\n--- two\n".utf8)) as? String == "one")
  }

  @Test func nestingBeyondTheLimitIsRefusedNotACrash() {
    let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
    #expect(YAMLTree.parse(Array(deep.utf8)) == nil)
  }
}
