import Foundation
import Testing

@testable import HushCore

/// `BlobPipeline`: blobs read once through cat-file, scanned on every core, findings returned
/// per blob in request order with the counts of what was skipped.
@Suite struct BlobPipelineTests {
  static func pipeline(in repository: TemporaryRepository, maxFileSize: Int = 1 << 20) -> BlobPipeline {
    let scanner = Scanner(
      detector: Detector(catalog: CatalogTests.catalog), config: HushConfig(), maxFileSize: maxFileSize)
    return BlobPipeline(scanner: scanner, git: Git(directory: repository.url.path))
  }

  @Test func findingsComeBackPerBlobInOrderWithTheirPaths() throws {
    let repository = try TemporaryRepository()
    let fake = FakeSecrets(seed: 41)
    let token = fake.githubToken(prefix: "ghp" + "_")
    let clean = try repository.blob("nothing here\n")
    let leaky = try repository.blob("x = 1\nTOKEN=\(token)\n")
    let binary = try repository.blob([0x00, 0x01] + Array("TOKEN=\(token)\n".utf8))
    let large = try repository.blob(String(repeating: "y", count: 5000) + "\nTOKEN=\(token)\n")
    let blobs = [clean, leaky, binary, large, leaky]
    let paths = ["a.txt", "src/b.env", "c.bin", "d.txt", "e.txt"]

    let (findings, summary, _) = try Self.pipeline(in: repository, maxFileSize: 4096).scan(blobs, paths: paths)
    #expect(findings.map(\.count) == [0, 1, 0, 0, 1])
    #expect(findings[1].first?.path == "src/b.env")
    #expect(findings[1].first?.line == 2)
    #expect(findings[1].first?.secret == Array(token.utf8))
    #expect(findings[4].first?.path == "e.txt", "each request is scanned with its own path")
    #expect(summary.files == 3)
    #expect(summary.bytes == 2 * ("x = 1\nTOKEN=\n".utf8.count + token.count) + "nothing here\n".utf8.count)
    #expect(summary.skippedBinary == 1)
    #expect(summary.skippedTooLarge == 1)
  }

  @Test func noBlobsStartsNoGit() throws {
    let pipeline = BlobPipeline(
      scanner: Scanner(detector: Detector(catalog: CatalogTests.catalog), config: HushConfig(), maxFileSize: 1024),
      git: Git(directory: "/nonexistent"))
    let (findings, summary, _) = try pipeline.scan([], paths: [])
    #expect(findings.isEmpty)
    #expect(summary == ScanSummary())
  }

  @Test func anUnreadableBlobFailsTheScan() throws {
    let repository = try TemporaryRepository()
    let present = try repository.blob("fine\n")
    let missing = String(repeating: "f", count: 40)
    #expect(throws: GitError.self) {
      _ = try Self.pipeline(in: repository).scan([present, missing], paths: ["a", "b"])
    }
  }
}

/// The bounded hand-over between the reader and the scanners.
@Suite struct BlobQueueTests {
  @Test func blobsComeOutInOrderThenNilOnceClosed() {
    let queue = BlobQueue(limit: 100)
    queue.push(0, [1, 2])
    queue.push(1, [3])
    queue.close()
    #expect(queue.pop().map { [$0.0] + $0.1.map(Int.init) } == [0, 1, 2])
    #expect(queue.pop().map { [$0.0] + $0.1.map(Int.init) } == [1, 3])
    #expect(queue.pop() == nil)
  }

  @Test func aBlobLargerThanTheLimitStillFitsAnEmptyQueue() {
    let queue = BlobQueue(limit: 4)
    queue.push(0, [UInt8](repeating: 7, count: 10))
    queue.close()
    #expect(queue.pop()?.1.count == 10)
  }

  @Test func aFailureStopsTheScannersAndIsKept() {
    let queue = BlobQueue(limit: 100)
    queue.push(0, [1])
    queue.fail(GitError.nothingRead(files: 1))
    queue.fail(GitError.notInstalled)
    #expect(queue.pop() == nil, "nothing more is scanned once a blob failed")
    #expect(queue.isFailed)
    #expect(queue.failure as? GitError == .nothingRead(files: 1), "the first error wins")
  }

  @Test func countsAndExplanationsAddUp() {
    let queue = BlobQueue(limit: 100)
    queue.count { $0.skippedBinary += 1 }
    queue.count { $0.skippedBinary += 2 }
    let second = Explanation(path: "b", reason: .binary)
    let first = Explanation(path: "a", reason: .tooLarge)
    queue.explain([second])
    queue.explain([first])
    #expect(queue.summary.skippedBinary == 3)
    #expect(queue.explanations == [second, first])
  }
}
