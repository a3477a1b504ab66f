import Testing

@testable import HushCore

@Suite struct JSONTreeTests {
  @Test func objectsArraysAndScalarsParseToSwiftValues() throws {
    let text = #"{"a": [1, -2.5, true, false, null], "b": {"c": "d"}, "e": 1e3}"#
    let object = try #require(JSONTree.object(Array(text.utf8)))
    let array = try #require(object["a"] as? [Any])
    #expect(array.count == 5)
    #expect(array[0] as? Int == 1)
    #expect(array[1] as? Double == -2.5)
    #expect(array[2] as? Bool == true)
    #expect(array[3] as? Bool == false)
    #expect(array[4] is JSONTree.Null)
    #expect((object["b"] as? [String: Any])?["c"] as? String == "d")
    #expect(object["e"] as? Double == 1000)
  }

  @Test func escapesAndSurrogatePairsDecode() {
    let text = #"["a\"b\\c\/d\n\t", "\u00e9\ud83d\ude00", "\ud800"]"#
    let array = JSONTree.parse(Array(text.utf8)) as? [String]
    #expect(array == ["a\"b\\c/d\n\t", "é😀", "\u{FFFD}"])
  }

  @Test(arguments: [
    "", "{", "[1,]", "{\"a\" 1}", "{\"a\": 1,}", "01", "1.", "-", "tru", "\"a", "[1] 2", "{\"a\":\"\u{1}\"}", "'a'",
  ])
  func whatIsNotExactlyOneJSONValueIsNil(_ text: String) {
    #expect(JSONTree.parse(Array(text.utf8)) == nil)
  }

  @Test func nestingBeyondTheLimitIsRefusedNotACrash() {
    let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
    #expect(JSONTree.parse(Array(deep.utf8)) == nil)
    let fine = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
    #expect(JSONTree.parse(Array(fine.utf8)) != nil)
  }

  @Test func theWriterSortsKeysAndRoundTrips() throws {
    let value: [String: Any] = ["b": [1, 2.5, "x/y", JSONTree.null], "a": ["t": true], "c": "q\"\n"]
    let compact = JSONWriter.serialize(value)
    #expect(compact == #"{"a":{"t":true},"b":[1,2.5,"x/y",null],"c":"q\"\n"}"#)
    let pretty = JSONWriter.serialize(value, pretty: true)
    #expect(pretty.hasPrefix("{\n  \"a\": {\n    \"t\": true\n  },\n  \"b\": [\n    1,"))
    let again = try #require(JSONTree.object(Array(pretty.utf8)))
    #expect(JSONWriter.serialize(again) == compact)
  }
}
