import Foundation
import HushTestSupport
import Testing

@testable import HushCore
@testable import HushRules

@Suite struct EntropyTests {
  @Test func shannonOfSimpleStrings() {
    #expect(Entropy.shannon(Array("aaaa".utf8)) == 0)
    #expect(abs(Entropy.shannon(Array("abcd".utf8)) - 2) < 1e-9)
    #expect(Entropy.shannon([UInt8]()) == 0)
  }

  @Test func alphabetDetection() {
    #expect(Entropy.alphabetSize(Array("0123456789".utf8)) == 10)
    #expect(Entropy.alphabetSize(Array("deadbeef0123".utf8)) == 16)
    #expect(Entropy.alphabetSize(Array("DEADBEEF0123".utf8)) == 16)
    #expect(Entropy.alphabetSize(Array("zq0123".utf8)) == 36)
    #expect(Entropy.alphabetSize(Array("AbZ09".utf8)) == 62)
    #expect(Entropy.alphabetSize(Array("Ab+/09=".utf8)) == 64)
    #expect(Entropy.alphabetSize(Array("Ab!09".utf8)) == 95)
  }

  @Test func expectedRandomEntropyMatchesSampledStrings() {
    var generator = SeededGenerator(seed: 11)
    let hex = Array("0123456789abcdef".utf8)
    let samples = (0..<400).map { _ in
      Entropy.shannon((0..<40).map { _ in generator.element(of: hex) })
    }
    let mean = samples.reduce(0, +) / Double(samples.count)
    #expect(abs(mean - Entropy.expectedRandom(length: 40, alphabet: 16)) < 0.05)
  }

  @Test func thresholdIsFairToShortAndHexSecrets() {
    let hex = Array("f38baeb98779b774339298c501f78206".utf8)
    // A random 32-char hex string cannot reach 4.5 bits/char; the threshold is lowered for it.
    #expect(Entropy.threshold(4.5, for: hex) < 4.0)
    #expect(Entropy.meets(4.5, hex))
    #expect(!Entropy.meets(3.0, Array("abababababababab".utf8)))
    // Long base64 strings keep the stated threshold.
    let base64 = Array(String(repeating: "Zm9vYmFyYmF6cXV4", count: 4).utf8)
    #expect(Entropy.threshold(3.5, for: base64) == 3.5)
  }
}
