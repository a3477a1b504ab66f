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
    #expect(report.planted == 9594)
    #expect(report.found == 9311)
    let figures: [String: [Int]] = report.formats.mapValues { [$0.planted, $0.found] }
    #expect(
      figures == [
        "env": [793, 776], "shell": [793, 773], "python": [793, 772], "dockerfile": [793, 772],
        "ci-yaml": [793, 774], "yaml": [801, 780], "json": [801, 778], "xml": [793, 786],
        "javascript": [793, 755], "swift": [793, 758], "go": [793, 756], "properties": [793, 770],
        "key file": [8, 8], "as written": [54, 53],
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
