import Foundation

extension AccuracyReport {
  /// The figures as `make accuracy` prints them: totals, per format, then per rule.
  public func table(everyRule: Bool) -> String {
    var lines = [
      "accuracy: \(found)/\(planted) planted secrets found (recall \(percent(recall))), "
        + "\(falsePositives.count) false positives (\(negativeFiles) negative files, \(negativeBytes) bytes)",
      "",
      "by format:",
    ]
    for (format, figures) in formats.sorted(by: { $0.key < $1.key }) {
      lines.append("  \(pad(format, 12)) \(pad("\(figures.found)/\(figures.planted)", 9)) \(percent(figures.recall))")
    }
    lines += ["", "by rule (recall, false positives)\(everyRule ? "" : ", rules below 100% or with false positives"):"]
    for (id, figures) in rules.sorted(by: { $0.key < $1.key })
    where everyRule || figures.recall < 1 || figures.falsePositives > 0 {
      lines.append(
        "  \(pad(id, 44)) \(pad("\(figures.found)/\(figures.planted)", 7)) \(pad(percent(figures.recall), 7)) fp \(figures.falsePositives)"
      )
    }
    if !falsePositives.isEmpty { lines += ["", "false positives:"] + falsePositives.map { "  " + $0 } }
    return lines.joined(separator: "\n") + "\n"
  }

  private func percent(_ value: Double) -> String { String(format: "%.1f%%", value * 100) }
  private func pad(_ text: String, _ width: Int) -> String {
    text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
  }
}
