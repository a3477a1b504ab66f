/// Output formats of scan commands.
public enum ReportFormat: String, Sendable, CaseIterable {
  /// `html` is a page for people after a leak: `hush history` only.
  case text, json, jsonl, sarif, html
}

/// What every report needs besides the findings.
public struct ReportOptions: Sendable {
  var showSecrets = false
  var color = false
  var fingerprinter = Fingerprinter()
  init(showSecrets: Bool = false, color: Bool = false) {
    self.showSecrets = showSecrets
    self.color = color
  }

  func secret(of finding: Finding) -> String {
    if finding.isWholeFile { return "" }
    // Local values are the user's own secrets, read from their files: never echoed.
    if finding.rule.id == LocalSecrets.rule.id { return finding.redacted }
    return showSecrets ? String(decoding: finding.secret, as: UTF8.self) : finding.redacted
  }
}

/// `{"findings": [...], "summary": {...}}`, keys in documented order.
public enum JSONReport {
  static func render(_ result: ScanResult, options: ReportOptions) -> String {
    let findings = result.findings.map { finding(for: $0, options: options) }
    let summary = summaryObject(result.summary)
    return JSONWriter.object([
      ("findings", JSONWriter.array(findings, indent: "  ")),
      ("summary", summary),
    ]) + "\n"
  }

  static func finding(for finding: Finding, options: ReportOptions) -> String {
    JSONWriter.object(members(of: finding, options: options), indent: "    ")
  }

  /// A finding's keys and encoded values, in documented order.
  static func members(of finding: Finding, options: ReportOptions) -> [(String, String)] {
    let q = JSONWriter.quoted
    var members: [(String, String)] = [
      ("rule", q(finding.rule.id)),
      ("description", q(finding.rule.description)),
      ("severity", q(finding.rule.severity.rawValue)),
      ("file", q(finding.path)),
      ("line", String(finding.line)),
      ("column", String(finding.column)),
      ("endLine", String(finding.endLine)),
      ("secret", q(options.secret(of: finding))),
      ("fingerprint", q(options.fingerprinter.fingerprint(rule: finding.rule.id, secret: finding.identity))),
      ("entropy", JSONWriter.number(finding.entropy)),
      ("validated", String(finding.isValidated)),
      ("confidence", JSONWriter.number(finding.confidence, decimals: 4)),
    ]
    if let origin = finding.origin {
      members += [
        ("commit", q(origin.commit.id)),
        ("author", q(origin.commit.author)),
        ("email", q(origin.commit.email)),
        ("date", q(HistoryReport.date(origin.commit.time))),
        ("message", q(origin.commit.subject)),
        ("laterCommits", String(origin.laterCommits)),
        ("inHead", String(origin.isInHead)),
        ("alsoAt", "[" + origin.otherPaths.map(q).joined(separator: ", ") + "]"),
      ]
    }
    return members
  }

  /// One finding per line (JSON Lines), for streaming consumers and `jq -c`.
  public static func lines(_ findings: [Finding], options: ReportOptions) -> String {
    findings.map { JSONWriter.compact(members(of: $0, options: options)) + "\n" }.joined()
  }

  static func summaryObject(_ summary: ScanSummary) -> String {
    JSONWriter.object(summaryMembers(summary), indent: "  ")
  }

  static func summaryMembers(_ summary: ScanSummary) -> [(String, String)] {
    let skipped = JSONWriter.object(
      [
        ("binary", String(summary.skippedBinary)),
        ("tooLarge", String(summary.skippedTooLarge)),
        ("special", String(summary.skippedSpecial)),
        ("allowlisted", String(summary.skippedAllowlisted)),
        ("baselined", String(summary.baselined)),
        ("unreadable", String(summary.unreadable)),
        ("repositories", String(summary.skippedRepositories)),
        ("matchLimit", String(summary.incomplete)),
      ], indent: "    ")
    let milliseconds =
      Double(summary.duration.components.seconds) * 1000
      + Double(summary.duration.components.attoseconds) / 1e15
    return [
      ("findings", String(summary.findings)),
      ("files", String(summary.files)),
      ("bytes", String(summary.bytes)),
      ("skipped", skipped),
      ("rules", String(summary.rules)),
      ("durationMs", JSONWriter.number(milliseconds, decimals: 1)),
    ]
  }
}

/// Human-readable findings (stdout) and summary (stderr).
public enum TextReport {
  /// Each finding as compilers print a diagnostic: `path:line:column: severity rule: what`
  /// (editors and terminals link it), then its line with the secret masked and a caret under
  /// it, its commit for history, and the fix unless a remediation plan follows (`withFixes`).
  public static func render(_ result: ScanResult, options: ReportOptions, withFixes: Bool = true) -> String {
    let secretsByLine = Dictionary(grouping: result.findings.filter { !$0.isWholeFile }) {
      LineKey(path: $0.path, line: $0.line)
    }
    return result.findings.map { finding in
      let others = (secretsByLine[LineKey(path: finding.path, line: finding.line)] ?? [])
        .map(\.secret).filter { $0 != finding.secret }
      return block(for: finding, masking: others, options: options, withFix: withFixes)
    }.joined(separator: "\n")
  }

  private struct LineKey: Hashable {
    let path: String
    let line: Int
  }

  /// One finding's lines.
  static func block(for finding: Finding, masking others: [[UInt8]], options: ReportOptions, withFix: Bool)
    -> String
  {
    let place = paint("\(Printable.text(finding.path)):\(finding.line):\(finding.column):", code: "1", options)
    let severity = paint(finding.rule.severity.rawValue, severity: finding.rule.severity, options)
    var text = "\(place) \(severity) \(finding.rule.id): \(finding.rule.description)\n"
    text += frame(for: finding, masking: others, options: options)
    if let origin = finding.origin { text += "    " + originLines(origin) }
    if withFix { text += "    fix: \(finding.rule.rotate)\n" }
    return text
  }

  /// `  12 | line with the secret masked` and `     |      ^^^^ evidence`.
  static func frame(for finding: Finding, masking others: [[UInt8]], options: ReportOptions) -> String {
    guard !finding.isWholeFile else { return "    the whole file is the secret\n" }
    let shown = options.secret(of: finding)
    let number = String(finding.line)
    let gutter = String(repeating: " ", count: number.count)
    guard let excerpt = finding.excerpt else {
      return "  \(gutter) | \(shown)  (\(evidence(finding)))\n"
    }
    let (line, indent) = excerpt.rendered(secret: shown, masking: others)
    let caret = paint(String(repeating: "^", count: max(1, shown.count)), severity: finding.rule.severity, options)
    return "  \(number) | \(line)\n"
      + "  \(gutter) | \(String(repeating: " ", count: indent))\(caret) \(evidence(finding))\n"
  }

  /// What backs a finding: its rank (confidence in percent), its entropy, and the offline
  /// check it passed.
  static func evidence(_ finding: Finding) -> String {
    let entropy = "rank \(finding.rank), entropy \(JSONWriter.number(finding.entropy))"
    guard let validator = finding.rule.validator else { return entropy }
    return entropy + ", validated: \(validator.rawValue)"
  }

  /// One line for stderr, e.g. `2 secrets in 1 file (scanned 120 files, 4.2 MB in 0.05 s; ...)`.
  public static func summaryLine(_ summary: ScanSummary) -> String {
    let seconds =
      Double(summary.duration.components.seconds)
      + Double(summary.duration.components.attoseconds) / 1e18
    let megabytes = Double(summary.bytes) / 1_000_000
    var skipped: [String] = []
    if summary.skippedBinary > 0 { skipped.append("\(summary.skippedBinary) binary") }
    if summary.skippedTooLarge > 0 { skipped.append("\(summary.skippedTooLarge) too large") }
    if summary.skippedSpecial > 0 { skipped.append("\(summary.skippedSpecial) not regular") }
    if summary.skippedAllowlisted > 0 { skipped.append("\(summary.skippedAllowlisted) allowlisted") }
    if summary.baselined > 0 {
      skipped.append("\(summary.baselined) finding\(summary.baselined == 1 ? "" : "s") in the baseline")
    }
    if summary.unreadable > 0 { skipped.append("\(summary.unreadable) unreadable") }
    if summary.skippedRepositories > 0 {
      skipped.append(
        "\(summary.skippedRepositories) nested repositor\(summary.skippedRepositories == 1 ? "y" : "ies")")
    }
    if summary.incomplete > 0 {
      skipped.append("\(summary.incomplete) window\(summary.incomplete == 1 ? "" : "s") at the regex match limit")
    }
    let found =
      summary.findings == 0 ? "no secrets found" : "\(summary.findings) secret\(summary.findings == 1 ? "" : "s") found"
    let skippedText = skipped.isEmpty ? "" : "; skipped \(skipped.joined(separator: ", "))"
    return "hush: \(found) (scanned \(summary.files) file\(summary.files == 1 ? "" : "s"), "
      + "\(JSONWriter.number(megabytes)) MB in \(JSONWriter.number(seconds, decimals: 3)) s with \(summary.rules) rules\(skippedText))"
  }

  static let allowHint =
    "hush: to allow a false positive, add `hush:allow` to its line or its path to [allowlist] paths in .hush.toml"

  private static func paint(_ text: String, severity: Severity, _ options: ReportOptions) -> String {
    // Critical stands out from high: white on red, against red text.
    switch severity {
    case .critical: paint(text, code: "1;37;41", options)
    case .high: paint(text, code: "1;31", options)
    case .medium: paint(text, code: "33", options)
    case .low: paint(text, code: "36", options)
    }
  }

  private static func paint(_ text: String, code: String, _ options: ReportOptions) -> String {
    options.color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
  }
}
