import Foundation
import Testing

@testable import HushCore

@Suite struct WorkTreeCopyTests {
  /// git's own ids (`git hash-object`) in a SHA-1 and a SHA-256 repository.
  @Test func blobIDsAreGits() throws {
    let sha1 = try #require(WorkTreeCopy.digestBytes("ce013625030ba8dba906f756967f9e9ca394464a"))
    #expect(WorkTreeCopy.blobID(of: Array("hello\n".utf8), length: 20) == sha1)
    let empty = try #require(
      WorkTreeCopy.digestBytes("473a0f4c3be8a93681a267e3b1e9a7dcda1185436fe141f7749120a303721813"))
    #expect(WorkTreeCopy.blobID(of: [], length: 32) == empty)
    #expect(
      WorkTreeCopy.blobID(of: [], length: 20) == WorkTreeCopy.digestBytes("e69de29bb2d1d6434b8b29ae775ad8c2e48c5391"))
  }

  @Test func onlyFullHexIDsAreRead() {
    #expect(WorkTreeCopy.digestBytes("ce0136") == nil)
    #expect(WorkTreeCopy.digestBytes(String(repeating: "g", count: 40)) == nil)
    #expect(WorkTreeCopy.digestBytes(String(repeating: "A", count: 40)) == nil)
    #expect(WorkTreeCopy.digestBytes(String(repeating: "0", count: 40))?.count == 20)
  }

  /// Read from disk only when the disk holds exactly the staged bytes, from a regular file
  /// met without following a symlink, within the size limit; git's id decides.
  @Test func theDiskCopyIsTakenOnlyWhenItIsTheStagedBlob() throws {
    let repository = try TemporaryRepository()
    let root = repository.url.path
    let text = "token = x\n"
    let id = try repository.blob(text)
    let staged = { (path: String) in StagedFile(path: path, blob: id, mode: "100644", status: "A") }
    try text.write(toFile: root + "/same.txt", atomically: true, encoding: .utf8)
    #expect(WorkTreeCopy.bytes(of: staged("same.txt"), root: root, maxSize: 1 << 20) == Array(text.utf8))
    #expect(WorkTreeCopy.bytes(of: staged("same.txt"), root: root, maxSize: 4) == nil, "over the size limit")
    try "token = y\n".write(toFile: root + "/edited.txt", atomically: true, encoding: .utf8)
    #expect(WorkTreeCopy.bytes(of: staged("edited.txt"), root: root, maxSize: 1 << 20) == nil)
    try FileManager.default.createSymbolicLink(atPath: root + "/link.txt", withDestinationPath: "same.txt")
    #expect(WorkTreeCopy.bytes(of: staged("link.txt"), root: root, maxSize: 1 << 20) == nil)
    #expect(mkfifo(root + "/fifo.txt", 0o600) == 0)
    #expect(WorkTreeCopy.bytes(of: staged("fifo.txt"), root: root, maxSize: 1 << 20) == nil)
    #expect(WorkTreeCopy.bytes(of: staged("missing.txt"), root: root, maxSize: 1 << 20) == nil)
  }
}
