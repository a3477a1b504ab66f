import Testing

@testable import HushCore

@Suite struct PathNameTests {
  @Test(arguments: [("a/b", "a"), ("/b", "/"), ("b", "."), ("-", "."), ("a/b/", "a"), ("/", "/"), ("a//b", "a/")])
  func parent(_ path: String, _ expected: String) {
    #expect(PathName.parent(of: path) == expected)
  }
}
