import Foundation
import HushCore

/// Recall and false positives of the catalog: planted positives must be found by their rule
/// (or a sibling rule of the same provider), and the negative corpus must yield nothing.
public struct AccuracyReport: Sendable {
  /// Recall of one rule over its plantings, and its false positives on the negative corpus.
  public struct RuleFigures: Sendable {
    /// Plantings of the rule's examples, one per file format.
    public var planted = 0
    /// Plantings the rule found.
    public var found = 0
    /// Findings of the rule on the negative corpus.
    public var falsePositives = 0
    /// Found over planted (1 when nothing was planted).
    public var recall: Double { planted == 0 ? 1 : Double(found) / Double(planted) }
  }

  /// Figures per rule id.
  public var rules: [String: RuleFigures] = [:]
  /// Figures per file format.
  public var formats: [String: RuleFigures] = [:]
  /// Planted secrets that were missed: "rule-id in format".
  public var misses: [String] = []
  /// Findings in the negative corpus or beside a planted secret: "rule-id at path:line".
  public var falsePositives: [String] = []
  /// Files read from the negative corpus.
  public var negativeFiles = 0
  /// Bytes read from the negative corpus.
  public var negativeBytes = 0

  /// Plantings in all.
  public var planted: Int { rules.values.reduce(0) { $0 + $1.planted } }
  /// Plantings found in all.
  public var found: Int { rules.values.reduce(0) { $0 + $1.found } }
  /// Found over planted, all rules together.
  public var recall: Double { planted == 0 ? 1 : Double(found) / Double(planted) }
}

/// Runs the harness: plants every rule's examples in every format and scans the negative corpus.
public enum Accuracy {
  /// Measures `catalog` on its own plantings and on the files under `negatives`.
  public static func measure(_ catalog: RuleCatalog, negatives: URL) throws -> AccuracyReport {
    // As `hush scan` reports: candidates of the generic grammar from the model's scan threshold.
    let detector = Detector(catalog: catalog, options: DetectorOptions(minConfidence: .operatingPoint("scan")))
    var report = AccuracyReport()
    for rule in catalog.rules { report.rules[rule.id] = AccuracyReport.RuleFigures() }
    for planting in try Plantings.all(for: catalog) {
      try record(planting, findings: detector.scan(planting.text, path: planting.path), in: &report)
    }
    for file in try NegativeCorpus.files(under: negatives) {
      report.negativeFiles += 1
      report.negativeBytes += file.bytes.count
      for finding in try detector.scan(file.bytes, path: file.path) {
        report.rules[finding.rule.id, default: .init()].falsePositives += 1
        report.falsePositives.append("\(finding.rule.id) at \(file.path):\(finding.line)")
      }
    }
    return report
  }

  private static func record(_ planting: Planting, findings: [Finding], in report: inout AccuracyReport) {
    let isHit = { (finding: Finding) in
      finding.rule.provider == planting.rule.provider && finding.secretRange.overlaps(planting.secret)
    }
    let found = findings.contains(where: isHit)
    report.rules[planting.rule.id, default: .init()].planted += 1
    report.formats[planting.format, default: .init()].planted += 1
    if found {
      report.rules[planting.rule.id, default: .init()].found += 1
      report.formats[planting.format, default: .init()].found += 1
    } else {
      report.misses.append("\(planting.rule.id) in \(planting.format)")
    }
    // Anything reported outside the planted value is a false positive.
    for finding in findings where !finding.secretRange.overlaps(planting.value) {
      report.rules[finding.rule.id, default: .init()].falsePositives += 1
      report.falsePositives.append(
        "\(finding.rule.id) at \(planting.path):\(finding.line) (\(planting.format) planting of \(planting.rule.id))")
    }
  }
}

/// The committed files that must produce no finding: lockfiles, hashes, minified code,
/// placeholders and documentation examples written for the harness.
enum NegativeCorpus {
  struct File {
    let path: String
    let bytes: [UInt8]
  }

  static func files(under root: URL) throws -> [File] {
    let manager = FileManager.default
    guard let walker = manager.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey]) else {
      throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: root.path])
    }
    var files: [File] = []
    let prefix = root.standardizedFileURL.path + "/"
    for case let url as URL in walker where (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true
    {
      let path = String(url.standardizedFileURL.path.dropFirst(prefix.count))
      files.append(File(path: path, bytes: Array(try Data(contentsOf: url))))
    }
    return files.sorted { $0.path < $1.path }
  }
}
