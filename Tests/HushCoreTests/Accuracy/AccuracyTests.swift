import Foundation
import HushAccuracy
import Testing

@testable import HushCore

/// The accuracy harness of `make accuracy`, held to its published figures so that a rule or
/// filter change that costs recall, or reports a lockfile hash, fails the suite.
@Suite struct AccuracyTests {
  static let negatives = SourceTree.root.appendingPathComponent("Tests/Accuracy/negatives")

  @Test func catalogKeepsItsRecallAndReportsNothingInTheNegativeCorpus() throws {
    let report = try Accuracy.measure(RuleCatalog.bundled, negatives: Self.negatives)
    #expect(report.negativeFiles == SourceTree.fileCount(under: Self.negatives), "every negative file is read")
    #expect(report.negativeFiles == 28, "the README's figure")
    #expect(report.falsePositives.isEmpty, "\(report.falsePositives)")
    // The README's table, pinned: a rule, planting or filter change moves these; update the
    // README's Accuracy section with them.
    // An example its own rule misses now counts as a missed planting, not as none.
    #expect(report.planted == 9726)
    #expect(report.found == 9535)
    let figures: [String: [Int]] = report.formats.mapValues { [$0.planted, $0.found] }
    #expect(
      figures == [
        "env": [803, 796], "shell": [803, 794], "python": [803, 786], "dockerfile": [803, 781],
        "ci-yaml": [803, 794], "yaml": [815, 806], "json": [815, 803], "xml": [803, 796],
        "javascript": [803, 770], "swift": [803, 772], "go": [803, 781], "properties": [803, 791],
        "key file": [12, 12], "as written": [54, 53],
      ])
    let silent = report.rules.filter { $0.value.planted > 0 && $0.value.found == 0 }.map(\.key)
    // Their made-up examples score under the scan threshold in every format.
    #expect(
      silent.sorted() == ["cand-url-userinfo", "cand-uuid"], "rules that find none of their own plantings: \(silent)")
  }

  @Test func plantingsWriteTheExampleValueInEachFormat() throws {
    let rule = try #require(RuleCatalog.bundled.rules.first { $0.id == "stripe-secret-key" })
    let plantings = try Plantings.all(for: RuleCatalog(rules: [rule]))
    #expect(Set(plantings.map(\.format)).count == 12, "the 12 formats of the README")
    for planting in plantings {
      let secret = String(decoding: planting.text[planting.secret], as: UTF8.self)
      #expect(secret.hasPrefix("sk_"), "\(planting.format): \(planting.path)")
    }
  }
}
