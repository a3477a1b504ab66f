import Foundation
import HushAccuracy
import Testing

@testable import HushCore

/// The accuracy harness of `make accuracy`, held to its published figures so that a rule or
/// filter change that costs recall, or reports a lockfile hash, fails the suite.
@Suite struct AccuracyTests {
  static let negatives = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Accuracy/negatives")

  @Test func catalogKeepsItsRecallAndReportsNothingInTheNegativeCorpus() throws {
    let report = try Accuracy.measure(RuleCatalog.bundled, negatives: Self.negatives)
    #expect(report.negativeFiles >= 28, "the negative corpus is read")
    #expect(report.falsePositives.isEmpty, "\(report.falsePositives)")
    #expect(report.planted >= 9000)
    #expect(report.recall >= 0.98, "recall fell to \(report.recall)")
    for (format, figures) in report.formats {
      #expect(figures.recall >= 0.94, "\(format): \(figures.found)/\(figures.planted)")
    }
    let silent = report.rules.filter { $0.value.planted > 0 && $0.value.found == 0 }.map(\.key)
    #expect(silent.isEmpty, "rules that find none of their own plantings: \(silent)")
  }

  @Test func plantingsWriteTheExampleValueInEachFormat() throws {
    let rule = try #require(RuleCatalog.bundled.rules.first { $0.id == "stripe-secret-key" })
    let plantings = try Plantings.all(for: RuleCatalog(rules: [rule]))
    #expect(Set(plantings.map(\.format)).count >= 12)
    for planting in plantings {
      let secret = String(decoding: planting.text[planting.secret], as: UTF8.self)
      #expect(secret.hasPrefix("sk_"), "\(planting.format): \(planting.path)")
    }
  }
}
