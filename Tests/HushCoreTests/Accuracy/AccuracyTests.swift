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
    #expect(report.planted == 9378)
    #expect(report.found == 9273)
    let figures: [String: [Int]] = report.formats.mapValues { [$0.planted, $0.found] }
    #expect(
      figures == [
        "env": [775, 771], "shell": [775, 771], "python": [775, 771], "dockerfile": [775, 771],
        "ci-yaml": [775, 771], "yaml": [783, 778], "json": [783, 777], "xml": [775, 763],
        "javascript": [775, 757], "swift": [775, 757], "go": [775, 757], "properties": [775, 768],
        "key file": [8, 8], "as written": [54, 53],
      ])
    let silent = report.rules.filter { $0.value.planted > 0 && $0.value.found == 0 }.map(\.key)
    #expect(silent.isEmpty, "rules that find none of their own plantings: \(silent)")
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
