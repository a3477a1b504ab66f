import Foundation
import HushTestSupport
import Testing

@testable import HushCore

/// `CatFileReader` against a real object database: what each object is, byte for byte.
@Suite struct CatFileReaderTests {
  @Test func readsBlobsInRequestOrderAndSkipsWhatItMustNot() throws {
    let repository = try TemporaryRepository()
    var generator = SeededGenerator(seed: 31)
    // Over the reader's 1 MiB buffer, with NULs and newlines: read straight from the pipe.
    let large = generator.bytes(3 << 20)
    let small = try repository.blob("hello\n")
    let empty = try repository.blob([])
    let big = try repository.blob(large)
    try repository.git(["update-index", "--add", "--cacheinfo", "100644,\(small),a.txt"])
    let tree = try repository.git(["write-tree"])

    let reader = try CatFileReader(git: Git(directory: repository.url.path), objects: [small, big, empty, tree, small])
    guard case .blob(let first) = try reader.next(object: small, maxSize: 10 << 20) else {
      Issue.record("a blob")
      return
    }
    #expect(first == Array("hello\n".utf8))
    guard case .blob(let second) = try reader.next(object: big, maxSize: 10 << 20) else {
      Issue.record("a blob")
      return
    }
    #expect(second == large)
    guard case .blob(let third) = try reader.next(object: empty, maxSize: 10 << 20) else {
      Issue.record("a blob")
      return
    }
    #expect(third.isEmpty)
    guard case .other(let type) = try reader.next(object: tree, maxSize: 10 << 20) else {
      Issue.record("not a blob")
      return
    }
    #expect(type == "tree")
    guard case .tooLarge(let size) = try reader.next(object: small, maxSize: 5) else {
      Issue.record("over the limit")
      return
    }
    #expect(size == 6)
    try reader.finish()
  }

  @Test func aMissingObjectIsNamed() throws {
    let repository = try TemporaryRepository()
    let present = try repository.blob("kept\n")
    let missing = String(repeating: "0123456789", count: 4)
    let reader = try CatFileReader(git: Git(directory: repository.url.path), objects: [present, missing])
    guard case .blob = try reader.next(object: present, maxSize: 100) else {
      Issue.record("a blob")
      return
    }
    #expect {
      _ = try reader.next(object: missing, maxSize: 100)
    } throws: { error in
      guard case .corruptObject(let object, _) = error as? GitError else { return false }
      return object == missing
    }
  }

  @Test func nothingRequestedFinishesCleanly() throws {
    let repository = try TemporaryRepository()
    let reader = try CatFileReader(git: Git(directory: repository.url.path), objects: [])
    try reader.finish()
  }
}
